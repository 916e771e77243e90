package export

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/sqlite"
)

// The fixture is invented news: three outlets, four articles, events that
// merge across articles and events that differ in date, root, quad class,
// country and place, so that each filter has something to keep and drop.

func tone(f float64) *float64 { return &f }

type art struct {
	id, url, source, published, text string
	paras                            []int // paragraph of each sentence
	events                           []khaldun.Event
	quotes                           []khaldun.Quote
	counts                           []khaldun.Count
	tone                             *float64
}

var paris = &khaldun.Location{Text: "Paris", Name: "Paris", Country: "FRA", Admin1: "IDF", Lat: 48.8534, Lon: 2.3488, GeonameID: 2988507}
var austin = &khaldun.Location{Text: "Austin", Name: "Austin", Country: "USA", Admin1: "TX", Lat: 30.2672, Lon: -97.7431, GeonameID: 4671654}

func criticise(sentence int, span khaldun.Span) khaldun.Event {
	return khaldun.Event{ID: "e1", Sentence: sentence, Span: span, Text: "criticised",
		Source: khaldun.Actor{Text: "French ministers", Code: "FRAGOV", Country: "FRA", Role: "GOV", Span: khaldun.Span{Start: 0, End: 16}},
		Target: &khaldun.Actor{Text: "Germany", Code: "DEU", Country: "DEU", Span: khaldun.Span{Start: 28, End: 35}},
		Code:   "111", Root: "11", Name: "Criticize or denounce", Plover: "ACCUSE", QuadClass: 3, Goldstein: -2,
		Date: "2024-03-05", Location: paris, Rule: "test", Confidence: 0.85}
}

var fixture = []art{
	{id: "a1", url: "https://news.example/a1", source: "Example Post", published: "2024-03-05", tone: tone(-3.5),
		text:   "French ministers criticised Germany in Paris on Tuesday.\n\nThe \"talks\" were\tshort.",
		paras:  []int{0, 1},
		events: []khaldun.Event{criticise(0, khaldun.Span{Start: 17, End: 27})},
		quotes: []khaldun.Quote{{Text: "talks", Span: khaldun.Span{Start: 62, End: 67}, Speaker: "a minister", SpeakerActor: "FRAGOV"}},
	},
	{id: "a2", url: "https://wire.example/a2", source: "Wire Daily", published: "2024-03-06", tone: tone(-1.5),
		text:  "Background first.\n\nFrench ministers criticised Germany in Paris on Tuesday.",
		paras: []int{0, 1},
		events: []khaldun.Event{func() khaldun.Event {
			e := criticise(1, khaldun.Span{Start: 36, End: 46})
			e.Source.Span, e.Target.Span = khaldun.Span{Start: 19, End: 35}, khaldun.Span{Start: 47, End: 54}
			return e
		}()},
	},
	{id: "a3", url: "", source: "Lone Star Ledger", published: "2024-04-01",
		text:  "Texas police clashed with protesters in Austin, killing 3 people.",
		paras: []int{0},
		events: []khaldun.Event{{ID: "e1", Span: khaldun.Span{Start: 13, End: 20}, Text: "clashed",
			Source: khaldun.Actor{Text: "Texas police", Code: "USACOP", Country: "USA", Role: "COP", Span: khaldun.Span{Start: 0, End: 12}},
			Target: &khaldun.Actor{Text: "protesters", Code: "USAOPP", Country: "USA", Role: "OPP", Span: khaldun.Span{Start: 26, End: 36}},
			Code:   "190", Root: "19", Name: "Use conventional military force", Plover: "FIGHT", QuadClass: 4, Goldstein: -10,
			Date: "2024-04-01", Location: austin, Rule: "test", Confidence: 0.6}},
		counts: []khaldun.Count{{Type: "killed", Number: 3, Span: khaldun.Span{Start: 56, End: 64}, Object: "people",
			Agent: "Texas police", AgentSpan: &khaldun.Span{Start: 0, End: 12}, AgentRole: "COP"}},
	},
	{id: "a4", url: "https://news.example/a4", source: "Example Post", published: "2024-03-20",
		text:  "Iran's foreign minister made a statement.",
		paras: []int{0},
		events: []khaldun.Event{{ID: "e1", Span: khaldun.Span{Start: 24, End: 28}, Text: "made a statement",
			Source: khaldun.Actor{Text: "Iran's foreign minister", Code: "IRNGOV", Country: "IRN", Role: "GOV", Span: khaldun.Span{Start: 0, End: 23}},
			Code:   "010", Root: "01", Name: "Make public statement", Plover: "", QuadClass: 1, Goldstein: 0,
			Date: "2024-03-20", Rule: "test", Confidence: 0.55}},
	},
}

// fill stores the fixture in a new database and returns it open.
func fill(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, a := range fixture {
		d := khaldun.NewDocument(khaldun.Article{ID: a.id, URL: a.url, Source: a.source, Published: a.published,
			Language: "en", Text: a.text, Title: "Title of " + a.id})
		start := 0
		for i, p := range a.paras {
			end := len(a.text)
			if i+1 < len(a.paras) {
				end = start + indexFrom(a.text[start:], "\n\n")
			}
			d.Sentences = append(d.Sentences, khaldun.SentRef{Span: khaldun.Span{Start: start, End: end}, Paragraph: p})
			start = end + 2
		}
		d.Events, d.Quotes, d.Counts = a.events, append(d.Quotes, a.quotes...), append(d.Counts, a.counts...)
		if _, err := s.Save(ctx, &khaldun.Coded{Doc: d, Dictionary: "test", Pipeline: "test", Tone: a.tone}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func indexFrom(s, sep string) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return i
		}
	}
	return len(s)
}
