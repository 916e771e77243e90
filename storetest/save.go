package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/eventkey"
)

func key(e *khaldun.Event) string { return eventkey.Key(e, "", "") }

// testRoundTrip saves one article with every layer filled and reads back
// the document it came from.
func testRoundTrip(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	in := coded("a1", "Wire", "2024-05-02", talks, meet("USAGOV", "RUSGOV", "2024-04-30"), meet("FRAGOV", "", ""))
	in.Doc.Events[0].Location = geneva
	in.Doc.Events[0].DateText, in.Doc.Events[0].Source.Role, in.Doc.Events[0].Target.Role = "on Tuesday", "GOV", "GOV"
	in.Doc.Events[1].Sentence, in.Doc.Events[1].Text = 1, in.Doc.Sentences[1].Text
	in.Doc.Article.Dropped = []khaldun.Dropped{{Line: 3, Text: "Subscribe", Reason: "subscribe"}}
	in.Doc.Article.Stats = khaldun.Stats{Sentences: 2, Tokens: 40, Milliseconds: 1.5}
	in.Doc.Entities = []khaldun.Entity{{Text: "Geneva", Type: "LOC", Span: khaldun.Span{Start: 41, End: 47}},
		{Text: "Delegations", Type: "ORG", Span: khaldun.Span{Start: 0, End: 11}, Actor: "IGO"}}
	in.Doc.Places = []khaldun.Place{{Text: "Geneva", Span: khaldun.Span{Start: 41, End: 47}, Name: "Geneva", Country: "CHE",
		Admin1: "GE", Lat: 46.2, Lon: 6.1, GeonameID: 2660646}}
	in.Doc.Dates = []khaldun.Date{{Text: "on Tuesday", Span: khaldun.Span{Start: 48, End: 58}, Value: "2024-04-30"}}
	in.Doc.Quotes = []khaldun.Quote{{Text: "talks", Span: khaldun.Span{Start: 5, End: 10}, Speaker: "officials", SpeakerActor: "USAGOV"}}
	// One count names who did it and one does not: the agent span must
	// come back nil for the second, not a zero span.
	in.Doc.Counts = []khaldun.Count{{Type: "killed", Number: 3, Qualifier: "at least", Object: "people", Span: khaldun.Span{Start: 1, End: 2},
		Agent: "police firing", AgentSpan: &khaldun.Span{Start: 12, End: 25}, AgentRole: "COP"},
		{Type: "wounded", Number: 2, Object: "people", Span: khaldun.Span{Start: 3, End: 4}}}
	// Each event keeps its own tone, which is not the article's.
	in.Doc.Events[0].Tone, in.Doc.Events[1].Tone = -3.5, 2.25
	in.Tone = ptr(-1.25)
	// The tone layer inside the document: each sentence's and the
	// article's own, which is not the Coded.Tone the aggregates use.
	in.Doc.Sentences[0].Tone, in.Doc.Sentences[1].Tone = -3.5, 2.25
	in.Doc.Article.Tone = -0.625
	st, err := s.Save(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if st != (khaldun.SaveStats{Articles: 1, Mentions: 2, NewEvents: 2}) {
		t.Errorf("save stats %+v", st)
	}
	if ok, err := s.HasArticle(ctx, "a1"); !ok || err != nil {
		t.Errorf("HasArticle(a1) = %v, %v", ok, err)
	}
	if ok, err := s.HasArticle(ctx, "nope"); ok || err != nil {
		t.Errorf("HasArticle(nope) = %v, %v", ok, err)
	}
	got, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Doc, in.Doc) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got.Doc, in.Doc)
	}
	if got.Dictionary != "lexicon-test" || got.Pipeline != "test" || got.Ingested == "" || got.DuplicateOf != "" || len(got.Duplicates) != 0 {
		t.Errorf("stored article %+v", got)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, khaldun.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	// The aggregate keeps the location as its first mention found it,
	// span included.
	e, ms, err := s.Event(ctx, key(&in.Doc.Events[0]))
	if err != nil {
		t.Fatal(err)
	}
	if e.Location == nil || *e.Location != *geneva {
		t.Errorf("event location %+v, want %+v", e.Location, geneva)
	}
	if len(ms) != 1 || ms[0].Article != "a1" || !reflect.DeepEqual(ms[0].Event, in.Doc.Events[0]) {
		t.Errorf("mentions %+v", ms)
	}
	want := khaldun.AggregateEvent{ID: key(&in.Doc.Events[0]), Date: "2024-04-30",
		Source: khaldun.ActorRef{Code: "USAGOV", Country: "USA", Role: "GOV"}, Target: &khaldun.ActorRef{Code: "RUSGOV", Country: "RUS", Role: "GOV"},
		Code: "040", Root: "04", Name: "Consult", Plover: "CONSULT", QuadClass: 1, Goldstein: 1, Location: geneva,
		NumMentions: 1, NumSources: 1, NumArticles: 1, FirstSeen: "2024-05-02", LastSeen: "2024-05-02", AvgTone: ptr(-1.25)}
	if !reflect.DeepEqual(*e, want) {
		t.Errorf("event\n got %+v\nwant %+v", *e, want)
	}
	// An undated event takes the publication date; one without a target
	// or place has none.
	undated := meet("FRAGOV", "", "")
	e, _, err = s.Event(ctx, eventkey.Key(&undated, "2024-05-02", "a1"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Date != "2024-05-02" || e.Target != nil || e.Location != nil {
		t.Errorf("undated event %+v", e)
	}
	if _, _, err := s.Event(ctx, "nope"); !errors.Is(err, khaldun.ErrNotFound) {
		t.Errorf("missing event: %v", err)
	}
	if _, err := s.EventDetail(ctx, "nope"); !errors.Is(err, khaldun.ErrNotFound) {
		t.Errorf("missing event detail: %v", err)
	}
	stats, err := s.Stats(ctx)
	if err != nil || stats != (khaldun.StoreStats{Articles: 1, Mentions: 2, Events: 2}) {
		t.Errorf("stats %+v, %v", stats, err)
	}
	check(t, s)
}

func testIdempotent(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	a := coded("a1", "Wire", "2024-05-02", talks, meet("USAGOV", "RUSGOV", ""))
	b := coded("b1", "Daily", "2024-05-03", protest, meet("FRAGOV", "", ""))
	want := []khaldun.SaveStats{{Articles: 1, Skipped: 1, Mentions: 1, NewEvents: 1}, {Articles: 1, Skipped: 1, Mentions: 1, NewEvents: 1},
		{Skipped: 2}}
	for i, batch := range [][]*khaldun.Coded{{a, a}, {a, b}, {b, a}} {
		st, err := s.Save(ctx, batch...)
		if err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
		if st != want[i] {
			t.Errorf("batch %d: stats %+v, want %+v", i, st, want[i])
		}
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 2 || st.Mentions != 2 || st.Events != 2 {
		t.Errorf("stats %+v, want 2 articles, mentions and events", st)
	}
	e, _, err := s.Event(ctx, eventkey.Key(&a.Doc.Events[0], "2024-05-02", "a1"))
	if err != nil || e.NumMentions != 1 || e.NumArticles != 1 || e.NumSources != 1 {
		t.Errorf("event after saving its article thrice: %+v, %v", e, err)
	}
	check(t, s)
}

// testInvalidBatch: a batch with one bad article stores nothing.
func testInvalidBatch(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	noBody := coded("x", "", "", talks)
	noBody.Doc.Article.Text = ""
	for _, c := range []*khaldun.Coded{nil, {}, coded("", "", "", talks), noBody} {
		if _, err := s.Save(ctx, coded("ok", "", "", protest, meet("USAGOV", "", "2024-01-01")), c); err == nil {
			t.Errorf("saved %+v", c)
		}
	}
	if ok, _ := s.HasArticle(ctx, "ok"); ok {
		t.Error("a batch with a bad article was partly stored")
	}
	if st, _ := s.Stats(ctx); st != (khaldun.StoreStats{}) {
		t.Errorf("stats after failed batches %+v", st)
	}
}

// testCancelledSave: a cancelled save stores nothing and says why.
func testCancelledSave(t *testing.T, open func(*testing.T) Store) {
	s := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Save(ctx, coded("a", "Wire", "2024-05-01", talks, meet("USAGOV", "", ""))); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled save: %v", err)
	}
	if ok, _ := s.HasArticle(context.Background(), "a"); ok {
		t.Error("a cancelled save stored its article")
	}
}

func testAggregation(t *testing.T, open func(*testing.T) Store) {
	usRu := meet("USAGOV", "RUSGOV", "2024-04-30")
	tests := []struct {
		name                        string
		articles                    []*khaldun.Coded
		events, mentions            int
		numMentions, sources, nArts int
		links                       int
		first, last                 string
	}{
		{"two outlets, one event",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "Daily", "2024-05-02", talksOwnWords, usRu)},
			1, 2, 2, 2, 2, 0, "2024-05-01", "2024-05-02"},
		{"near-duplicate reprint counts as one source",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "Daily", "2024-05-02", talksReprint, usRu)},
			1, 2, 2, 1, 2, 1, "2024-05-01", "2024-05-02"},
		{"one outlet twice is one source",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-03", talks, usRu), coded("b", "wire ", "2024-05-02", talksOwnWords, usRu)},
			1, 2, 2, 1, 2, 0, "2024-05-02", "2024-05-03"},
		{"one article mentioning an event twice",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu, usRu)},
			1, 2, 2, 1, 1, 0, "2024-05-01", "2024-05-01"},
		{"different dates are different events",
			[]*khaldun.Coded{coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "Daily", "2024-05-02", protest, meet("USAGOV", "RUSGOV", "2024-05-01"))},
			2, 2, 1, 1, 1, 0, "", ""},
		{"undated events stay with their article",
			[]*khaldun.Coded{coded("a", "Wire", "", talks, meet("USAGOV", "", "")), coded("b", "Daily", "", protest, meet("USAGOV", "", ""))},
			2, 2, 1, 1, 1, 0, "", ""},
		{"no date takes the publication date",
			[]*khaldun.Coded{coded("a", "Wire", "2024-04-30", talks, meet("USAGOV", "RUSGOV", "")), coded("b", "Daily", "2024-05-02", protest, usRu)},
			1, 2, 2, 2, 2, 0, "2024-04-30", "2024-05-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ctx := open(t), context.Background()
			for _, a := range tt.articles { // one by one: aggregates grow across transactions
				save(t, s, a)
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
			if tt.first != "" && (e.FirstSeen != tt.first || e.LastSeen != tt.last) {
				t.Errorf("seen %s to %s, want %s to %s", e.FirstSeen, e.LastSeen, tt.first, tt.last)
			}
			check(t, s)
		})
	}
	// One batch aggregates as the same articles saved one by one do.
	t.Run("batch", func(t *testing.T) {
		s, ctx := open(t), context.Background()
		st := save(t, s, coded("a", "Wire", "2024-05-01", talks, usRu), coded("b", "Daily", "2024-05-02", talksReprint, usRu),
			coded("c", "Post", "2024-05-03", protest, usRu, meet("FRAGOV", "", "")))
		if st != (khaldun.SaveStats{Articles: 3, Mentions: 4, NewEvents: 2, Duplicates: 1}) {
			t.Errorf("save stats %+v", st)
		}
		e, _, err := s.Event(ctx, key(&usRu))
		if err != nil || e.NumMentions != 3 || e.NumSources != 2 || e.NumArticles != 3 || e.FirstSeen != "2024-05-01" || e.LastSeen != "2024-05-03" {
			t.Errorf("event %+v, %v", e, err)
		}
		check(t, s)
	})
}

