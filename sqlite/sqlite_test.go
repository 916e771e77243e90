package sqlite

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
)

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

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// coded builds a document over body with events spanning its first
// sentence; id defaults to a hash-like name of the body.
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

func TestRoundTrip(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	in := coded("a1", "Wire", "2024-05-02", talks, meet("USAGOV", "RUSGOV", "2024-04-30"), meet("FRAGOV", "", ""))
	in.Doc.Events[0].Location = &khaldun.Location{Text: "Geneva", Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.1, GeonameID: 2660646}
	in.Doc.Article.Dropped = []khaldun.Dropped{{Line: 3, Text: "Subscribe", Reason: "subscribe"}}
	in.Doc.Article.Stats = khaldun.Stats{Sentences: 2, Tokens: 40, Milliseconds: 1.5}
	in.Doc.Entities = []khaldun.Entity{{Text: "Geneva", Type: "LOC", Span: khaldun.Span{Start: 46, End: 52}}}
	in.Doc.Places = []khaldun.Place{{Text: "Geneva", Span: khaldun.Span{Start: 46, End: 52}, Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.1, GeonameID: 2660646}}
	in.Doc.Dates = []khaldun.Date{{Text: "on Tuesday", Span: khaldun.Span{Start: 53, End: 63}, Value: "2024-04-30"}}
	in.Doc.Quotes = []khaldun.Quote{{Text: "talks", Span: khaldun.Span{Start: 5, End: 10}, Speaker: "officials"}}
	in.Doc.Counts = []khaldun.Count{{Type: "killed", Number: 3, Qualifier: "at least", Object: "people", Span: khaldun.Span{Start: 1, End: 2}}}
	st, err := s.Save(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Mentions != 2 || st.NewEvents != 2 {
		t.Errorf("save stats %+v", st)
	}
	if ok, err := s.HasArticle(ctx, "a1"); !ok || err != nil {
		t.Errorf("HasArticle = %v, %v", ok, err)
	}
	got, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Doc, in.Doc) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got.Doc, in.Doc)
	}
	if got.Dictionary != "lexicon-test" || got.Pipeline != "test" || got.Ingested == "" {
		t.Errorf("versions %+v", got)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, khaldun.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
}

