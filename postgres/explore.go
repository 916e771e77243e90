package postgres

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
)

// Actors counts each actor code's events as source and as target.
func (s *Store) Actors(ctx context.Context, f khaldun.ActorFilter) ([]khaldun.ActorCount, error) {
	limit := listing.Limit(f.Limit, 50, 500)
	q := &query{}
	side := func(sd string) string {
		var conds []string
		if sd == "target" {
			conds = append(conds, "e.target_code IS NOT NULL")
		}
		if f.Query != "" {
			p := strings.ToUpper(f.Query)
			// The name match runs over mentions once, not per event: the
			// IN list is uncorrelated.
			conds = append(conds, fmt.Sprintf(`((e.%[1]s_code >= %[2]s AND e.%[1]s_code < %[3]s) OR e.%[1]s_code IN
				(SELECT m.%[1]s_code FROM mentions m WHERE strpos(lower(m.%[1]s_text), lower(%[4]s)) > 0))`,
				sd, q.arg(p), q.arg(p+"~"), q.arg(f.Query)))
		}
		if len(conds) == 0 {
			return ""
		}
		return " WHERE " + strings.Join(conds, " AND ")
	}
	src, tgt := side("source"), side("target")
	sql := `SELECT code, max(country), sum(src)::bigint, sum(tgt)::bigint, sum(mentions)::bigint FROM (
		SELECT e.source_code AS code, e.source_country AS country, count(*) AS src, 0 AS tgt, sum(e.num_mentions) AS mentions
			FROM events e` + src + ` GROUP BY e.source_code, e.source_country
		UNION ALL
		SELECT e.target_code, e.target_country, 0, count(*), sum(e.num_mentions)
			FROM events e` + tgt + ` GROUP BY e.target_code, e.target_country) x
		GROUP BY code ORDER BY sum(src) + sum(tgt) DESC, code LIMIT ` + q.arg(limit)
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: actors: %w", err)
	}
	defer rows.Close()
	out := []khaldun.ActorCount{}
	for rows.Next() {
		var a khaldun.ActorCount
		if err := rows.Scan(&a.Code, &a.Country, &a.AsSource, &a.AsTarget, &a.Mentions); err != nil {
			return nil, fmt.Errorf("postgres: actors: %w", err)
		}
		a.Events = a.AsSource + a.AsTarget
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: actors: %w", err)
	}
	return out, nil
}

// Timeseries counts the matching events per period. The database groups
// them by day (and key) over the filter's indexes; the days are folded
// into weeks and months here, where a day's week is plain Go and
// identical to the sqlite store's. Weeks start on Monday, as ISO 8601
// weeks do. (The sqlite store keeps a rollup table for this; on
// PostgreSQL a rollup row per period would be a point of contention
// between concurrent writers, and grouping the filtered events is fast
// enough at the sizes measured: see the package benchmarks.)
func (s *Store) Timeseries(ctx context.Context, f khaldun.SeriesFilter) ([]khaldun.SeriesPoint, error) {
	q, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("postgres: timeseries: %w", err)
	}
	period := map[khaldun.Interval]func(string) (string, bool){
		khaldun.Day: func(d string) (string, bool) { return d, isDay(d) },
		khaldun.Week: func(d string) (string, bool) {
			if !isDay(d) {
				return "", false
			}
			return monday(d)
		},
		khaldun.Month: func(d string) (string, bool) { return d[:min(7, len(d))], isDay(d) || isMonth(d) },
	}[f.Interval]
	if period == nil {
		return nil, fmt.Errorf("postgres: timeseries: unknown interval %d: %w", f.Interval, khaldun.ErrInvalid)
	}
	key := map[string]string{"": "''", "root": "e.root", "quad": "e.quad_class::text"}[f.By]
	if key == "" {
		return nil, fmt.Errorf("postgres: timeseries: unknown split %q: %w", f.By, khaldun.ErrInvalid)
	}
	// Undated events carry "" and would make a period of their own.
	q.conds = append(q.conds, "e.date >= '0000-00-00'")
	rows, err := s.pool.Query(ctx, fmt.Sprintf(`SELECT e.date, %s, count(*), sum(e.num_mentions)::bigint, sum(e.goldstein)
		FROM events e%s GROUP BY 1, 2`, key, q.where()), q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: timeseries: %w", err)
	}
	defer rows.Close()
	type pk struct{ period, key string }
	points := map[pk]*khaldun.SeriesPoint{}
	for rows.Next() {
		var day, k string
		var events, mentions int64
		var g float64
		if err := rows.Scan(&day, &k, &events, &mentions, &g); err != nil {
			return nil, fmt.Errorf("postgres: timeseries: %w", err)
		}
		per, ok := period(day)
		if !ok { // a day no calendar has
			continue
		}
		p := points[pk{per, k}]
		if p == nil {
			p = &khaldun.SeriesPoint{Period: per, Key: k}
			points[pk{per, k}] = p
		}
		p.Events += events
		p.Mentions += mentions
		p.Goldstein += g
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: timeseries: %w", err)
	}
	out := make([]khaldun.SeriesPoint, 0, len(points))
	for _, p := range points {
		// Goldstein scores have one decimal; rounding hides the float
		// noise of summing them in different orders.
		p.Goldstein = math.Round(p.Goldstein*1e6) / 1e6
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Period != out[j].Period {
			return out[i].Period < out[j].Period
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

// monday returns the Monday of a YYYY-MM-DD day's week. Days up to 31 are
// read in any month and carry into the next (2024-02-31 is 2024-03-02),
// as SQLite reads them, so that both stores put such a day in one week.
func monday(day string) (string, bool) {
	var y, m, d int
	if len(day) != 10 || day[4] != '-' || day[7] != '-' {
		return "", false
	}
	if _, err := fmt.Sscanf(day, "%4d-%2d-%2d", &y, &m, &d); err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, -(int(t.Weekday())+6)%7).Format(time.DateOnly), true
}

// Network counts the dyads of the matching events that have a target.
func (s *Store) Network(ctx context.Context, f khaldun.NetworkFilter) ([]khaldun.Dyad, error) {
	q, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("postgres: network: %w", err)
	}
	src, tgt := "e.source_code", "e.target_code"
	q.conds = append(q.conds, "e.target_code IS NOT NULL")
	if f.ByCountry {
		src, tgt = "e.source_country", "e.target_country"
		q.conds = append(q.conds, "e.source_country <> ''", "e.target_country <> ''")
	}
	sql := fmt.Sprintf(`SELECT %s, %s, count(*), sum(e.num_mentions)::bigint, avg(e.goldstein)
		FROM events e%s GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT %d`, src, tgt, q.where(), listing.Limit(f.Limit, 100, 1000))
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: network: %w", err)
	}
	defer rows.Close()
	out := []khaldun.Dyad{}
	for rows.Next() {
		var d khaldun.Dyad
		if err := rows.Scan(&d.Source, &d.Target, &d.Events, &d.Mentions, &d.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("postgres: network: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: network: %w", err)
	}
	return out, nil
}

// isDay and isMonth tell the dates precise enough for a period: a series
// by day or week takes only full days, one by month days and months; a
// year, season, quarter or week is left out of all three (the sqlite
// store's rule, migration 0008).
func isDay(d string) bool {
	return len(d) == 10 && d[4] == '-' && d[7] == '-' && digits(d[:4]) && digits(d[5:7]) && digits(d[8:])
}

func isMonth(d string) bool {
	return len(d) == 7 && d[4] == '-' && digits(d[:4]) && digits(d[5:])
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
