package storedoc

import (
	"database/sql"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestCheck(t *testing.T) {
	doc := func(id, text string) *khaldun.Coded {
		return &khaldun.Coded{Doc: khaldun.NewDocument(khaldun.Article{ID: id, Text: text})}
	}
	tests := []struct {
		name string
		in   *khaldun.Coded
		want string // part of the error, "" for none
	}{
		{"nil", nil, "nil document"},
		{"nil doc", &khaldun.Coded{}, "nil document"},
		{"no id", doc("", "Body."), "no id"},
		{"no body", doc("a1", ""), "article a1: no body"},
		{"ok", doc("a1", "Body."), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.in)
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("Check = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestDecodeStored decodes columns as a store holds them (testdata): a
// row written before sentences and the article kept their tones, which
// reads back with tones 0, and a current one, which must give the same
// columns back when its document is encoded again.
func TestDecodeStored(t *testing.T) {
	tests := []struct {
		file       string
		sentTones  [2]float64
		tone       float64
		roundTrips bool // Encode(Decode(c)) == c; an old row is rewritten in the current form
	}{
		{"columns.json", [2]float64{0, 0}, 0, false},
		{"columns_tone.json", [2]float64{-34.5, 12.25}, -11.125, true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			var stored struct {
				Sentences, Dropped, Stats, Body string
				Tone                            *float64
			}
			if err := json.Unmarshal(raw, &stored); err != nil {
				t.Fatal(err)
			}
			c := Columns{Body: []byte(stored.Body), Sentences: stored.Sentences, Dropped: stored.Dropped, Stats: stored.Stats,
				Tone: stored.Tone}
			doc, err := Decode(khaldun.Article{ID: "a1", Title: "Syria"}, c)
			if err != nil {
				t.Fatal(err)
			}
			if got := []string{doc.Sentences[0].Text, doc.Sentences[1].Text}; got[0] != "Rebels shelled Homs." || got[1] != "Talks resumed in Geneva." {
				t.Errorf("sentence texts %q", got)
			}
			if doc.Sentences[1].Paragraph != 1 || doc.Article.Title != "Syria" || doc.Article.Text != stored.Body {
				t.Errorf("decoded %+v", doc.Article)
			}
			if doc.Article.Stats.Tokens != 9 || len(doc.Article.Dropped) != 1 || doc.Article.Dropped[0].Reason != "share" {
				t.Errorf("decoded stats %+v, dropped %+v", doc.Article.Stats, doc.Article.Dropped)
			}
			if got := [2]float64{doc.Sentences[0].Tone, doc.Sentences[1].Tone}; got != tt.sentTones || doc.Article.Tone != tt.tone {
				t.Errorf("tones: sentences %v, article %v; want %v, %v", got, doc.Article.Tone, tt.sentTones, tt.tone)
			}
			again := Encode(doc)
			if tt.roundTrips && !reflect.DeepEqual(again, c) {
				t.Errorf("Encode(Decode(c)) = %+v\nwant %+v", again, c)
			}
			// Whatever form it was read from, the rewritten row decodes
			// to the same document.
			if back, err := Decode(khaldun.Article{ID: "a1", Title: "Syria"}, again); err != nil || !reflect.DeepEqual(back, doc) {
				t.Errorf("Decode(Encode(doc)) = %+v, %v\nwant %+v", back, err, doc)
			}
		})
	}
}

// TestEncodeSentences: SQL reads a sentence's paragraph as element 2 of
// its array (sqlite's export), so the tone must come after it; a tone
// JSON cannot hold is stored as 0 rather than losing the column.
func TestEncodeSentences(t *testing.T) {
	tests := []struct {
		name  string
		sents []khaldun.SentRef
		want  string
	}{
		{"none", nil, "[]"},
		{"toned", []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: 4}, Tone: 1.5},
			{Span: khaldun.Span{Start: 5, End: 9}, Paragraph: 3, Tone: -2}}, "[[0,4,0,1.5],[5,9,3,-2]]"},
		{"tiny tone", []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: 4}, Tone: 1e-9}}, "[[0,4,0,1e-09]]"},
		{"not a number", []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: 4}, Tone: math.NaN()},
			{Span: khaldun.Span{Start: 5, End: 9}, Tone: math.Inf(-1)}}, "[[0,4,0,0],[5,9,0,0]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := khaldun.NewDocument(khaldun.Article{ID: "a1", Text: "One. Two."})
			d.Sentences = tt.sents
			c := Encode(d)
			if c.Sentences != tt.want {
				t.Fatalf("sentences column %s, want %s", c.Sentences, tt.want)
			}
			back, err := Decode(khaldun.Article{ID: "a1"}, c)
			if err != nil || len(back.Sentences) != len(tt.sents) {
				t.Fatalf("decode %s: %+v, %v", c.Sentences, back, err)
			}
			for i, s := range back.Sentences {
				if want := tt.sents[i].Tone; s.Tone != want && !(s.Tone == 0 && (math.IsNaN(want) || math.IsInf(want, 0))) {
					t.Errorf("sentence %d tone %v, want %v", i, s.Tone, want)
				}
			}
		})
	}
}