func TestIdempotent(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	a := coded("a1", "Wire", "2024-05-02", talks, meet("USAGOV", "RUSGOV", ""))
	b := coded("b1", "Daily", "2024-05-03", protest, meet("FRAGOV", "", ""))
	for i, batch := range [][]*khaldun.Coded{{a, a}, {a, b}, {b, a}} {
		if _, err := s.Save(ctx, batch...); err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 2 || st.Mentions != 2 || st.Events != 2 {
		t.Errorf("stats %+v, want 2 articles, mentions and events", st)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestInvalid(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	noBody := coded("x", "", "", talks)
	noBody.Doc.Article.Text = ""
	for _, c := range []*khaldun.Coded{nil, {}, coded("", "", "", talks), noBody} {
		if _, err := s.Save(ctx, coded("ok", "", "", protest), c); err == nil {
			t.Errorf("saved %+v", c)
		}
	}
	if ok, _ := s.HasArticle(ctx, "ok"); ok {
		t.Error("a batch with a bad article was partly stored")
	}
}

func TestAggregation(t *testing.T) {
	usRu := meet("USAGOV", "RUSGOV", "2024-04-30")
	tests := []struct {
		name                        string
		articles                    []*khaldun.Coded
		events, mentions            int
		numMentions, sources, nArts int
		links                       int
	}{
		{"two outlets, one event",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "Daily", "2024-05-02", talksOwnWords, usRu)},
			1, 2, 2, 2, 2, 0},
		{"near-duplicate reprint counts as one source",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "Daily", "2024-05-02", talksReprint, usRu)},
			1, 2, 2, 1, 2, 1},
		{"one outlet twice is one source",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "wire ", "2024-05-02", talksOwnWords, usRu)},
			1, 2, 2, 1, 2, 0},
		{"one article mentioning an event twice",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu, usRu)},
			1, 2, 2, 1, 1, 0},
		{"different dates are different events",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "Daily", "2024-05-02", protest, meet("USAGOV", "RUSGOV", "2024-05-01"))},
			2, 2, 1, 1, 1, 0},
		{"undated events stay with their article",
			[]*khaldun.Coded{coded("a", "Wire", "", talks, meet("USAGOV", "", "")), coded("b", "Daily", "", protest, meet("USAGOV", "", ""))},
			2, 2, 1, 1, 1, 0},
		{"no date takes the publication date",
			[]*khaldun.Coded{coded("a", "Wire", "2024-04-30", talks, meet("USAGOV", "RUSGOV", "")), coded("b", "Daily", "2024-05-02", protest, usRu)},
			1, 2, 2, 2, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ctx := openTest(t), context.Background()
			for _, a := range tt.articles { // one by one: aggregates grow across transactions
				if _, err := s.Save(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			st, _ := s.Stats(ctx)
			if int(st.Events) != tt.events || int(st.Mentions) != tt.mentions || int(st.Duplicates) != tt.links {
				t.Errorf("stats %+v", st)
			}
			page, err := s.Events(ctx, khaldun.EventFilter{Sort: khaldun.ByMentions})
			if err != nil || len(page.Events) == 0 {
				t.Fatal(page, err)
			}
			e := page.Events[0]
			if e.NumMentions != tt.numMentions || e.NumSources != tt.sources || e.NumArticles != tt.nArts {
				t.Errorf("mentions %d sources %d articles %d, want %d %d %d", e.NumMentions, e.NumSources, e.NumArticles,
					tt.numMentions, tt.sources, tt.nArts)
			}
			if err := s.Check(ctx); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDuplicateLinks(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	if _, err := s.Save(ctx, coded("a", "Wire", "2024-05-01", talks), coded("b", "Daily", "2024-05-02", talksReprint),
		coded("c", "Other", "2024-05-02", talksOwnWords)); err != nil {
		t.Fatal(err)
	}
	b, err := s.Article(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	if b.DuplicateOf != "a" || len(b.Duplicates) != 1 || b.Duplicates[0].Article != "a" || b.Duplicates[0].Similarity < 0.5 {
		t.Errorf("b: duplicate of %q, links %+v", b.DuplicateOf, b.Duplicates)
	}
	if c, _ := s.Article(ctx, "c"); c.DuplicateOf != "" || len(c.Duplicates) != 0 {
		t.Errorf("independent report linked: %+v", c.Duplicates)
	}
}

func TestTone(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	usRu := meet("USAGOV", "RUSGOV", "2024-04-30")
	a, b, c := coded("a", "A", "2024-05-01", talks, usRu), coded("b", "B", "2024-05-01", protest, usRu), coded("c", "C", "2024-05-01", talksOwnWords, usRu)
	a.Tone, b.Tone = ptr(-2.0), ptr(4.0)
	if _, err := s.Save(ctx, a, b, c); err != nil {
		t.Fatal(err)
	}
	e, ms, err := s.Event(ctx, Key(&usRu, "", "a"))
	if err != nil {
		t.Fatal(err)
	}
	if e.AvgTone == nil || *e.AvgTone != 1 || len(ms) != 3 || ms[0].Article != "a" || ms[0].Event.Text == "" {
		t.Errorf("avg tone %v, mentions %+v", e.AvgTone, ms)
	}
	if _, _, err := s.Event(ctx, "nope"); !errors.Is(err, khaldun.ErrNotFound) {
		t.Errorf("missing event: %v", err)
	}
}

func ptr[T any](v T) *T { return &v }

// TestConcurrent saves from several goroutines while others read; the
// race detector and the final check catch what a lock would have to.
func TestConcurrent(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	bodies := []string{talks, talksOwnWords, protest}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 20 {
				id := fmt.Sprintf("g%d-%d", g%2, i) // two goroutines write each ID
				body := fmt.Sprintf("%s Article %d of writer %d.", bodies[i%3], i, g%2)
				if _, err := s.Save(ctx, coded(id, fmt.Sprint("outlet", g), "2024-05-01", body, meet("USAGOV", "RUSGOV", ""))); err != nil {
					errs <- err
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 20 {
				if _, err := s.Events(ctx, khaldun.EventFilter{Actor: "USA"}); err != nil {
					errs <- err
				}
				if _, err := s.HasArticle(ctx, "g0-1"); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 40 || st.Events != 1 || st.Mentions != 40 {
		t.Errorf("stats %+v", st)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
