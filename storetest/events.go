package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/khaldun/khaldun"
)

func testEventFilters(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	tests := []struct {
		name string
		f    khaldun.EventFilter
		want []string // source codes, in order
	}{
		{"all by date", khaldun.EventFilter{}, []string{"IRNMIL", "USAGOV", "FRAGOV"}},
		{"by mentions", khaldun.EventFilter{Sort: khaldun.ByMentions}, []string{"USAGOV", "IRNMIL", "FRAGOV"}},
		{"actor either side", khaldun.EventFilter{Actor: "usa"}, []string{"IRNMIL", "USAGOV"}},
		{"actor source side", khaldun.EventFilter{Actor: "USA", Side: khaldun.SourceSide}, []string{"USAGOV"}},
		{"actor target side", khaldun.EventFilter{Actor: "USAGOV", Side: khaldun.TargetSide}, []string{"IRNMIL"}},
		{"actor prefix is a prefix", khaldun.EventFilter{Actor: "SAG"}, nil},
		{"actor name", khaldun.EventFilter{ActorName: "iranian"}, []string{"IRNMIL"}},
		{"actor name on target side", khaldun.EventFilter{ActorName: "rusgov", Side: khaldun.TargetSide}, []string{"USAGOV"}},
		{"actor name on source side", khaldun.EventFilter{ActorName: "rusgov", Side: khaldun.SourceSide}, nil},
		{"country", khaldun.EventFilter{Country: "rus"}, []string{"USAGOV"}},
		{"country source side", khaldun.EventFilter{Country: "USA", Side: khaldun.SourceSide}, []string{"USAGOV"}},
		{"code prefix", khaldun.EventFilter{Code: "19"}, []string{"IRNMIL"}},
		{"full code", khaldun.EventFilter{Code: "040"}, []string{"USAGOV", "FRAGOV"}},
		{"root", khaldun.EventFilter{Root: "04"}, []string{"USAGOV", "FRAGOV"}},
		{"root is exact", khaldun.EventFilter{Root: "0"}, nil},
		{"quad class", khaldun.EventFilter{QuadClass: 4}, []string{"IRNMIL"}},
		{"date range", khaldun.EventFilter{From: "2024-04-01", To: "2024-04-30"}, []string{"USAGOV"}},
		{"date from", khaldun.EventFilter{From: "2024-04-30"}, []string{"IRNMIL", "USAGOV"}},
		{"place name", khaldun.EventFilter{Place: "geneva"}, []string{"USAGOV"}},
		{"place id", khaldun.EventFilter{Place: "geonames:2660646"}, []string{"USAGOV"}},
		{"place elsewhere", khaldun.EventFilter{Place: "Gen"}, nil},
		{"bbox", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: 40, MinLon: 0, MaxLat: 50, MaxLon: 10}}, []string{"USAGOV"}},
		{"bbox edges included", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: 46.2, MinLon: 6.1, MaxLat: 46.2, MaxLon: 6.1}}, []string{"USAGOV"}},
		{"bbox across the antimeridian", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: 40, MinLon: 170, MaxLat: 50, MaxLon: 7}}, []string{"USAGOV"}},
		{"bbox elsewhere", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: -10, MinLon: 170, MaxLat: 10, MaxLon: -170}}, nil},
		{"text query", khaldun.EventFilter{Query: "STUDENTS marched"}, []string{"IRNMIL", "USAGOV"}},
		{"text query last word a prefix", khaldun.EventFilter{Query: "round of tal"}, []string{"USAGOV"}},
		{"text query is a phrase", khaldun.EventFilter{Query: "students capital"}, nil},
		{"text query punctuation ignored", khaldun.EventFilter{Query: `"hosted" (by) the*`}, []string{"FRAGOV"}},
		{"article", khaldun.EventFilter{Article: "a"}, []string{"USAGOV", "FRAGOV"}},
		{"all of them", khaldun.EventFilter{Actor: "USA", Country: "RUS", Code: "04", Root: "04", QuadClass: 1, From: "2024-04-30", To: "2024-04-30",
			Place: "GENEVA", Query: "geneva", Article: "b", Sort: khaldun.ByMentions}, []string{"USAGOV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range page.Events {
				got = append(got, e.Source.Code)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || page.Next != "" || page.Events == nil {
				t.Errorf("got %v (next %q), want %v", got, page.Next, tt.want)
			}
		})
	}
	for _, bad := range []khaldun.EventFilter{{Cursor: "!!"}, {Place: "geonames:x"}, {Side: 7}, {Query: "  ?! "},
		{BBox: &khaldun.BBox{MinLat: 10, MaxLat: 0}}} {
		if _, err := s.Events(ctx, bad); !errors.Is(err, khaldun.ErrInvalid) {
			t.Errorf("filter %+v: %v, want ErrInvalid", bad, err)
		}
	}
	if _, err := s.Events(ctx, khaldun.EventFilter{Sort: 9}); err == nil {
		t.Error("unknown sort accepted")
	}
}

