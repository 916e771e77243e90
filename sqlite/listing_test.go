package sqlite

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// listingStore holds 600 events in which USA actors are common, RUS ones
// rarer and IRN ones rare, with mention counts from 1 to 4 and many ties
// of date and count: the shapes whose pages Events finds by probing the
// sort index, and those it falls back from.
func listingStore(t *testing.T) *Store {
	t.Helper()
	s, ctx := openTest(t), context.Background()
	actors := []string{"USAGOV", "USAMIL", "FRAGOV", "USA", "RUSGOV", "CHNGOV", "USAGOV", "DEUGOV"}
	event := func(k int) khaldun.Event {
		src, tgt := actors[k%len(actors)], actors[(k/len(actors))%len(actors)]
		if k%53 == 0 {
			src = "IRNGOV"
		}
		if k%7 == 0 {
			tgt = ""
		}
		e := meet(src, tgt, fmt.Sprintf("2024-%02d-%02d", 1+k%12, 1+(k/12)%28))
		if k%3 == 0 {
			e.Code, e.Root, e.QuadClass, e.Goldstein = "190", "19", 4, -10
		}
		return e
	}
	var batch []*khaldun.Coded
	for i := range 30 {
		var es []khaldun.Event
		for j := range 20 {
			es = append(es, event(i*20+j))
		}
		// Earlier events mentioned again, so that counts differ.
		for j := range i % 4 * 5 {
			es = append(es, event((i*37+j*11)%(i*20+20)))
		}
		batch = append(batch, coded(fmt.Sprint("l", i), fmt.Sprint("outlet", i%3), "2024-12-30", talks, es...))
	}
	if _, err := s.Save(ctx, batch...); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestEventsPaging pages through listings five events at a time, so that
// Events probes 60 rows of the sort index per page: dense filters are
// answered there, sparse ones fall back to reading every match, and a
// filter in between does both on different pages. Every listing must be
// the one unpaged query gives, in the same order.
func TestEventsPaging(t *testing.T) {
	s, ctx := listingStore(t), context.Background()
	for _, f := range []khaldun.EventFilter{
		{},
		{Actor: "USA"},
		{Actor: "usagov", Side: khaldun.SourceSide},
		{Actor: "RUS"},
		{Actor: "IRN"},
		{Country: "USA", Side: khaldun.TargetSide},
		{QuadClass: 4},
		{Root: "19", Actor: "USA"},
		{From: "2024-03-01", To: "2024-05-31", Actor: "USA"},
		{Actor: "IRN", QuadClass: 4},
		{Actor: "ZZZ"},
	} {
		for _, sort := range []khaldun.EventSort{khaldun.ByDate, khaldun.ByMentions} {
			f.Sort = sort
			want := allEvents(t, s, f)
			got := []string{}
			g := f
			g.Limit = 5
			for pages := 0; ; pages++ {
				page, err := s.Events(ctx, g)
				if err != nil {
					t.Fatalf("%+v: %v", g, err)
				}
				for _, e := range page.Events {
					got = append(got, e.ID)
				}
				if page.Next == "" {
					break
				}
				if len(page.Events) != 5 || pages > 200 {
					t.Fatalf("%+v: a page of %d events, page %d", g, len(page.Events), pages)
				}
				g.Cursor = page.Next
			}
			if len(want) == 0 && !strings.HasPrefix(f.Actor, "Z") {
				t.Fatalf("%+v: no events to list", f)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v: paged %d events\n%v\nwant %d\n%v", f, len(got), got, len(want), want)
			}
		}
	}
}

// allEvents is the whole listing of f in one query, without Events.
func allEvents(t *testing.T, s *Store, f khaldun.EventFilter) []string {
	t.Helper()
	conds, args, err := eventWhere(f)
	if err != nil {
		t.Fatal(err)
	}
	col := map[khaldun.EventSort]string{khaldun.ByDate: "e.date", khaldun.ByMentions: "e.num_mentions"}[f.Sort]
	rows, err := s.read.Query(`SELECT e.id FROM events e`+where(strings.Join(conds, " AND "))+
		` ORDER BY `+col+` DESC, e.seq DESC`, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	ids := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestSparse checks which filters of listingStore Events counts as too
// sparse to probe for: IRN is the source of one event in 53, RUS and USA
// are in far more than one in 20, and a filter the rollups do not count
// (a code, an actor prefix of 4 characters) is never sparse.
func TestSparse(t *testing.T) {
	s, ctx := listingStore(t), context.Background()
	for _, tt := range []struct {
		f    khaldun.EventFilter
		want bool
	}{
		{khaldun.EventFilter{Actor: "IRN"}, true},
		{khaldun.EventFilter{Actor: "irngov", Side: khaldun.SourceSide}, true},
		{khaldun.EventFilter{Actor: "IRN", Side: khaldun.TargetSide}, true},
		{khaldun.EventFilter{Country: "IRN"}, true},
		{khaldun.EventFilter{Actor: "USA", Root: "19"}, false},
		{khaldun.EventFilter{Actor: "RUS"}, false},
		{khaldun.EventFilter{Country: "RUS", Side: khaldun.SourceSide}, false},
		{khaldun.EventFilter{QuadClass: 4}, false},
		{khaldun.EventFilter{Actor: "ZZZ"}, true},
		{khaldun.EventFilter{Actor: "USAGOV", Country: "ZZZ"}, true},
		{khaldun.EventFilter{Actor: "IRNG"}, false},
		{khaldun.EventFilter{Code: "190"}, false},
	} {
		got, err := s.sparse(ctx, tt.f)
		if err != nil {
			t.Fatalf("%+v: %v", tt.f, err)
		}
		if got != tt.want {
			t.Errorf("sparse(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	if _, err := s.sparse(ctx, khaldun.EventFilter{Actor: "USA", Side: khaldun.TargetSide + 1}); err == nil {
		t.Error("sparse of a side out of range: no error")
	}
}
