package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"reflect"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
)

var _ khaldun.Explorer = (*Store)(nil)

// Actors counts each actor code's events as source and as target. Without
// a query it ranks every actor. It reads event_dyads (0010), whose rows
// (one per dyad, root and quad class) are a fifth of the events and
// sorted by source code, with an index by target code.
func (s *Store) Actors(ctx context.Context, f khaldun.ActorFilter) ([]khaldun.ActorCount, error) {
	limit := listing.Limit(f.Limit, 50, 500)
	cond := map[string]string{"source": "", "target": "e.has_target"}
	var args []any
	side := func(sd string) string {
		c := cond[sd]
		if f.Query == "" {
			return where(c)
		}
		p := strings.ToUpper(f.Query)
		// The name match runs over the distinct actor texts once, not per
		// dyad: the IN list is uncorrelated.
		m := fmt.Sprintf(`((e.%[1]s_code >= ? AND e.%[1]s_code < ?) OR e.%[1]s_code IN
			(SELECT n.code FROM actor_names n WHERE n.side = ? AND instr(lower(n.text), lower(?)) > 0))`, sd)
		args = append(args, p, listing.PrefixEnd(p), map[string]int{"source": 1, "target": 2}[sd], f.Query)
		if c != "" {
			m = c + " AND " + m
		}
		return where(m)
	}
	src, tgt := side("source"), side("target")
	q := `SELECT code, max(country), sum(src), sum(tgt), sum(mentions) FROM (
		SELECT e.source_code AS code, max(e.source_country) AS country, sum(e.events) AS src, 0 AS tgt, sum(e.mentions) AS mentions
			FROM event_dyads e` + src + ` GROUP BY e.source_code
		UNION ALL
		SELECT e.target_code, max(e.target_country), 0, sum(e.events), sum(e.mentions)
			FROM event_dyads e INDEXED BY event_dyads_target` + tgt + ` GROUP BY e.target_code)
		GROUP BY code ORDER BY sum(src) + sum(tgt) DESC, code LIMIT ?`
	rows, err := s.read.QueryContext(ctx, q, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	defer rows.Close()
	out := []khaldun.ActorCount{}
	for rows.Next() {
		var a khaldun.ActorCount
		if err := rows.Scan(&a.Code, &a.Country, &a.AsSource, &a.AsTarget, &a.Mentions); err != nil {
			return nil, fmt.Errorf("sqlite: actors: %w", err)
		}
		a.Events = a.AsSource + a.AsTarget
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	return out, nil
}

// Timeseries groups the matching events by period. Weeks start on Monday,
// as ISO 8601 weeks do.
func (s *Store) Timeseries(ctx context.Context, f khaldun.SeriesFilter) ([]khaldun.SeriesPoint, error) {
	if q, args, ok := rollupSeries(f); ok {
		return s.series(ctx, q, args)
	}
	if q, args, ok := actorSeries(f); ok {
		return s.series(ctx, q, args)
	}
	return s.eventSeries(ctx, f)
}

// actorSeries answers a time series from actor_rollup (0010) when the
// filter is an actor prefix of 3 or 6 characters, with or without a side,
// root, quad class and dates: a few thousand rows read in period order
// instead of grouping up to 100k events.
func actorSeries(f khaldun.SeriesFilter) (string, []any, bool) {
	g := f.Filter
	actor := strings.ToUpper(g.Actor)
	if len(actor) != 3 && len(actor) != 6 {
		return "", nil, false
	}
	g.Actor, g.Side, g.Root, g.QuadClass, g.From, g.To = "", khaldun.EitherSide, "", 0, "", ""
	g.Cursor, g.Limit, g.Sort = "", 0, 0
	if !reflect.DeepEqual(g, khaldun.EventFilter{}) {
		return "", nil, false
	}
	key := map[string]string{"": "''", "root": "r.root", "quad": "CAST(r.quad_class AS TEXT)"}[f.By]
	if key == "" {
		return "", nil, false // Timeseries reports the error
	}
	// A series of all dates reads the rows of its interval; a day series
	// or a date range the rows of each date, since a week or month row
	// may straddle a range's end.
	interval := "date"
	if f.Interval != khaldun.Day && f.Filter.From == "" && f.Filter.To == "" {
		interval = map[khaldun.Interval]string{khaldun.Week: "week", khaldun.Month: "month"}[f.Interval]
	}
	conds, args := []string{"r.prefix = ?", "r.interval = ?"}, []any{actor, interval}
	switch f.Filter.Side {
	case khaldun.EitherSide:
	case khaldun.SourceSide:
		conds = append(conds, "r.side IN (1, 3)")
	case khaldun.TargetSide:
		conds = append(conds, "r.side IN (2, 3)")
	default:
		return "", nil, false // eventWhere reports it
	}
	// Date rows hold the events' dates, so a range compares them as
	// eventWhere compares the dates.
	conds, args = rollupConds(conds, args, f.Filter)
	var period string
	switch f.Interval {
	case khaldun.Day:
		period = "d"
		conds = append(conds, "length(r.period) = 10") // days, not months
	case khaldun.Week:
		period = "d"
		if interval == "date" {
			period = "date(d, '-' || ((CAST(strftime('%w', d) AS INTEGER) + 6) % 7) || ' days')"
			conds = append(conds, "length(r.period) = 10")
		}
	case khaldun.Month:
		period = "substr(d, 1, 7)"
	default:
		return "", nil, false
	}
	// The inner grouping follows the primary key (prefix, interval,
	// period, root): with no split, or split by root, it needs no sort.
	group := "r.period, k"
	if f.By == "" {
		group = "r.period"
	}
	// Rows of deleted events stay with 0 events; a period of only those is
	// not a point.
	return fmt.Sprintf(`SELECT %s AS p, k, sum(c), sum(n), sum(g) FROM (
			SELECT r.period AS d, %s AS k, sum(r.events) AS c, sum(r.mentions) AS n, sum(r.goldstein) AS g
			FROM actor_rollup r WHERE %s GROUP BY %s)
		GROUP BY p, k HAVING sum(c) > 0 ORDER BY p, k`, period, key, strings.Join(conds, " AND "), group), args, true
}

// eventSeries groups the matching events themselves, for filters the
// rollup cannot answer.
func (s *Store) eventSeries(ctx context.Context, f khaldun.SeriesFilter) ([]khaldun.SeriesPoint, error) {
	conds, args, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("sqlite: timeseries: %w", err)
	}
	var period string
	switch f.Interval {
	case khaldun.Day:
		period = "d"
	case khaldun.Week:
		period = "date(d, '-' || ((CAST(strftime('%w', d) AS INTEGER) + 6) % 7) || ' days')"
	case khaldun.Month:
		period = "substr(d, 1, 7)"
	default:
		return nil, fmt.Errorf("sqlite: timeseries: unknown interval %d", f.Interval)
	}
	key := map[string]string{"": "''", "root": "e.root", "quad": "CAST(e.quad_class AS TEXT)"}[f.By]
	if key == "" {
		return nil, fmt.Errorf("sqlite: timeseries: unknown split %q", f.By)
	}
	// Only dates precise enough for the period count (migration 0008):
	// full days for days and weeks, days and months for months.
	day := "e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
	if f.Interval == khaldun.Month {
		day = "(" + day + " OR e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')"
	}
	conds = append(conds, day)
	// Events are summed per day first and the days then per period: the
	// date arithmetic of a week runs once per day instead of once per
	// event (a third of the time for an actor with 30k events). Grouping
	// by e.date || '' keeps the planner on the filter's index; grouping by
	// the bare column would have it walk events_date over the whole table
	// to save a sort.
	q := fmt.Sprintf(`SELECT %s AS period, k, sum(c), sum(n), sum(g) FROM (
			SELECT e.date AS d, %s AS k, count(*) AS c, sum(e.num_mentions) AS n, sum(e.goldstein) AS g
			FROM events e%s GROUP BY e.date || '', k)
		GROUP BY period, k ORDER BY period, k`, period, key, where(strings.Join(conds, " AND ")))
	return s.series(ctx, q, args)
}

// rollupSeries answers a time series from event_rollup when the filter
// only uses its dimensions (country, root, quad class, dates): a few
// thousand rows per request instead of every matching event. A date range
// needs day rows, grouped here into weeks or months, since a week or month
// row may straddle the range's ends.
func rollupSeries(f khaldun.SeriesFilter) (string, []any, bool) {
	if f.Filter.Side < khaldun.EitherSide || f.Filter.Side > khaldun.TargetSide {
		return "", nil, false // eventWhere reports it
	}
	g := f.Filter
	g.Country, g.Side, g.Root, g.QuadClass, g.From, g.To = "", khaldun.EitherSide, "", 0, "", ""
	g.Cursor, g.Limit, g.Sort = "", 0, 0
	if !reflect.DeepEqual(g, khaldun.EventFilter{}) {
		return "", nil, false
	}
	interval := map[khaldun.Interval]string{khaldun.Day: "day", khaldun.Week: "week", khaldun.Month: "month"}[f.Interval]
	key := map[string]string{"": "''", "root": "r.root", "quad": "CAST(r.quad_class AS TEXT)"}[f.By]
	if interval == "" || key == "" {
		return "", nil, false // Timeseries reports the error
	}
	period := "r.period"
	if f.Filter.From != "" || f.Filter.To != "" {
		// Day rows hold only full days, and a month series also counts
		// the events dated to a month: those need the events themselves.
		if f.Interval == khaldun.Month {
			return "", nil, false
		}
		switch f.Interval {
		case khaldun.Week:
			period = "date(r.period, '-' || ((CAST(strftime('%w', r.period) AS INTEGER) + 6) % 7) || ' days')"
		case khaldun.Month:
			period = "substr(r.period, 1, 7)"
		}
		interval = "day"
	}
	conds, args := []string{"r.interval = ?", "r.country = ?"}, []any{interval, strings.ToUpper(f.Filter.Country)}
	switch {
	case f.Filter.Country == "":
		conds = append(conds, "r.side = 0")
	case f.Filter.Side == khaldun.SourceSide:
		conds = append(conds, "r.side IN (1, 3)")
	case f.Filter.Side == khaldun.TargetSide:
		conds = append(conds, "r.side IN (2, 3)")
	case f.Filter.Side != khaldun.EitherSide:
		return "", nil, false
	}
	conds, args = rollupConds(conds, args, f.Filter)
	// Without a split the key is a constant, and grouping by the period
	// alone lets SQLite follow the primary key instead of sorting the rows
	// (a fifth of the time for a day series over all events).
	group := "p, key"
	if f.By == "" {
		group = "p"
	}
	// Rows of deleted events stay with 0 events; a period of only those is
	// not a point.
	return fmt.Sprintf(`SELECT %s AS p, %s AS key, sum(r.events), sum(r.mentions), sum(r.goldstein)
		FROM event_rollup r WHERE %s GROUP BY %s HAVING sum(r.events) > 0 ORDER BY %[4]s`,
		period, key, strings.Join(conds, " AND "), group), args, true
}

func (s *Store) series(ctx context.Context, q string, args []any) ([]khaldun.SeriesPoint, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: timeseries: %w", err)
	}
	defer rows.Close()
	out := []khaldun.SeriesPoint{}
	for rows.Next() {
		var p khaldun.SeriesPoint
		var per sql.NullString
		if err := rows.Scan(&per, &p.Key, &p.Events, &p.Mentions, &p.Goldstein); err != nil {
			return nil, fmt.Errorf("sqlite: timeseries: %w", err)
		}
		if !per.Valid { // a date SQLite cannot read
			continue
		}
		p.Period = per.String
		// Goldstein scores have one decimal; rounding hides the float noise
		// of summing them in different orders (events or rollup rows).
		p.Goldstein = math.Round(p.Goldstein*1e6) / 1e6
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: timeseries: %w", err)
	}
	return out, nil
}

