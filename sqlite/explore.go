package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
)

var _ khaldun.Explorer = (*Store)(nil)

// Actors counts each actor code's events as source and as target. Without
// a query it ranks every actor; the aggregate is over the events table,
// whose rows are far fewer than the mentions.
func (s *Store) Actors(ctx context.Context, f khaldun.ActorFilter) ([]khaldun.ActorCount, error) {
	limit := clamp(f.Limit, 50, 500)
	cond := map[string]string{"source": "", "target": "e.target_code IS NOT NULL"}
	var args []any
	side := func(sd string) string {
		c := cond[sd]
		if f.Query == "" {
			return where(c)
		}
		p := strings.ToUpper(f.Query)
		// The name match runs over mentions once, not per event: the IN
		// list is uncorrelated.
		m := fmt.Sprintf(`((e.%[1]s_code >= ? AND e.%[1]s_code < ?) OR e.%[1]s_code IN
			(SELECT m.%[1]s_code FROM mentions m WHERE instr(lower(m.%[1]s_text), lower(?)) > 0))`, sd)
		args = append(args, p, p+"~", f.Query)
		if c != "" {
			m = c + " AND " + m
		}
		return where(m)
	}
	src, tgt := side("source"), side("target")
	q := `SELECT code, max(country), sum(src), sum(tgt), sum(mentions) FROM (
		SELECT e.source_code AS code, e.source_country AS country, count(*) AS src, 0 AS tgt, sum(e.num_mentions) AS mentions
			FROM events e` + src + ` GROUP BY e.source_code
		UNION ALL
		SELECT e.target_code, e.target_country, 0, count(*), sum(e.num_mentions)
			FROM events e` + tgt + ` GROUP BY e.target_code)
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
	conds, args, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("sqlite: timeseries: %w", err)
	}
	var period string
	switch f.Interval {
	case khaldun.Day:
		period = "e.date"
	case khaldun.Week:
		period = "date(e.date, '-' || ((CAST(strftime('%w', e.date) AS INTEGER) + 6) % 7) || ' days')"
	case khaldun.Month:
		period = "substr(e.date, 1, 7)"
	default:
		return nil, fmt.Errorf("sqlite: timeseries: unknown interval %d", f.Interval)
	}
	key := map[string]string{"": "''", "root": "e.root", "quad": "CAST(e.quad_class AS TEXT)"}[f.By]
	if key == "" {
		return nil, fmt.Errorf("sqlite: timeseries: unknown split %q", f.By)
	}
	// Undated events carry "" and would make a period of their own.
	conds = append(conds, "e.date >= '0000-00-00'")
	q := fmt.Sprintf(`SELECT %s AS period, %s AS key, count(*), sum(e.num_mentions), sum(e.goldstein)
		FROM events e%s GROUP BY period, key ORDER BY period, key`, period, key, where(strings.Join(conds, " AND ")))
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
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: timeseries: %w", err)
	}
	return out, nil
}

// Network counts the dyads of the matching events that have a target.
func (s *Store) Network(ctx context.Context, f khaldun.NetworkFilter) ([]khaldun.Dyad, error) {
	conds, args, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	src, tgt := "e.source_code", "e.target_code"
	conds = append(conds, "e.target_code IS NOT NULL")
	if f.ByCountry {
		src, tgt = "e.source_country", "e.target_country"
		conds = append(conds, "e.source_country <> ''", "e.target_country <> ''")
	}
	q := fmt.Sprintf(`SELECT %s, %s, count(*), sum(e.num_mentions), avg(e.goldstein)
		FROM events e%s GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?`, src, tgt, where(strings.Join(conds, " AND ")))
	rows, err := s.read.QueryContext(ctx, q, append(args, clamp(f.Limit, 100, 1000))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	defer rows.Close()
	out := []khaldun.Dyad{}
	for rows.Next() {
		var d khaldun.Dyad
		if err := rows.Scan(&d.Source, &d.Target, &d.Events, &d.Mentions, &d.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("sqlite: network: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	return out, nil
}

func where(cond string) string {
	if cond == "" {
		return ""
	}
	return " WHERE " + cond
}

func clamp(n, def, most int) int {
	if n <= 0 {
		return def
	}
	return min(n, most)
}

// annCursor is where a page of quotes or counts ended: the article's
// publication date and seq, and the annotation's position in it.
type annCursor struct {
	Published string `json:"p"`
	Article   int64  `json:"a"`
	Ord       int    `json:"o"`
}

func (c annCursor) String() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func parseAnnCursor(s string) (annCursor, error) {
	var c annCursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		return c, fmt.Errorf("bad cursor %q: %w", s, khaldun.ErrInvalid)
	}
	return c, nil
}
