package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// story is the body of an invented news page; every test page wraps it in
// different chrome and encodings.
const story = `<p>Reading Time: 2 minutes</p>
<p>Flood waters rose again on Sunday in the river towns of the northern
province, forcing some 4,000 residents from their homes, the regional
civil protection office said.</p>
<p>Rescue teams in boats searched the lower districts of Velmora for people
trapped on rooftops, and the army sent two helicopters to the area.</p>
<p>The governor said the dikes built after the floods of 2011 had held in
most places but that one section near the old bridge gave way overnight.</p>
<p>Forecasters expect more rain until Wednesday.</p>`

func page(head, body string) string {
	return `<!DOCTYPE html><html lang="en"><head>` + head + `</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>
<a href="/subscribe">Subscribe now for unlimited access</a></nav></header>
<main><article><h1>Floods force thousands from homes in Velmora</h1>` + body + `</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Minister visits flooded farms in the south</a></li>
<li><a href="/b">Opposition leader arrested at border crossing</a></li></ul></aside></main>
<footer><p>© 2024 The Northern Ledger. All rights reserved.</p><p><a href="/privacy">Privacy policy</a></p></footer>
</body></html>`
}

const head = `<meta charset="utf-8"><title>Floods force thousands from homes in Velmora | The Northern Ledger</title>
<link rel="canonical" href="https://ledger.example/2024/05/12/floods-velmora">
<meta property="og:site_name" content="The Northern Ledger">
<meta name="author" content="Mara Tolsen">
<meta property="article:published_time" content="2024-05-12T08:30:00+02:00">`

func TestExtractArticle(t *testing.T) {
	p, err := Extract([]byte(page(head, story)), Options{URL: "https://ledger.example/x?utm=1"})
	if err != nil {
		t.Fatal(err)
	}
	a := p.Article
	for _, c := range []struct{ name, got, want string }{
		{"title", a.Title, "Floods force thousands from homes in Velmora"},
		{"published", a.Published, "2024-05-12"},
		{"url", a.URL, "https://ledger.example/2024/05/12/floods-velmora"},
		{"source", a.Source, "The Northern Ledger"},
		{"author", p.Author, "Mara Tolsen"},
		{"language", a.Language, "en"},
		{"charset", p.Charset, "utf-8"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	for _, want := range []string{
		"forcing some 4,000 residents from their homes, the regional civil protection office said.\n\nRescue teams",
		"Forecasters expect more rain until Wednesday.",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"Reading Time", "Subscribe", "Related stories", "Opposition leader", "All rights reserved", "Privacy"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, a.Text)
		}
	}
	if !strings.Contains(p.Raw, "Reading Time: 2 minutes") {
		t.Errorf("Raw should keep the line for the pipeline to drop and report:\n%s", p.Raw)
	}
	if len(a.Dropped) != 1 || a.Dropped[0].Reason != "reading-time" {
		t.Errorf("dropped = %+v, want the reading-time line", a.Dropped)
	}
}

// TestCharsets writes the same page in several encodings; the accented
// place name and the curly quotes must come out right in each.
func TestCharsets(t *testing.T) {
	body := `<p>Residents of Sète and Ñuble told reporters the “worst flood in memory” had reached the café on the square by midnight, and the water kept rising.</p>` +
		`<p>Volunteers from Zürich and São Paulo arrived on Monday with pumps, food and blankets for the families who lost their homes.</p>`
	want := []string{"Sète", "Ñuble", "“worst flood in memory”", "café", "Zürich", "São Paulo"}
	latin1 := func(s string) string { // U+0000–U+00FF as single bytes
		var b []byte
		for _, r := range s {
			switch r {
			case '“':
				b = append(b, 0x93) // Windows-1252
			case '”':
				b = append(b, 0x94)
			default:
				b = append(b, byte(r))
			}
		}
		return string(b)
	}
	utf16le := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return string(b)
	}
	long := `<script>` + strings.Repeat("var x = 1;\n", 200) + `</script>`
	cases := []struct {
		name, page, ctype, charset string
	}{
		{"utf-8 declared", page(`<meta charset="utf-8">`, body), "", "utf-8"},
		{"utf-8 undeclared", page(``, body), "", "utf-8"},
		{"utf-8 bom", "\xef\xbb\xbf" + page(``, body), "", "utf-8"},
		{"latin-1 meta", latin1(page(`<meta charset="iso-8859-1">`, body)), "", "windows-1252"},
		{"http-equiv", latin1(page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, body)), "", "windows-1252"},
		{"undeclared 1252", latin1(page(``, body)), "", "windows-1252"},
		{"header wins", latin1(page(`<meta charset="utf-8">`, body)), "text/html; charset=ISO-8859-1", "windows-1252"},
		{"meta after 1024 bytes", latin1(page(long+`<meta charset="latin1">`, body)), "", "windows-1252"},
		{"utf-16 bom", utf16le(page(``, body)), "", "utf-16le"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Extract([]byte(c.page), Options{ContentType: c.ctype})
			if err != nil {
				t.Fatal(err)
			}
			if p.Charset != c.charset {
				t.Errorf("charset %q, want %q", p.Charset, c.charset)
			}
			for _, w := range want {
				if !strings.Contains(p.Article.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, p.Article.Text)
				}
			}
			if p.Article.Stats.InvalidUTF8 != 0 {
				t.Errorf("%d invalid sequences", p.Article.Stats.InvalidUTF8)
			}
		})
	}
}

