// Package storetest is the behavioural contract of a khaldun store: one
// suite of tests that every implementation (sqlite, postgres) runs from its
// own tests, so that they store, aggregate, filter, page and export alike.
//
// A store's test calls Run with a function that opens a fresh, empty store
// for each test:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
//	}
package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// Store is everything a khaldun store implements: the interfaces the CLI,
// the HTTP API and the exports use, the feed state of khaldun watch (the
// methods of feed.State, repeated here so that the suite does not build
// the fetching and extraction behind package feed), and Check, which
// proves the incrementally kept aggregates agree with their mentions.
type Store interface {
	khaldun.Store
	khaldun.Explorer
	khaldun.Exporter
	FeedState(ctx context.Context, feedURL string) (etag, lastModified string, err error)
	SetFeedState(ctx context.Context, feedURL, etag, lastModified string, status int) error
	Seen(ctx context.Context, key string) (bool, error)
	MarkSeen(ctx context.Context, feedURL string, keys []string, status int, article string) error
	Check(ctx context.Context) error
}

// Run runs the contract suite, each test on a store open returns. open
// must give a new empty store and close it at the test's cleanup.
func Run(t *testing.T, open func(t *testing.T) Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, func(*testing.T) Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"InvalidBatch", testInvalidBatch},
		{"CancelledSave", testCancelledSave},
		{"Aggregation", testAggregation},
		{"DuplicateLinks", testDuplicateLinks},
		{"Tone", testTone},
		{"Concurrent", testConcurrent},
		{"EventFilters", testEventFilters},
		{"EventPages", testEventPages},
		{"Timeseries", testTimeseries},
		{"SeriesPrecision", testSeriesPrecision},
		{"Network", testNetwork},
		{"Actors", testActors},
		{"Quotes", testQuotes},
		{"Counts", testCounts},
		{"EventDetail", testEventDetail},
		{"Places", testPlaces},
		{"ExportEvents", testExportEvents},
		{"ExportMentions", testExportMentions},
		{"ExportAnnotations", testExportAnnotations},
		{"ExportStops", testExportStops},
		{"FeedState", testFeedState},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

// Fixture texts, written for these tests.
const (
	talks = "Delegations from both governments met in Geneva on Tuesday for a third round of talks on a ceasefire, officials said. " +
		"The talks, hosted by the foreign ministry, were expected to last two days after weeks of shelling along the border."
	talksReprint = "UPDATED. Delegations from both governments met in Geneva on Tuesday for a third round of talks on a ceasefire, officials said. " +
		"The talks, hosted by the foreign ministry, were expected to last two days after weeks of shelling along the border."
	talksOwnWords = "Negotiators sat down again in Switzerland this week; the envoys discussed a truce while artillery fell silent. " +
		"Both armies have traded fire for a month, and relief agencies counted thousands displaced from frontier villages."
	protest = "Thousands of students marched through the capital on Friday demanding the release of detained journalists. " +
		"Police fired tear gas to disperse the crowd outside parliament as the interior minister promised an inquiry."
)

// coded builds a document over body with two sentences (the second in
// the next paragraph) and the events in the first unless they say
// otherwise.
func coded(id, outlet, published, body string, events ...khaldun.Event) *khaldun.Coded {
	d := khaldun.NewDocument(khaldun.Article{ID: id, Source: outlet, Published: published, Language: "en",
		URL: "https://example.org/" + id, Title: "t " + id, Text: body, Dropped: []khaldun.Dropped{}})
	end := strings.Index(body, ". ") + 1
	d.Sentences = []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: end}, Text: body[:end]},
		{Span: khaldun.Span{Start: end + 1, End: len(body)}, Paragraph: 1, Text: body[end+1:]}}
	for i, e := range events {
		e.ID = fmt.Sprintf("%s-%d", id, i)
		e.Text = d.Sentences[e.Sentence].Text
		d.Events = append(d.Events, e)
	}
	return &khaldun.Coded{Doc: d, Dictionary: "lexicon-test", Pipeline: "test"}
}