func TestEncodeNoDropped(t *testing.T) {
	c := Encode(khaldun.NewDocument(khaldun.Article{ID: "a1", Text: "x"}))
	if c.Dropped != "[]" || c.Sentences != "[]" {
		t.Errorf("empty document columns %+v: want [] for none", c)
	}
}

func TestDecodeDamaged(t *testing.T) {
	for _, c := range []Columns{
		{Sentences: "[[0,", Dropped: "[]", Stats: "{}"},
		{Sentences: "[]", Dropped: "{", Stats: "{}"},
		{Sentences: "[]", Dropped: "[]", Stats: "nope"},
		{Sentences: "[[0,4]]", Dropped: "[]", Stats: "{}"},         // too few elements
		{Sentences: "[[0,4,0,1,9]]", Dropped: "[]", Stats: "{}"},   // too many
		{Sentences: `[[0,4,0,"low"]]`, Dropped: "[]", Stats: "{}"}, // a tone that is no number
		{Sentences: "[[0,4.5,0]]", Dropped: "[]", Stats: "{}"},     // a span that is no integer
		{Sentences: "[5]", Dropped: "[]", Stats: "{}"},             // a sentence that is no array
	} {
		if _, err := Decode(khaldun.Article{ID: "a1"}, c); err == nil {
			t.Errorf("Decode(%+v) took damaged columns", c)
		}
	}
	// A span past the body reads as no text rather than a panic.
	doc, err := Decode(khaldun.Article{ID: "a1"}, Columns{Body: []byte("short"), Sentences: "[[2,99,0],[3,1,0]]", Dropped: "[]", Stats: "{}"})
	if err != nil || doc.Sentences[0].Text != "" || doc.Sentences[1].Text != "" {
		t.Fatalf("out-of-body spans: %+v, %v", doc.Sentences, err)
	}
}

func TestLocation(t *testing.T) {
	l, err := Location("m1", JSON(&khaldun.Location{Name: "Homs", Country: "SYR", GeonameID: 169577}))
	if err != nil || l.Name != "Homs" || l.GeonameID != 169577 {
		t.Fatalf("Location = %+v, %v", l, err)
	}
	if _, err := Location("m2", "{"); err == nil || !strings.Contains(err.Error(), "mention m2") {
		t.Fatalf("damaged location error %v, want one naming mention m2", err)
	}
}

// TestMentionRow fills the destinations as a driver would and checks
// what the row completes to.
func TestMentionRow(t *testing.T) {
	body := "Delegations met in Geneva. Talks went on."
	doc := khaldun.NewDocument(khaldun.Article{ID: "a1", Text: body})
	set := func(dest []any, i int, v any) {
		switch p := dest[i].(type) {
		case *string:
			*p = v.(string)
		case *int:
			*p = v.(int)
		case *float64:
			*p = v.(float64)
		case **string:
			s := v.(string)
			*p = &s
		case **int:
			n := v.(int)
			*p = &n
		default:
			t.Fatalf("destination %d is %T", i, dest[i])
		}
	}
	tests := []struct {
		name       string
		withTarget bool
		location   string
		doc        *khaldun.Document
		text       string
		wantText   string
		wantErr    bool
	}{
		{"from body", true, `{"name":"Geneva","country":"CHE"}`, doc, "", "Delegations met in Geneva.", false},
		{"from query", false, "", nil, "read by the query", "read by the query", false},
		{"damaged location", false, "{", nil, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m MentionRow
			dest := m.Dest()
			if len(dest) != 31 {
				t.Fatalf("%d destinations, want the 31 mention columns", len(dest))
			}
			set(dest, 0, "a1")
			set(dest, 1, "a1-e0")
			set(dest, 3, 0)
			set(dest, 4, 26)
			if tt.withTarget {
				for i, v := range []any{"Russia", "RUS", "RUS", "GOV", 3, 9} {
					set(dest, 13+i, v)
				}
			}
			if tt.location != "" {
				set(dest, 27, tt.location)
			}
			set(dest, 30, -2.5) // the event's tone, last
			got, err := m.Mention(tt.doc, tt.text)
			if tt.wantErr {
				if err == nil {
					t.Fatal("damaged location accepted")
				}
				return
			}
			if err != nil || got.Article != "a1" || got.Event.ID != "a1-e0" || got.Event.Text != tt.wantText || got.Event.Tone != -2.5 {
				t.Fatalf("Mention = %+v, %v", got, err)
			}
			if tt.withTarget != (got.Event.Target != nil) ||
				tt.withTarget && *got.Event.Target != (khaldun.Actor{Text: "Russia", Code: "RUS", Country: "RUS", Role: "GOV", Span: khaldun.Span{Start: 3, End: 9}}) {
				t.Errorf("target %+v", got.Event.Target)
			}
			if (tt.location != "") != (got.Event.Location != nil) {
				t.Errorf("location %+v", got.Event.Location)
			}
		})
	}
}