func TestBadPages(t *testing.T) {
	for _, c := range []struct {
		name, page string
		noText     bool
	}{
		{"empty", "", true},
		{"no text", `<html><head><title>x</title><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>`, true},
		{"not html", "\x00\x01\x02 binary \xff\xfe\xfd", false},
		{"unclosed tags", `<html><body><div><p>The council met on Thursday and voted to close the old harbour to tankers after the spill last month, ending a dispute that had lasted for years.<p>Fishermen welcomed the decision<div><b><i>and said they would return to the water next week`, false},
		{"deep nesting", strings.Repeat("<div>", 5000) + "<p>" + strings.Repeat("Troops crossed the river at dawn. ", 20) + "</p>", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := Extract([]byte(c.page), Options{})
			if c.noText {
				if !errors.Is(err, ErrNoText) {
					t.Fatalf("err = %v, want ErrNoText", err)
				}
				return
			}
			if err != nil {
				// An error is an acceptable answer to a broken page
				// (html.Parse refuses nesting deeper than 512); a panic
				// or garbage out is not.
				t.Logf("err = %v", err)
				return
			}
			if !utf8.ValidString(p.Article.Text) {
				t.Errorf("invalid UTF-8 out")
			}
		})
	}
}

func TestParagraphBreaks(t *testing.T) {
	body := `<p>The strike closed the port for a third day, and shipping companies began to divert vessels to the south.</p>
<p>Union leaders said they would meet the ministry on Friday.<br>Talks broke down last week.</p>
<div>Dockers gathered at the gate at dawn and blocked the trucks waiting to load grain for export.<br><br>Police watched from a distance and made no arrests.</div>
<ul><li>Ships waiting offshore: 41</li><li>Containers held at the port: 12,000</li></ul>`
	p, err := Extract([]byte(page(head, body)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"divert vessels to the south.\n\nUnion leaders",
		"on Friday.\nTalks broke down",
		"grain for export.\n\nPolice watched",
		"Ships waiting offshore: 41\n\nContainers held",
	} {
		if !strings.Contains(p.Article.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Article.Text)
		}
	}
}

func TestTitle(t *testing.T) {
	cands := siteNames("The Northern Ledger", "www.ledger.co.uk")
	for _, c := range []struct{ in, want string }{
		{"Floods in Velmora | The Northern Ledger", "Floods in Velmora"},
		{"Floods in Velmora - Ledger | Latest news, sport", "Floods in Velmora"},
		{"The Northern Ledger: Floods in Velmora", "Floods in Velmora"},
		{"Floods in Velmora", "Floods in Velmora"},
		{"The Northern Ledger", "The Northern Ledger"},
		{"Strikes - the ledger of a lost year", "Strikes - the ledger of a lost year"},
		{"Red Sea - Dead Sea talks resume", "Red Sea - Dead Sea talks resume"},
		{"Far-right wins in Salzburg", "Far-right wins in Salzburg"},
	} {
		if got := stripSite(c.in, cands); got != c.want {
			t.Errorf("stripSite(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(page(head, story)), "")
	f.Add([]byte("<html><body><p>a</p></body></html>"), "text/html; charset=koi8-r")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Add([]byte(`<meta charset="x-user-defined"><p>`+strings.Repeat("\x93word\x94 ", 60)), "")
	f.Fuzz(func(t *testing.T, b []byte, ctype string) {
		p, err := Extract(b, Options{ContentType: ctype})
		if err != nil {
			return // a recovered panic of the extractor included
		}
		// Raw keeps bytes invalid in the page's declared encoding for the
		// pipeline's norm to count (Decode's contract); what goes out as
		// is must be valid.
		for _, s := range []string{p.Article.Text, p.Article.Title, p.Article.Source} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
		if strings.TrimSpace(p.Article.Text) == "" {
			t.Fatalf("an article without text")
		}
	})
}
