package sqlite

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
)

// checkRollup recounts event_rollup from the events table, in Go, and
// fails on any difference: the triggers must keep it exact.
func checkRollup(t *testing.T, s *Store) {
	t.Helper()
	type key struct {
		interval, country, period, root string
		quad, side                      int
	}
	type sums struct {
		events, mentions int
		goldstein        float64
	}
	want := map[key]sums{}
	rows, err := s.read.Query(`SELECT date, root, quad_class, source_country, coalesce(target_country, ''),
		target_country IS NULL, num_mentions, goldstein FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var date, root, sc, tc string
		var noTarget bool
		var quad, n int
		var g float64
		if err := rows.Scan(&date, &root, &quad, &sc, &tc, &noTarget, &n, &g); err != nil {
			t.Fatal(err)
		}
		// Days and weeks take full days, months days and months (0008).
		isDay := len(date) == 10 && date[4] == '-' && date[7] == '-' && numeric(date[:4]+date[5:7]+date[8:])
		isMonth := len(date) == 7 && date[4] == '-' && numeric(date[:4]+date[5:])
		periods := map[string]string{}
		if isDay {
			periods["day"] = date
		}
		if isDay || isMonth {
			periods["month"] = date[:7]
		}
		// SQLite reads days up to 31 in any month, carrying into the next
		// (2024-02-31 is 2024-03-02), as time.Date does.
		var y, m, dd int
		if _, err := fmt.Sscanf(date, "%4d-%2d-%2d", &y, &m, &dd); err == nil && isDay && m >= 1 && m <= 12 && dd >= 1 && dd <= 31 {
			d := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
			periods["week"] = d.AddDate(0, 0, -(int(d.Weekday())+6)%7).Format(time.DateOnly)
		}
		sides := map[string]int{"": 0}
		if sc != "" {
			sides[sc] = 1
		}
		if tc != "" && !noTarget {
			sides[tc] |= 2
		}
		for iv, p := range periods {
			for c, sd := range sides {
				k := key{iv, c, p, root, quad, sd}
				v := want[k]
				want[k] = sums{v.events + 1, v.mentions + n, v.goldstein + g}
			}
		}
	}
	rows.Close()
	got := map[key]sums{}
	rows, err = s.read.Query(`SELECT interval, country, period, root, quad_class, side, events, mentions, goldstein
		FROM event_rollup WHERE events <> 0 OR mentions <> 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k key
		var v sums
		if err := rows.Scan(&k.interval, &k.country, &k.period, &k.root, &k.quad, &k.side, &v.events, &v.mentions, &v.goldstein); err != nil {
			t.Fatal(err)
		}
		got[k] = v
	}
	if len(got) != len(want) {
		t.Errorf("rollup has %d rows, recount %d", len(got), len(want))
	}
	for k, w := range want {
		g := got[k]
		if g.events != w.events || g.mentions != w.mentions || math.Abs(g.goldstein-w.goldstein) > 1e-9 {
			t.Errorf("rollup %+v = %+v, recount %+v", k, g, w)
		}
	}
}

func numeric(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func TestRollup(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	conflict := meet("ISRMIL", "PSE", "2024-05-01")
	conflict.Code, conflict.Root, conflict.QuadClass, conflict.Goldstein = "190", "19", 4, -10
	self := meet("USAGOV", "USACOP", "2024-05-05") // source and target country alike
	bad := meet("RUSGOV", "UKRGOV", "2024-02-31")  // a day SQLite cannot read
	// A mixed ingest: new events, mentions added to known events (again in
	// later articles and twice in one), undated, no target.
	batches := [][]*khaldun.Coded{
		{coded("a1", "Wire", "2024-05-02", talks, meet("USAGOV", "RUSGOV", "2024-04-30"), meet("FRAGOV", "", ""), conflict)},
		{coded("a2", "Post", "2024-05-03", talks, meet("USAGOV", "RUSGOV", "2024-04-30"), conflict, conflict, self),
			coded("a3", "Post", "", talks, meet("FRAGOV", "", ""), bad)},
		{coded("a4", "Times", "2024-06-01", talks, self, meet("USAGOV", "RUSGOV", "2024-04-30"), meet("CHNGOV", "USAGOV", ""))},
		// Dates as coarse as their text: a year, a month, a week, a season.
		{coded("a5", "Wire", "2024-06-02", talks, meet("USAGOV", "RUSGOV", "2024"), meet("USAGOV", "RUSGOV", "2024-05"),
			meet("USAGOV", "RUSGOV", "2024-W18"), meet("USAGOV", "RUSGOV", "2024-SU"))},
	}
	for _, b := range batches {
		if _, err := s.Save(ctx, b...); err != nil {
			t.Fatal(err)
		}
		checkRollup(t, s)
	}
	// Every filter the rollup answers gives what grouping the events does.
	for _, iv := range []khaldun.Interval{khaldun.Day, khaldun.Week, khaldun.Month} {
		for _, by := range []string{"", "root", "quad"} {
			for _, ef := range []khaldun.EventFilter{{}, {Country: "usa"}, {Country: "USA", Side: khaldun.SourceSide},
				{Country: "USA", Side: khaldun.TargetSide}, {Country: "RUS"}, {Root: "19"}, {QuadClass: 1},
				{From: "2024-05-01", To: "2024-05-31"}, {From: "2024-05-02", Country: "USA", QuadClass: 1}} {
				f := khaldun.SeriesFilter{Filter: ef, Interval: iv, By: by}
				// A month series in a date range counts month-dated
				// events, which day rows do not hold: the events answer.
				inRange := ef.From != "" || ef.To != ""
				if _, _, ok := rollupSeries(f); ok == (iv == khaldun.Month && inRange) {
					t.Fatalf("%+v: answered by the rollup %v", f, ok)
				}
				got, err := s.Timeseries(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				want, err := s.eventSeries(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%+v: rollup %v, events %v", f, got, want)
				}
			}
		}
	}
	if _, _, ok := rollupSeries(khaldun.SeriesFilter{Filter: khaldun.EventFilter{Actor: "USA"}}); ok {
		t.Error("an actor filter answered by the rollup")
	}
	// Writers outside Save (a repair by hand) keep it exact too.
	for _, q := range []string{
		`UPDATE events SET date = '2024-07-01', target_country = 'DEU' WHERE seq = 1`,
		`UPDATE events SET num_mentions = num_mentions + 2 WHERE seq = 2`,
		`DELETE FROM event_sources WHERE event = 3`,
		`DELETE FROM mentions WHERE event = 3`,
		`DELETE FROM events WHERE seq = 3`,
	} {
		if _, err := s.write.Exec(q); err != nil {
			t.Fatal(fmt.Errorf("%s: %w", q, err))
		}
		checkRollup(t, s)
	}
}