// Network counts the dyads of the matching events that have a target.
// A filter of actors, countries, root and quad class alone is answered
// from event_dyads (0010); others group the events.
func (s *Store) Network(ctx context.Context, f khaldun.NetworkFilter) ([]khaldun.Dyad, error) {
	return s.network(ctx, f, dyadFilter(f.Filter))
}

// network groups the events, or the rows of event_dyads when dyads is set.
func (s *Store) network(ctx context.Context, f khaldun.NetworkFilter, dyads bool) ([]khaldun.Dyad, error) {
	conds, args, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	table, events, mentions, goldstein := "events", "count(*)", "sum(e.num_mentions)", "sum(e.goldstein)"
	hasTarget := "e.target_code IS NOT NULL"
	if dyads {
		table, events, mentions, goldstein = "event_dyads", "sum(e.events)", "sum(e.mentions)", "sum(e.goldstein)"
		hasTarget = "e.has_target"
	}
	src, tgt := "e.source_code", "e.target_code"
	conds = append(conds, hasTarget)
	if f.ByCountry {
		src, tgt = "e.source_country", "e.target_country"
		conds = append(conds, "e.source_country <> ''", "e.target_country <> ''")
	}
	q := fmt.Sprintf(`SELECT %s, %s, %s, %s, %s FROM %s e%s GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?`,
		src, tgt, events, mentions, goldstein, table, where(strings.Join(conds, " AND ")))
	rows, err := s.read.QueryContext(ctx, q, append(args, listing.Limit(f.Limit, 100, 1000))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	defer rows.Close()
	out := []khaldun.Dyad{}
	for rows.Next() {
		var d khaldun.Dyad
		var sum float64
		if err := rows.Scan(&d.Source, &d.Target, &d.Events, &d.Mentions, &sum); err != nil {
			return nil, fmt.Errorf("sqlite: network: %w", err)
		}
		// Rounded as series are: the sum of one-decimal scores carries
		// float noise that depends on the order of summing.
		d.MeanGoldstein = math.Round(sum/float64(d.Events)*1e6) / 1e6
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	return out, nil
}

// dyadFilter reports whether event_dyads holds every column f filters
// on: actor prefixes, countries, sides, root and quad class. The
// conditions of eventWhere then hold on its rows as they do on events.
func dyadFilter(f khaldun.EventFilter) bool {
	f.Actor, f.Country, f.Side, f.Root, f.QuadClass = "", "", khaldun.EitherSide, "", 0
	f.Cursor, f.Limit, f.Sort = "", 0, 0
	return reflect.DeepEqual(f, khaldun.EventFilter{})
}

func where(cond string) string {
	if cond == "" {
		return ""
	}
	return " WHERE " + cond
}

// rollupConds adds the root, quad class and date range of f to a query on
// a rollup aliased r (event_rollup or actor_rollup share these columns).
func rollupConds(conds []string, args []any, f khaldun.EventFilter) ([]string, []any) {
	if f.Root != "" {
		conds, args = append(conds, "r.root = ?"), append(args, f.Root)
	}
	if f.QuadClass != 0 {
		conds, args = append(conds, "r.quad_class = ?"), append(args, f.QuadClass)
	}
	if f.From != "" {
		conds, args = append(conds, "r.period >= ?"), append(args, f.From)
	}
	if f.To != "" {
		conds, args = append(conds, "r.period <= ?"), append(args, f.To)
	}
	return conds, args
}