// meet is a consultation between two actor codes whose first three
// letters are the country; target "" leaves it without one.
func meet(source, target, date string) khaldun.Event {
	e := khaldun.Event{Source: khaldun.Actor{Text: source, Code: source, Country: source[:3], Span: khaldun.Span{Start: 0, End: 11}},
		Code: "040", Root: "04", Name: "Consult", Plover: "CONSULT", QuadClass: 1, Goldstein: 1, Date: date,
		Span: khaldun.Span{Start: 0, End: 40}, Rule: "verbs.txt:1", Confidence: 0.8}
	if target != "" {
		e.Target = &khaldun.Actor{Text: target, Code: target, Country: target[:3], Span: khaldun.Span{Start: 20, End: 30}}
	}
	return e
}

func ptr[T any](v T) *T { return &v }

func save(t *testing.T, s Store, arts ...*khaldun.Coded) khaldun.SaveStats {
	t.Helper()
	st, err := s.Save(context.Background(), arts...)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func check(t *testing.T, s Store) {
	t.Helper()
	if err := s.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

var geneva = &khaldun.Location{Text: "Geneva", Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.1, GeonameID: 2660646,
	Span: khaldun.Span{Start: 41, End: 47}}

// world is the store most explorer tests read: two articles and three
// events.
//
//	E1 USAGOV→RUSGOV 040 2024-04-30 in Geneva, mentioned by a and b
//	E3 FRAGOV        040 2024-03-01, in a's second paragraph
//	E2 IRNMIL→USAGOV 193 2024-05-10, quad class 4, Goldstein -6.5, in b
func world(t *testing.T, open func(*testing.T) Store) Store {
	t.Helper()
	s := open(t)
	e1 := meet("USAGOV", "RUSGOV", "2024-04-30")
	e1.Location = geneva
	e2 := meet("IRNMIL", "USAGOV", "2024-05-10")
	e2.Code, e2.Root, e2.Name, e2.Plover, e2.QuadClass, e2.Goldstein = "193", "19", "Fight with small arms", "ASSAULT", 4, -6.5
	e2.Source.Text = "Iranian forces"
	e3 := meet("FRAGOV", "", "2024-03-01")
	e3.Sentence = 1
	a := coded("a", "Wire", "2024-05-01", talks, e1, e3)
	a.Tone = ptr(-2.0)
	a.Doc.Quotes = []khaldun.Quote{{Text: "a third round", Span: khaldun.Span{Start: 53, End: 66}, Speaker: "officials", SpeakerActor: "USAGOV"}}
	a.Doc.Counts = []khaldun.Count{{Type: "killed", Number: 3, Qualifier: "at least", Object: "people", Span: khaldun.Span{Start: 1, End: 2}}}
	a.Doc.Places = []khaldun.Place{{Text: "Geneva", Span: geneva.Span, Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.1, GeonameID: 2660646}}
	b := coded("b", "Daily", "2024-05-11", protest, e2, e1)
	b.Doc.Quotes = []khaldun.Quote{
		{Text: "free them", Span: khaldun.Span{Start: 10, End: 19}, Speaker: "students"},
		{Text: "an inquiry", Span: khaldun.Span{Start: 200, End: 210}, Speaker: "the interior minister", SpeakerActor: "IRNGOV"},
	}
	b.Doc.Counts = []khaldun.Count{
		{Type: "arrested", Number: 40, Object: "protesters", Span: khaldun.Span{Start: 3, End: 5}},
		{Type: "wounded", Number: 12, Object: "students", Span: khaldun.Span{Start: 6, End: 8},
			Agent: "police", AgentSpan: &khaldun.Span{Start: 40, End: 46}, AgentRole: "COP"},
	}
	b.Doc.Places = []khaldun.Place{{Text: "Tehran", Span: khaldun.Span{Start: 30, End: 36}, Name: "Tehran", Country: "IRN", Lat: 35.7, Lon: 51.4, GeonameID: 112931}}
	save(t, s, a)
	save(t, s, b)
	return s
}

// worldEvents are the IDs of world's events.
func worldEvent(name string) string {
	e := map[string]khaldun.Event{"E1": meet("USAGOV", "RUSGOV", "2024-04-30"), "E2": meet("IRNMIL", "USAGOV", "2024-05-10"),
		"E3": meet("FRAGOV", "", "2024-03-01")}[name]
	switch name {
	case "E1":
		e.Location = geneva
	case "E2":
		e.Code = "193"
	}
	return key(&e)
}
