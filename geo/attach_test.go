package geo

import (
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// seedS4 is a sentence of the seed article.
const seedS4 = "This comes after the two factions also met in Moscow in February to discuss the formation of a unity government amidst the ongoing Israeli onslaught on Gaza."

func TestAttach(t *testing.T) {
	p, a := testPipeline(t)
	cases := []struct {
		text, verb, want string // want "" means no location
		// source and target name the event's actors by their first
		// occurrence; "" for none
		source, target string
	}{
		{"The two foreign ministers met in Beijing on Tuesday.", "met", "Beijing", "", ""},
		{"An air strike near Khan Younis killed four people.", "killed", "Khan Younis", "", ""},
		{"Envoys will meet in Qatar in March to discuss a truce.", "meet", "Qatar", "", ""},
		{"Washington said it would impose new sanctions.", "said", "", "", ""},
		{"Syrian troops shelled the hills overnight.", "shelled", "", "", ""},
		{"The Paris-based charity condemned the raid.", "condemned", "", "", ""},
		{"The president flew to Doha on Sunday.", "flew", "", "", ""},
		{"Protesters rallied in the northern city of Aleppo on Friday.", "rallied", "Aleppo", "", ""},
		{"Leaders met in Oslo after talks in Cairo collapsed.", "met", "Oslo", "", ""},
		{"In Nairobi, police arrested three suspects.", "arrested", "Nairobi", "", ""},
		{"Police arrested three men; the raid in Lagos was the second this week.", "arrested", "", "", ""},
		// an event's own actor is not where it happened (the engine's
		// 0256 event of this sentence); "from Gaza" is an origin
		{"Hamas called on Israel to withdraw from Gaza.", "called", "", "Hamas", "Israel"},
		// skipping the target leaves the next-best place, not none
		{"Russia fired missiles at Ukraine near Kharkiv.", "fired", "Kharkiv", "Russia", "Ukraine"},
		// spans, not names: another mention of the target's name is
		// still a location
		{"Russia fired missiles at Ukraine from bases in Ukraine.", "fired", "Ukraine", "Russia", "Ukraine"},
		// an event noun is its own anchor: the place of an earlier verb
		// is not its location
		{seedS4, "onslaught", "", "Israeli", "Gaza"},
		{seedS4, "met", "Moscow", "factions", ""},
		{"In Gaza, there has been an onslaught by Israeli troops.", "onslaught", "Gaza", "Israeli", ""},
		// without the actors the nearest place is taken, as before
		{"Russia fired missiles at Ukraine near Kharkiv.", "fired", "Ukraine", "", ""},
	}
	for _, c := range cases {
		doc := annotate(t, p, c.text)
		tx := p.Prepare(c.text, "")
		var s khaldun.Sentence
		if len(tx.Sentences) > 0 {
			s = tx.Sentences[0]
		}
		i := strings.Index(c.text, " "+c.verb) + 1
		if strings.HasPrefix(c.text, c.verb) {
			i = 0
		}
		e := &khaldun.Event{}
		if c.source != "" {
			e.Source.Span = spanOf(c.text, c.source)
		}
		if c.target != "" {
			e.Target = &khaldun.Actor{Span: spanOf(c.text, c.target)}
		}
		loc := a.Attach(doc, s, e, khaldun.Span{Start: i, End: i + len(c.verb)})
		got := ""
		if loc != nil {
			got = loc.Text
			// the location is the mention it was read from
			if c.text[loc.Span.Start:loc.Span.End] != loc.Text {
				t.Errorf("%q: location span %v is %q, not %q", c.text, loc.Span, c.text[loc.Span.Start:loc.Span.End], loc.Text)
			}
			if e.Target != nil && loc.Span == e.Target.Span {
				t.Errorf("%q: location is the target's own mention", c.text)
			}
		}
		if got != c.want {
			t.Errorf("%q (verb %q): got %q, want %q", c.text, c.verb, got, c.want)
		}
	}
	if a.Attach(nil, khaldun.Sentence{}, nil, khaldun.Span{}) != nil {
		t.Error("Attach(nil) is not nil")
	}
}

// spanOf is the byte span of the first occurrence of sub in text.
func spanOf(text, sub string) khaldun.Span {
	i := strings.Index(text, sub)
	return khaldun.Span{Start: i, End: i + len(sub)}
}
