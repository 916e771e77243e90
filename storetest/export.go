package storetest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
)

// collect reads a whole export, failing the test on an error.
func collect[T any](t *testing.T, seq iter.Seq2[*T, error]) []*T {
	t.Helper()
	var out []*T
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

func testExportEvents(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	evs := collect(t, s.ExportEvents(ctx, khaldun.EventFilter{}))
	var ids []string
	for i, e := range evs {
		ids = append(ids, e.ID)
		if i > 0 && e.Seq <= evs[i-1].Seq {
			t.Errorf("event %s: seq %d after %d", e.ID, e.Seq, evs[i-1].Seq)
		}
		one, _, err := s.Event(ctx, e.ID)
		if err != nil || !reflect.DeepEqual(*one, e.AggregateEvent) {
			t.Errorf("exported %+v, stored %+v (%v)", e.AggregateEvent, one, err)
		}
		if _, err := time.Parse(time.RFC3339, e.Added); err != nil {
			t.Errorf("event %s added %q: %v", e.ID, e.Added, err)
		}
	}
	// In the order they were first stored: a's two, then b's new one.
	if want := []string{worldEvent("E1"), worldEvent("E3"), worldEvent("E2")}; fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Fatalf("exported %v, want %v", ids, want)
	}
	type extra struct {
		src, tgt, url string
		lead          bool
	}
	want := []extra{{"USAGOV", "RUSGOV", "https://example.org/a", true}, {"FRAGOV", "", "https://example.org/a", false},
		{"Iranian forces", "USAGOV", "https://example.org/b", true}}
	for i, e := range evs {
		if got := (extra{e.SourceText, e.TargetText, e.URL, e.InLead}); got != want[i] {
			t.Errorf("event %d: %+v, want %+v", i, got, want[i])
		}
	}
	if evs[0].Added != evs[1].Added || evs[2].Added < evs[0].Added {
		t.Errorf("added %s %s %s", evs[0].Added, evs[1].Added, evs[2].Added)
	}
	// Filters are those of the listing.
	got := collect(t, s.ExportEvents(ctx, khaldun.EventFilter{Actor: "USA", Sort: khaldun.ByMentions, Limit: 1, Cursor: "ignored"}))
	if len(got) != 2 || got[0].ID != worldEvent("E1") || got[1].ID != worldEvent("E2") {
		t.Errorf("filtered export %+v", got)
	}
	if got := collect(t, s.ExportEvents(ctx, khaldun.EventFilter{Query: "students marched"})); len(got) != 2 {
		t.Errorf("text query export: %d events", len(got))
	}
}

