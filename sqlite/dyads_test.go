package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
)

// recountEvents reads the columns the rollups of 0010 are made of.
type recountEvent struct {
	date, src, tgt, srcCountry, tgtCountry, root string
	hasTarget                                    bool
	quad, mentions                               int
	goldstein                                    float64
}

func readEvents(t *testing.T, s *Store) []recountEvent {
	t.Helper()
	rows, err := s.read.Query(`SELECT date, source_code, coalesce(target_code, ''), target_code IS NOT NULL,
		source_country, coalesce(target_country, ''), root, quad_class, num_mentions, goldstein FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var es []recountEvent
	for rows.Next() {
		var e recountEvent
		if err := rows.Scan(&e.date, &e.src, &e.tgt, &e.hasTarget, &e.srcCountry, &e.tgtCountry, &e.root,
			&e.quad, &e.mentions, &e.goldstein); err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	return es
}

type sums struct {
	events, mentions int
	goldstein        float64
}

func (a sums) add(e recountEvent) sums {
	return sums{a.events + 1, a.mentions + e.mentions, a.goldstein + e.goldstein}
}

// compareSums fails on any key whose sums differ; rows with no events
// left (deleted) count as absent.
func compareSums[K comparable](t *testing.T, table string, got, want map[K]sums) {
	t.Helper()
	for k, g := range got {
		if g.events == 0 && g.mentions == 0 && math.Abs(g.goldstein) < 1e-9 {
			delete(got, k)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s has %d rows, recount %d", table, len(got), len(want))
	}
	for k, w := range want {
		g := got[k]
		if g.events != w.events || g.mentions != w.mentions || math.Abs(g.goldstein-w.goldstein) > 1e-9 {
			t.Errorf("%s %+v = %+v, recount %+v", table, k, g, w)
		}
	}
}

type dyadKey struct {
	src, tgt          string
	hasTarget         bool
	srcCountry, tgtCo string
	root              string
	quad              int
}

// checkDyads recounts event_dyads from the events, in Go.
func checkDyads(t *testing.T, s *Store) {
	t.Helper()
	want := map[dyadKey]sums{}
	for _, e := range readEvents(t, s) {
		k := dyadKey{e.src, e.tgt, e.hasTarget, e.srcCountry, e.tgtCountry, e.root, e.quad}
		want[k] = want[k].add(e)
	}
	got := map[dyadKey]sums{}
	rows, err := s.read.Query(`SELECT source_code, target_code, has_target, source_country, target_country, root,
		quad_class, events, mentions, goldstein FROM event_dyads`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k dyadKey
		var v sums
		if err := rows.Scan(&k.src, &k.tgt, &k.hasTarget, &k.srcCountry, &k.tgtCo, &k.root, &k.quad,
			&v.events, &v.mentions, &v.goldstein); err != nil {
			t.Fatal(err)
		}
		if v.events <= 0 {
			t.Errorf("event_dyads keeps %+v with %d events", k, v.events)
		}
		got[k] = v
	}
	compareSums(t, "event_dyads", got, want)
}

type actorKey struct {
	prefix, interval, period, root string
	quad, side                     int
}

// checkActorRollup recounts actor_rollup from the events, in Go: each
// 3- and 6-character prefix of the codes, the side it is on, for events
// dated to a day or a month, by that date, by week (days only) and by
// month.
func checkActorRollup(t *testing.T, s *Store) {
	t.Helper()
	want := map[actorKey]sums{}
	for _, e := range readEvents(t, s) {
		day := len(e.date) == 10 && e.date[4] == '-' && e.date[7] == '-' && numeric(e.date[:4]+e.date[5:7]+e.date[8:])
		month := len(e.date) == 7 && e.date[4] == '-' && numeric(e.date[:4]+e.date[5:])
		if !day && !month {
			continue
		}
		sides := map[string]int{}
		for _, n := range []int{3, 6} {
			if len(e.src) >= n {
				sides[e.src[:n]] |= 1
			}
			if e.hasTarget && len(e.tgt) >= n {
				sides[e.tgt[:n]] |= 2
			}
		}
		keys := func(p string, sd int) []actorKey {
			ks := []actorKey{{p, "date", e.date, e.root, e.quad, sd}, {p, "month", e.date[:7], e.root, e.quad, sd}}
			// SQLite reads days up to 31 in any month, as time.Date does.
			var y, m, d int
			if _, err := fmt.Sscanf(e.date, "%4d-%2d-%2d", &y, &m, &d); err == nil && day && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
				t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
				ks = append(ks, actorKey{p, "week", t.AddDate(0, 0, -(int(t.Weekday())+6)%7).Format(time.DateOnly), e.root, e.quad, sd})
			}
			return ks
		}
		for p, sd := range sides {
			for _, k := range keys(p, sd) {
				want[k] = want[k].add(e)
			}
		}
	}
	got := map[actorKey]sums{}
	rows, err := s.read.Query(`SELECT prefix, interval, period, root, quad_class, side, events, mentions, goldstein FROM actor_rollup`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k actorKey
		var v sums
		if err := rows.Scan(&k.prefix, &k.interval, &k.period, &k.root, &k.quad, &k.side, &v.events, &v.mentions, &v.goldstein); err != nil {
			t.Fatal(err)
		}
		got[k] = v
	}
	compareSums(t, "actor_rollup", got, want)
}

// recountActors ranks codes as Actors does, from the events in Go.
func recountActors(t *testing.T, s *Store, limit int) []khaldun.ActorCount {
	t.Helper()
	by := map[string]*khaldun.ActorCount{}
	get := func(code, country string) *khaldun.ActorCount {
		a := by[code]
		if a == nil {
			a = &khaldun.ActorCount{Code: code}
			by[code] = a
		}
		a.Country = max(a.Country, country)
		return a
	}
	for _, e := range readEvents(t, s) {
		a := get(e.src, e.srcCountry)
		a.AsSource++
		a.Mentions += int64(e.mentions)
		if e.hasTarget {
			a := get(e.tgt, e.tgtCountry)
			a.AsTarget++
			a.Mentions += int64(e.mentions)
		}
	}
	var out []khaldun.ActorCount
	for _, a := range by {
		a.Events = a.AsSource + a.AsTarget
		out = append(out, *a)
	}
	slices.SortFunc(out, func(a, b khaldun.ActorCount) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Code, b.Code))
	})
	return out[:min(limit, len(out))]
}

func TestDyadActorRollups(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	fight := func(src, tgt, date string) khaldun.Event {
		e := meet(src, tgt, date)
		e.Code, e.Root, e.QuadClass, e.Goldstein = "193", "19", 4, -10
		return e
	}
	// New events and mentions of known ones; both sides in one country
	// (USA counts once), both in one sector (USAGOV counts once), codes
	// of one part and of three, no target, and dates of every precision.
	batches := [][]*khaldun.Coded{
		{coded("d1", "Wire", "2024-05-02", talks, meet("USAGOV", "RUSGOV", "2024-04-30"), meet("FRAGOV", "", ""),
			fight("ISRMIL", "PSE", "2024-05-01"), meet("USAGOV", "USAMIL", "2024-05-01"))},
		{coded("d2", "Post", "2024-05-03", talks, meet("USAGOV", "RUSGOV", "2024-04-30"), fight("ISRMIL", "PSE", "2024-05-01"),
			meet("USAGOV", "USAGOVLEG", "2024-05"), meet("USA", "USAGOV", "2024-05-06"), fight("RUSMIL", "UKRMIL", "2024")),
			coded("d3", "Post", "", talks, meet("FRAGOV", "", ""), fight("RUSMIL", "UKRMIL", "2024-02-31"))},
		{coded("d4", "Times", "2024-06-01", talks, meet("USAGOVLEG", "USAGOV", "2024-05-20"), fight("RUSMIL", "UKRMIL", "2024-W18"),
			meet("USAGOV", "RUSGOV", "2024-04-30"), meet("CHNGOV", "USAGOV", ""), fight("IRN", "USAMIL", "2024-SU"))},
	}
	check := func(when string) {
		t.Helper()
		checkDyads(t, s)
		checkActorRollup(t, s)
		if t.Failed() {
			t.Fatalf("after %s", when)
		}
		// The rollups answer as grouping the events does.
		for _, ef := range []khaldun.EventFilter{{}, {Actor: "usa"}, {Actor: "USAGOV"}, {Actor: "USA", Side: khaldun.SourceSide},
			{Actor: "USAGOV", Side: khaldun.TargetSide}, {Country: "RUS"}, {Country: "USA", Side: khaldun.TargetSide},
			{QuadClass: 4}, {Root: "04", Actor: "USA"}, {Actor: "ISR", Country: "PSE"}} {
			for _, byCountry := range []bool{false, true} {
				f := khaldun.NetworkFilter{Filter: ef, ByCountry: byCountry}
				if !dyadFilter(ef) {
					t.Fatalf("%+v not answered by event_dyads", ef)
				}
				got, err := s.Network(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				want, err := s.network(ctx, f, false)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("after %s: network %+v: dyads %v, events %v", when, f, got, want)
				}
			}
		}
		for _, ef := range []khaldun.EventFilter{{Actor: "usa"}, {Actor: "USAGOV"}, {Actor: "USA", Side: khaldun.SourceSide},
			{Actor: "USA", Side: khaldun.TargetSide}, {Actor: "RUS", QuadClass: 4}, {Actor: "USA", Root: "04"},
			{Actor: "USAGOV", From: "2024-05-01", To: "2024-05-31"}, {Actor: "RUSMIL", From: "2024-01"}} {
			for _, iv := range []khaldun.Interval{khaldun.Day, khaldun.Week, khaldun.Month} {
				for _, by := range []string{"", "root", "quad"} {
					f := khaldun.SeriesFilter{Filter: ef, Interval: iv, By: by}
					if _, _, ok := actorSeries(f); !ok {
						t.Fatalf("%+v not answered by actor_rollup", f)
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
						t.Errorf("after %s: series %+v: rollup %v, events %v", when, f, got, want)
					}
				}
			}
		}
		got, err := s.Actors(ctx, khaldun.ActorFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		if want := recountActors(t, s, 500); !reflect.DeepEqual(got, want) {
			t.Errorf("after %s: actors %v, recount %v", when, got, want)
		}
	}
	for i, b := range batches {
		if _, err := s.Save(ctx, b...); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprint("batch ", i+1))
	}
	// Filters the rollups do not hold go to the events.
	for _, f := range []khaldun.EventFilter{{Code: "19"}, {From: "2024-05-01"}, {Query: "talks"}, {Place: "Geneva"}} {
		if dyadFilter(f) {
			t.Errorf("%+v answered by event_dyads", f)
		}
	}
	for _, f := range []khaldun.EventFilter{{Actor: "US"}, {Actor: "USAGO"}, {Actor: "USA", Country: "USA"}, {Actor: "USA", Query: "talks"}} {
		if _, _, ok := actorSeries(khaldun.SeriesFilter{Filter: f}); ok {
			t.Errorf("%+v answered by actor_rollup", f)
		}
	}
	// Writers outside Save (a repair by hand) keep them exact too: a new
	// actor, a new date, counts, and events removed.
	for _, q := range []string{
		`UPDATE events SET source_code = 'DEUGOV', source_country = 'DEU' WHERE seq = 1`,
		`UPDATE events SET date = '2024-07-01', target_code = NULL, target_country = NULL WHERE seq = 2`,
		`UPDATE events SET num_mentions = num_mentions + 2, goldstein = 3 WHERE seq = 4`,
		`UPDATE events SET root = '05', quad_class = 1 WHERE seq = 3`,
		`DELETE FROM event_sources WHERE event = 5`,
		`DELETE FROM mentions WHERE event = 5`,
		`DELETE FROM events WHERE seq = 5`,
	} {
		if _, err := s.write.Exec(q); err != nil {
			t.Fatal(fmt.Errorf("%s: %w", q, err))
		}
		check(q)
	}
}