func testDuplicateLinks(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	save(t, s, coded("a", "Wire", "2024-05-01", talks), coded("b", "Daily", "2024-05-02", talksReprint),
		coded("c", "Other", "2024-05-02", talksOwnWords))
	b, err := s.Article(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	if b.DuplicateOf != "a" || len(b.Duplicates) != 1 || b.Duplicates[0].Article != "a" || b.Duplicates[0].Similarity < 0.5 {
		t.Errorf("b: duplicate of %q, links %+v", b.DuplicateOf, b.Duplicates)
	}
	a, err := s.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if a.DuplicateOf != "" || len(a.Duplicates) != 1 || a.Duplicates[0].Article != "b" || a.Duplicates[0].Similarity != b.Duplicates[0].Similarity {
		t.Errorf("a: duplicate of %q, links %+v", a.DuplicateOf, a.Duplicates)
	}
	if c, _ := s.Article(ctx, "c"); c.DuplicateOf != "" || len(c.Duplicates) != 0 {
		t.Errorf("independent report linked: %+v", c.Duplicates)
	}
	// A copy of the copy is linked to both, and counts as the original.
	save(t, s, coded("d", "Third", "2024-05-03", talksReprint+" "))
	d, _ := s.Article(ctx, "d")
	if d.DuplicateOf != "a" || len(d.Duplicates) != 2 {
		t.Errorf("d: duplicate of %q, links %+v", d.DuplicateOf, d.Duplicates)
	}
	if st, _ := s.Stats(ctx); st.Duplicates != 3 {
		t.Errorf("stats %+v, want 3 links", st)
	}
}

func testTone(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	usRu := meet("USAGOV", "RUSGOV", "2024-04-30")
	a, b, c := coded("a", "A", "2024-05-01", talks, usRu), coded("b", "B", "2024-05-01", protest, usRu), coded("c", "C", "2024-05-01", talksOwnWords, usRu)
	a.Tone, b.Tone = ptr(-2.0), ptr(4.0)
	save(t, s, c)
	e, _, err := s.Event(ctx, key(&usRu))
	if err != nil || e.AvgTone != nil {
		t.Errorf("avg tone without a tone stage: %v, %v", e, err)
	}
	save(t, s, a, b)
	e, ms, err := s.Event(ctx, key(&usRu))
	if err != nil {
		t.Fatal(err)
	}
	if e.AvgTone == nil || *e.AvgTone != 1 || len(ms) != 3 || ms[0].Article != "c" || ms[1].Article != "a" || ms[0].Event.Text == "" {
		t.Errorf("avg tone %v, mentions %+v", e.AvgTone, ms)
	}
}

// testConcurrent saves from several goroutines while others read; the
// race detector and the final check catch what a lock would have to.
func testConcurrent(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	bodies := []string{talks, talksOwnWords, protest}
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for g := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 20 {
				id := fmt.Sprintf("g%d-%d", g%2, i) // two goroutines write each ID
				body := fmt.Sprintf("%s Article %d of writer %d.", bodies[i%3], i, g%2)
				// Batches of two in opposite orders: shared articles and
				// events must not deadlock.
				other := fmt.Sprintf("g%d-%d", g%2, 19-i)
				otherBody := fmt.Sprintf("%s Article %d of writer %d.", bodies[(19-i)%3], 19-i, g%2)
				if _, err := s.Save(ctx, coded(id, fmt.Sprint("outlet", g), "2024-05-01", body, meet("USAGOV", "RUSGOV", ""), meet("FRAGOV", "", "2024-05-01")),
					coded(other, fmt.Sprint("outlet", g), "2024-05-01", otherBody, meet("FRAGOV", "", "2024-05-01"), meet("USAGOV", "RUSGOV", ""))); err != nil {
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
	if st.Articles != 40 || st.Events != 2 || st.Mentions != 80 {
		t.Errorf("stats %+v", st)
	}
	check(t, s)
}