func testEventPages(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	var batch []*khaldun.Coded
	for i := range 25 {
		// Five events a day: pages must break ties without loss. Every
		// third event is mentioned twice, so that the mention sort has
		// ties as well.
		e := meet("USAGOV", fmt.Sprintf("R%02dGOV", i), fmt.Sprintf("2024-05-%02d", 1+i/5))
		events := []khaldun.Event{e}
		if i%3 == 0 {
			events = append(events, e)
		}
		batch = append(batch, coded(fmt.Sprint("a", i), "Wire", "2024-05-01", fmt.Sprintf("%s %d", talks, i), events...))
	}
	save(t, s, batch...)
	for _, sort := range []khaldun.EventSort{khaldun.ByDate, khaldun.ByMentions} {
		seen := map[string]bool{}
		var order []string
		f := khaldun.EventFilter{Limit: 7, Sort: sort}
		pages := 0
		for {
			page, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, e := range page.Events {
				if seen[e.ID] {
					t.Fatalf("sort %d: event %s on two pages", sort, e.ID)
				}
				seen[e.ID] = true
				order = append(order, e.Target.Code)
			}
			if page.Next == "" {
				break
			}
			f.Cursor = page.Next
		}
		if len(seen) != 25 || pages != 4 {
			t.Errorf("sort %d: %d events on %d pages", sort, len(seen), pages)
		}
		// Ties go newest stored first, in both sorts.
		want := []string{"R24GOV", "R23GOV", "R22GOV", "R21GOV", "R20GOV", "R19GOV"}
		if sort == khaldun.ByMentions {
			want = []string{"R24GOV", "R21GOV", "R18GOV", "R15GOV", "R12GOV", "R09GOV"}
		}
		if fmt.Sprint(order[:6]) != fmt.Sprint(want) {
			t.Errorf("sort %d: order %v, want %v first", sort, order, want)
		}
		// One page holding everything has no next.
		page, err := s.Events(ctx, khaldun.EventFilter{Sort: sort, Limit: 25})
		if err != nil || len(page.Events) != 25 || page.Next != "" {
			t.Errorf("sort %d: whole listing in one page: %d events, next %q, %v", sort, len(page.Events), page.Next, err)
		}
	}
	// The default page is 100 and the largest 1000.
	if page, _ := s.Events(ctx, khaldun.EventFilter{Limit: 5000}); len(page.Events) != 25 {
		t.Errorf("limit 5000 gave %d events", len(page.Events))
	}
	// A cursor of one sort is refused by the other.
	page, _ := s.Events(ctx, khaldun.EventFilter{Limit: 1})
	if _, err := s.Events(ctx, khaldun.EventFilter{Limit: 1, Sort: khaldun.ByMentions, Cursor: page.Next}); !errors.Is(err, khaldun.ErrInvalid) {
		t.Errorf("cursor reused across sorts: %v", err)
	}
	// A cursor keeps its place when events are added before it.
	save(t, s, coded("late", "Wire", "2024-06-01", protest, meet("USAGOV", "LATGOV", "2024-06-01")))
	next, err := s.Events(ctx, khaldun.EventFilter{Limit: 1, Cursor: page.Next})
	if err != nil || len(next.Events) != 1 || next.Events[0].Target.Code != "R23GOV" {
		t.Errorf("page after a write: %+v, %v", next, err)
	}
}
