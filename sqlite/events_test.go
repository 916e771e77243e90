package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestEventFilters(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	geneva := &khaldun.Location{Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.1, GeonameID: 2660646}
	e1 := meet("USAGOV", "RUSGOV", "2024-04-30")
	e1.Location = geneva
	e2 := meet("IRNMIL", "USAGOV", "2024-05-10")
	e2.Code, e2.Root, e2.QuadClass = "193", "19", 4
	e2.Source.Text = "Iranian forces"
	e3 := meet("FRAGOV", "", "2024-03-01")
	if _, err := s.Save(ctx,
		coded("a", "Wire", "2024-05-01", talks, e1, e3),
		coded("b", "Daily", "2024-05-11", protest, e2, e1)); err != nil {
		t.Fatal(err)
	}
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
		{"actor name", khaldun.EventFilter{ActorName: "iranian"}, []string{"IRNMIL"}},
		{"country", khaldun.EventFilter{Country: "RUS"}, []string{"USAGOV"}},
		{"code prefix", khaldun.EventFilter{Code: "19"}, []string{"IRNMIL"}},
		{"root", khaldun.EventFilter{Root: "04"}, []string{"USAGOV", "FRAGOV"}},
		{"quad class", khaldun.EventFilter{QuadClass: 4}, []string{"IRNMIL"}},
		{"date range", khaldun.EventFilter{From: "2024-04-01", To: "2024-04-30"}, []string{"USAGOV"}},
		{"place name", khaldun.EventFilter{Place: "geneva"}, []string{"USAGOV"}},
		{"place id", khaldun.EventFilter{Place: "geonames:2660646"}, []string{"USAGOV"}},
		{"bbox", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: 40, MinLon: 0, MaxLat: 50, MaxLon: 10}}, []string{"USAGOV"}},
		{"bbox elsewhere", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: -10, MinLon: 170, MaxLat: 10, MaxLon: -170}}, nil},
		{"text query", khaldun.EventFilter{Query: "STUDENTS marched"}, []string{"IRNMIL", "USAGOV"}},
		{"article", khaldun.EventFilter{Article: "a"}, []string{"USAGOV", "FRAGOV"}},
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
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || page.Next != "" {
				t.Errorf("got %v (next %q), want %v", got, page.Next, tt.want)
			}
		})
	}
	for _, bad := range []khaldun.EventFilter{{Cursor: "!!"}, {Place: "geonames:x"}, {Side: 7}, {Sort: 9},
		{BBox: &khaldun.BBox{MinLat: 10, MaxLat: 0}}} {
		if _, err := s.Events(ctx, bad); err == nil {
			t.Errorf("filter %+v accepted", bad)
		}
	}
}

func TestEventPages(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	var batch []*khaldun.Coded
	for i := range 25 {
		// Five events a day: pages must break ties by seq without loss.
		e := meet("USAGOV", fmt.Sprintf("R%02dGOV", i), fmt.Sprintf("2024-05-%02d", 1+i/5))
		batch = append(batch, coded(fmt.Sprint("a", i), "Wire", "2024-05-01", fmt.Sprintf("%s %d", talks, i), e))
	}
	if _, err := s.Save(ctx, batch...); err != nil {
		t.Fatal(err)
	}
	for _, sort := range []khaldun.EventSort{khaldun.ByDate, khaldun.ByMentions} {
		seen := map[string]bool{}
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
			}
			if page.Next == "" {
				break
			}
			f.Cursor = page.Next
		}
		if len(seen) != 25 || pages != 4 {
			t.Errorf("sort %d: %d events on %d pages", sort, len(seen), pages)
		}
	}
	// A cursor of one sort is refused by the other.
	page, _ := s.Events(ctx, khaldun.EventFilter{Limit: 1})
	if _, err := s.Events(ctx, khaldun.EventFilter{Limit: 1, Sort: khaldun.ByMentions, Cursor: page.Next}); err == nil {
		t.Error("cursor reused across sorts")
	}
}