func testExportMentions(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	ms := collect(t, s.ExportMentions(ctx, khaldun.EventFilter{}))
	evs := collect(t, s.ExportEvents(ctx, khaldun.EventFilter{}))
	bySeq := map[int64]*khaldun.ExportEvent{}
	for _, e := range evs {
		bySeq[e.Seq] = e
	}
	// In storage order: a's mentions, then b's.
	var got []string
	for _, m := range ms {
		got = append(got, m.Article.ID+":"+m.Event.ID)
		e := bySeq[m.EventSeq]
		if e == nil || e.ID != m.EventID || e.Added != m.EventAdded {
			t.Errorf("mention %s: event %d %s added %s, exported %+v", m.Event.ID, m.EventSeq, m.EventID, m.EventAdded, e)
		}
		if m.Event.Location != nil {
			t.Errorf("mention %s carries a location", m.Event.ID)
		}
	}
	if fmt.Sprint(got) != "[a:a-0 a:a-1 b:b-0 b:b-1]" {
		t.Errorf("mentions %v", got)
	}
	a := ms[0].Article
	if a.ID != "a" || a.URL != "https://example.org/a" || a.Title != "t a" || a.Source != "Wire" || a.Published != "2024-05-01" ||
		a.Tone == nil || *a.Tone != -2 || a.Length != len(talks) || a.Ingested == "" {
		t.Errorf("article %+v", a)
	}
	if ms[2].Article.Tone != nil {
		t.Errorf("article b has a tone: %v", *ms[2].Article.Tone)
	}
	stored, err := s.Article(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	want := stored.Doc.Events[0]
	want.Location, want.Text = nil, ""
	ev := ms[2].Event
	ev.Text = ""
	if !reflect.DeepEqual(ev, want) {
		t.Errorf("exported mention\n%+v, stored\n%+v", ev, want)
	}
	if got := collect(t, s.ExportMentions(ctx, khaldun.EventFilter{Place: "Geneva"})); len(got) != 2 || got[0].Article.ID != "a" || got[1].Article.ID != "b" {
		t.Errorf("mentions in Geneva: %d", len(got))
	}
}

func testExportAnnotations(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	var got []string
	for _, q := range collect(t, s.ExportQuotes(ctx, khaldun.AnnotationFilter{})) {
		got = append(got, q.Article.ID+":"+q.Quote.Text)
	}
	if fmt.Sprint(got) != "[a:a third round b:free them b:an inquiry]" {
		t.Errorf("quotes %v", got)
	}
	qs := collect(t, s.ExportQuotes(ctx, khaldun.AnnotationFilter{Actor: "irn", From: "2024-05-02"}))
	if len(qs) != 1 || qs[0].Quote.Speaker != "the interior minister" || qs[0].Article.Length != len(protest) || qs[0].Quote.Span.End != 210 {
		t.Errorf("filtered quotes %+v", qs)
	}
	got = nil
	for _, c := range collect(t, s.ExportCounts(ctx, khaldun.AnnotationFilter{})) {
		x := c.Count
		got = append(got, fmt.Sprintf("%s:%s %d %s %s %s %v %s", c.Article.ID, x.Type, x.Number, x.Qualifier, x.Object, x.Agent, x.AgentSpan, x.AgentRole))
	}
	if fmt.Sprint(got) != "[a:killed 3 at least people  <nil>  b:arrested 40  protesters  <nil>  b:wounded 12  students police &{40 46} COP]" {
		t.Errorf("counts %v", got)
	}
	if cs := collect(t, s.ExportCounts(ctx, khaldun.AnnotationFilter{To: "2024-05-01"})); len(cs) != 1 || cs[0].Article.Tone == nil {
		t.Errorf("counts to 2024-05-01: %+v", cs)
	}
	n := 0
	for c, err := range s.ExportCounts(ctx, khaldun.AnnotationFilter{Actor: "USA"}) {
		if c != nil || !errors.Is(err, khaldun.ErrInvalid) {
			t.Errorf("counts by actor: %v, %v", c, err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("counts by actor yielded %d times", n)
	}
}

// testExportStops: a loop may stop an export early, a cancelled context
// ends it with the context's error, and a bad filter fails before any row.
func testExportStops(t *testing.T, open func(*testing.T) Store) {
	s := open(t)
	var batch []*khaldun.Coded
	for i := range 30 {
		batch = append(batch, coded(fmt.Sprint("a", i), "Wire", "2024-05-01", fmt.Sprintf("%s %d", protest, i), meet("USAGOV", fmt.Sprintf("R%02dGOV", i), "2024-05-01")))
	}
	save(t, s, batch...)
	ctx := context.Background()
	n := 0
	for e, err := range s.ExportEvents(ctx, khaldun.EventFilter{}) {
		if err != nil || e == nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	n = 0
	var last error
	for _, err := range s.ExportMentions(cctx, khaldun.EventFilter{}) {
		if err != nil {
			last = err
			break
		}
		if n++; n == 2 {
			cancel()
		}
	}
	cancel()
	if !errors.Is(last, context.Canceled) || n >= 30 {
		t.Errorf("cancelled export: %d rows, then %v", n, last)
	}
	for _, err := range s.ExportEvents(ctx, khaldun.EventFilter{Place: "geonames:x"}) {
		if !errors.Is(err, khaldun.ErrInvalid) {
			t.Errorf("bad filter: %v", err)
		}
	}
	// Every row comes once, whatever the page size inside.
	if got := collect(t, s.ExportMentions(ctx, khaldun.EventFilter{})); len(got) != 30 || got[29].Article.ID != "a29" {
		t.Errorf("export of 30 mentions gave %d", len(got))
	}
}
