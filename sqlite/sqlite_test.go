package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// The store's behaviour is tested by the contract suite (contract_test.go);
// these helpers serve the tests of what is SQLite's own: migrations, the
// rollup and the benchmark.

// Fixture texts, written for these tests.
const (
	talks = "Delegations from both governments met in Geneva on Tuesday for a third round of talks on a ceasefire, officials said. " +
		"The talks, hosted by the foreign ministry, were expected to last two days after weeks of shelling along the border."
	protest = "Thousands of students marched through the capital on Friday demanding the release of detained journalists. " +
		"Police fired tear gas to disperse the crowd outside parliament as the interior minister promised an inquiry."
)

func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// coded builds a document over body with events spanning its first
// sentence.
func coded(id, outlet, published, body string, events ...khaldun.Event) *khaldun.Coded {
	d := khaldun.NewDocument(khaldun.Article{ID: id, Source: outlet, Published: published, Language: "en",
		URL: "https://example.org/" + id, Title: "t " + id, Text: body, Dropped: []khaldun.Dropped{}})
	end := strings.Index(body, ". ") + 1
	d.Sentences = []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: end}, Text: body[:end]},
		{Span: khaldun.Span{Start: end + 1, End: len(body)}, Paragraph: 1, Text: body[end+1:]}}
	for i, e := range events {
		e.ID = fmt.Sprintf("%s-%d", id, i)
		e.Text = body[:end]
		d.Events = append(d.Events, e)
	}
	return &khaldun.Coded{Doc: d, Dictionary: "lexicon-test", Pipeline: "test"}
}

func meet(source, target, date string) khaldun.Event {
	e := khaldun.Event{Source: khaldun.Actor{Text: source, Code: source, Country: source[:3], Span: khaldun.Span{Start: 0, End: 11}},
		Code: "040", Root: "04", Name: "Consult", Plover: "CONSULT", QuadClass: 1, Goldstein: 1, Date: date,
		Span: khaldun.Span{Start: 0, End: 40}, Rule: "verbs.txt:1", Confidence: 0.8}
	if target != "" {
		e.Target = &khaldun.Actor{Text: target, Code: target, Country: target[:3], Span: khaldun.Span{Start: 20, End: 30}}
	}
	return e
}