func TestAnnotationDests(t *testing.T) {
	d := khaldun.NewDocument(khaldun.Article{})
	for _, f := range []struct {
		dest func(*khaldun.Document) []any
		cols int
	}{{EntityDest, 5}, {PlaceDest, 9}, {DateDest, 4}, {QuoteDest, 5}, {CountDest, 10}} {
		if n := len(f.dest(d)); n != f.cols {
			t.Errorf("%d destinations, want %d", n, f.cols)
		}
	}
	*EntityDest(d)[0].(*string) = "Geneva"
	if len(d.Entities) != 2 || d.Entities[1].Text != "Geneva" || len(d.Counts) != 1 {
		t.Errorf("rows not appended in place: %+v", d)
	}
}

// The agent span's two columns fill one pointer: NULL leaves it nil, and
// a count scanned again never keeps or shares the previous span.
func TestCountAgentSpan(t *testing.T) {
	prev := &khaldun.Span{Start: 1, End: 2}
	tests := []struct {
		name       string
		start, end any
		want       *khaldun.Span
		err        bool
	}{
		{"both", int64(12), int64(25), &khaldun.Span{Start: 12, End: 25}, false},
		{"pgx int32", int32(3), int32(9), &khaldun.Span{Start: 3, End: 9}, false},
		{"none", nil, nil, nil, false},
		{"end only", nil, int64(7), &khaldun.Span{End: 7}, false},
		{"start only", int64(7), nil, nil, false},
		{"text", "12", int64(25), nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := khaldun.Count{AgentSpan: prev}
			dest := CountFields(&c)
			err := dest[7].(sql.Scanner).Scan(tt.start)
			if err == nil {
				err = dest[8].(sql.Scanner).Scan(tt.end)
			}
			if (err != nil) != tt.err {
				t.Fatalf("error %v, want error %v", err, tt.err)
			}
			if tt.err {
				return
			}
			if !reflect.DeepEqual(c.AgentSpan, tt.want) || *prev != (khaldun.Span{Start: 1, End: 2}) {
				t.Errorf("agent span %v, want %v (previous now %v)", c.AgentSpan, tt.want, *prev)
			}
		})
	}
}

func TestCountArgs(t *testing.T) {
	agent, start, end, role := CountArgs(&khaldun.Count{Agent: "police", AgentSpan: &khaldun.Span{Start: 4, End: 10}, AgentRole: "COP"})
	if agent != "police" || start == nil || end == nil || *start != 4 || *end != 10 || role != "COP" {
		t.Errorf("CountArgs = %q, %v, %v, %q", agent, start, end, role)
	}
	if _, start, end, _ := CountArgs(&khaldun.Count{}); start != nil || end != nil {
		t.Errorf("no agent span gave %v, %v", start, end)
	}
}

// BenchmarkEncodeDecode encodes and decodes the columns of an article of
// 200 toned sentences, the size of a long report.
func BenchmarkEncodeDecode(b *testing.B) {
	body := strings.Repeat("Talks resumed in Geneva on Tuesday. ", 200)
	d := khaldun.NewDocument(khaldun.Article{ID: "a1", Text: body, Tone: -3.0625})
	for i := range 200 {
		d.Sentences = append(d.Sentences, khaldun.SentRef{Span: khaldun.Span{Start: i * 36, End: i*36 + 35}, Paragraph: i / 5,
			Tone: float64(i%41-20) * 3.7})
	}
	b.ReportAllocs()
	for b.Loop() {
		c := Encode(d)
		if _, err := Decode(khaldun.Article{ID: "a1"}, c); err != nil {
			b.Fatal(err)
		}
	}
}
