package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
)

// eventColumns are read by scanEvent, in order.
const eventColumns = `e.seq, e.id, e.date, e.source_code, e.source_country, e.source_role,
	e.target_code, e.target_country, e.target_role, e.code, e.root, e.name, e.plover, e.quad_class, e.goldstein,
	e.loc_name, e.loc_country, e.loc_admin1, e.lat, e.lon, e.geonameid, e.loc_text, e.loc_start, e.loc_end,
	e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen,
	CASE WHEN e.tone_n > 0 THEN e.tone_sum / e.tone_n END`

func scanEvent(r interface{ Scan(...any) error }) (int64, khaldun.AggregateEvent, error) {
	var (
		seq           int64
		e             khaldun.AggregateEvent
		tc, tco, tr   sql.NullString
		ln, lc, la    sql.NullString
		lat, lon, avg sql.NullFloat64
		gid           sql.NullInt64
		lt            sql.NullString
		ls, le        sql.NullInt64
	)
	err := r.Scan(&seq, &e.ID, &e.Date, &e.Source.Code, &e.Source.Country, &e.Source.Role,
		&tc, &tco, &tr, &e.Code, &e.Root, &e.Name, &e.Plover, &e.QuadClass, &e.Goldstein,
		&ln, &lc, &la, &lat, &lon, &gid, &lt, &ls, &le,
		&e.NumMentions, &e.NumSources, &e.NumArticles, &e.FirstSeen, &e.LastSeen, &avg)
	if tc.Valid {
		e.Target = &khaldun.ActorRef{Code: tc.String, Country: tco.String, Role: tr.String}
	}
	if ln.Valid {
		e.Location = &khaldun.Location{Name: ln.String, Country: lc.String, Admin1: la.String,
			Lat: lat.Float64, Lon: lon.Float64, GeonameID: int(gid.Int64),
			Text: lt.String, Span: khaldun.Span{Start: int(ls.Int64), End: int(le.Int64)}}
	}
	if avg.Valid {
		e.AvgTone = &avg.Float64
	}
	return seq, e, err
}

// Event returns one aggregate event and its mentions in storage order.
func (s *Store) Event(ctx context.Context, id string) (*khaldun.AggregateEvent, []khaldun.Mention, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: event %s: %w", id, err)
	}
	defer tx.Rollback()
	seq, e, err := scanEvent(tx.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("sqlite: event %s: %w", id, khaldun.ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: event %s: %w", id, err)
	}
	ms, err := mentions(ctx, tx, `m.event = ? ORDER BY m.seq`, seq, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: event %s mentions: %w", id, err)
	}
	return &e, ms, nil
}

// Events lists aggregate events, newest or most mentioned first, paged by
// keyset (the sort value and seq of the last row) so that a page costs the
// same wherever it is in the listing.
func (s *Store) Events(ctx context.Context, f khaldun.EventFilter) (*khaldun.EventPage, error) {
	conds, args, err := eventWhere(f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	col, index := "date", "events_date"
	if f.Sort == khaldun.ByMentions {
		col, index = "num_mentions", "events_mentions"
	} else if f.Sort != khaldun.ByDate {
		return nil, fmt.Errorf("sqlite: events: unknown sort %d", f.Sort)
	}
	// after is the keyset condition of a later page, as a row value so
	// that it seeks in the sort index instead of reading the pages before.
	after, afterE, afterArgs := "", "", []any(nil)
	if f.Cursor != "" {
		v, seq, err := listing.Resume(f.Cursor, f.Sort)
		if err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		after, afterE = fmt.Sprintf("(%s, seq) < (?, ?)", col), fmt.Sprintf("(e.%s, e.seq) < (?, ?)", col)
		afterArgs = []any{v, seq}
	}
	limit := listing.Limit(f.Limit, listing.DefaultLimit, listing.MaxLimit)
	order := fmt.Sprintf(" ORDER BY e.%s DESC, e.seq DESC LIMIT %d", col, limit+1)
	probing := len(conds) > 0 && probe(f)
	if probing {
		few, err := s.sparse(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		probing = !few
	}
	if probing {
		// A filter most events pass (an actor prefix such as USA: 96k
		// of the 168k AllSides events) has the plain query read and
		// sort all its events to keep a page (0.1-0.2 s). The
		// sort index read from the top has a page of them within its
		// first rows: try those first. A page found there is the page,
		// since those rows come first in the listing; a filter too
		// narrow to fill it wasted probeRows lookups and goes on below.
		// CROSS JOIN keeps that order of reading: the planner would
		// rather start from the filter's own index, which for a narrow
		// filter repeats the look-ups of the query below.
		q := `SELECT ` + eventColumns + ` FROM (SELECT seq FROM events INDEXED BY ` + index + where(after) +
			fmt.Sprintf(" ORDER BY %s DESC, seq DESC LIMIT %d)", col, probeRows(limit)) +
			` p CROSS JOIN events e ON e.seq = p.seq WHERE ` + strings.Join(conds, " AND ") + order
		page, full, err := s.eventPage(ctx, f.Sort, limit, q, append(append([]any{}, afterArgs...), args...))
		if err != nil || full {
			return page, err
		}
	}
	if after != "" {
		conds, args = append(conds, afterE), append(args, afterArgs...)
	}
	page, _, err := s.eventPage(ctx, f.Sort, limit, `SELECT `+eventColumns+` FROM events e`+where(strings.Join(conds, " AND "))+order, args)
	return page, err
}

// probe says whether Events should look for the page in the first rows
// of the sort index. Text, article and place filters are narrow and
// indexed: the probe would only repeat their look-up. A root, a quad
// class or a date range has an index in date order (events_root_date,
// events_quad, events_date), and a quad class one in order of mentions
// (events_quad_mentions), which the plain query reads in order and stops
// after a page.
func probe(f khaldun.EventFilter) bool {
	switch {
	case f.Query != "" || f.Article != "" || f.Place != "":
		return false
	case f.Sort == khaldun.ByDate:
		return f.Root == "" && f.QuadClass == 0 && f.From == "" && f.To == ""
	default:
		return f.QuadClass == 0 || f.Root != ""
	}
}

// sparseShare is the share of events under which a filter is sparse
// (one in 20): the probe reads 10 rows of the sort index per row of the
// page, so it fills a page only where about one event in 10 matches, and
// below one in 20 over the whole table its look-ups are almost always
// wasted before the query that answers (IRN as source, RUS by mentions).
const sparseShare = 20

// sparse says whether the rollups count so few events for f that the
// probe of Events would be wasted. event_rollup (0005) counts the events
// of a country, root and quad class, actor_rollup (0010) those of an
// actor prefix of 3 or 6 characters: each count of the filter's
// dimensions bounds its events from above, and the smaller one is taken.
// Both tables count only events dated to a day or a month, the whole
// table included, so the share compares like with like. A filter with
// none of these dimensions is not known to be sparse.
func (s *Store) sparse(ctx context.Context, f khaldun.EventFilter) (bool, error) {
	f, err := listing.Events(f)
	if err != nil {
		return false, err
	}
	actor := len(f.Actor) == 3 || len(f.Actor) == 6
	if !actor && f.Country == "" && f.Root == "" && f.QuadClass == 0 {
		return false, nil
	}
	// sides is the rollups' side condition: 1 the source only, 2 the
	// target only, 3 both.
	sides := map[khaldun.Side]string{khaldun.EitherSide: "", khaldun.SourceSide: " AND side IN (1, 3)",
		khaldun.TargetSide: " AND side IN (2, 3)"}[f.Side]
	dims, dimArgs := "", []any{}
	if f.Root != "" {
		dims, dimArgs = dims+" AND root = ?", append(dimArgs, f.Root)
	}
	if f.QuadClass != 0 {
		dims, dimArgs = dims+" AND quad_class = ?", append(dimArgs, f.QuadClass)
	}
	// Each count reads at most rollupRows rows: a dense prefix (USA,
	// 5k month rows) is known to be dense from a part of them, and a
	// count cut short that stays under the share proves nothing.
	count := func(table, cond string) string {
		return fmt.Sprintf(`(SELECT coalesce(sum(events), 0), count(*) = %d FROM (SELECT events FROM %s WHERE interval = 'month' AND %s LIMIT %[1]d))`,
			rollupRows, table, cond)
	}
	var parts []string
	var args []any
	// Without a country, event_rollup's rows of all events (country '',
	// side 0) count the root and quad class; with neither, they would
	// count the whole table, which bounds nothing.
	if f.Country != "" || dims != "" {
		cond := "country = ?" + sides + dims
		if f.Country == "" {
			cond = "country = ? AND side = 0" + dims
		}
		parts, args = append(parts, count("event_rollup", cond)), append(append(args, f.Country), dimArgs...)
	}
	if actor {
		parts, args = append(parts, count("actor_rollup", "prefix = ?"+sides+dims)), append(append(args, f.Actor), dimArgs...)
	}
	// One statement: the total and each count are single-row tables.
	parts = append(parts, `(SELECT coalesce(sum(events), 0) FROM event_rollup WHERE interval = 'month' AND country = '' AND side = 0)`)
	counts := make([]struct {
		n   int64
		cut bool
	}, len(parts)-1)
	var total int64
	dest := []any{}
	for i := range counts {
		dest = append(dest, &counts[i].n, &counts[i].cut)
	}
	dest = append(dest, &total)
	if err := s.read.QueryRowContext(ctx, `SELECT * FROM `+strings.Join(parts, ", "), args...).Scan(dest...); err != nil {
		return false, fmt.Errorf("density of %+v: %w", f, err)
	}
	for _, c := range counts {
		if !c.cut && c.n*sparseShare < total {
			return true, nil
		}
	}
	return false, nil
}

// rollupRows is the most rows of a rollup sparse reads for one count.
// The sparse filters it is for have fewer (RUS: 1.7k month rows in the
// 15k-article AllSides store, IRN 1.1k).
const rollupRows = 2000

// probeRows is how many events of the listing's order Events looks at for
// a page of limit before it reads every match: the page is found there
// when one event in 10 or more matches (USAGOV: one in 4), and a filter
// that fails costs about a millisecond more (RUS, one in 22).
func probeRows(limit int) int { return 10 * (limit + 1) }

// eventPage runs a listing query that asks for limit+1 events and makes
// the page; full says whether it found them all, so that a next page
// exists.
func (s *Store) eventPage(ctx context.Context, sort khaldun.EventSort, limit int, q string, args []any) (*khaldun.EventPage, bool, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	page := &khaldun.EventPage{Events: make([]khaldun.AggregateEvent, 0, 16)}
	var last listing.EventCursor
	for rows.Next() {
		seq, e, err := scanEvent(rows)
		if err != nil {
			return nil, false, fmt.Errorf("sqlite: events: %w", err)
		}
		if len(page.Events) == limit {
			page.Next = last.String()
			break
		}
		page.Events = append(page.Events, e)
		last = listing.After(sort, &e, seq)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("sqlite: events: %w", err)
	}
	return page, page.Next != "", nil
}

// eventWhere turns a filter into SQL conditions, after listing.Events
// has checked it and upper-cased its codes. Code prefixes become ranges
// (listing.PrefixEnd) so that the indexes serve them.
func eventWhere(f khaldun.EventFilter) ([]string, []any, error) {
	f, err := listing.Events(f)
	if err != nil {
		return nil, nil, err
	}
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	sides := func(cond string, a ...any) {
		src, tgt := strings.ReplaceAll(cond, "%s", "source"), strings.ReplaceAll(cond, "%s", "target")
		switch f.Side {
		case khaldun.SourceSide:
			add(src, a...)
		case khaldun.TargetSide:
			add(tgt, a...)
		default:
			add("("+src+" OR "+tgt+")", append(append([]any{}, a...), a...)...)
		}
	}
	if p := f.Actor; p != "" {
		sides("(e.%s_code >= ? AND e.%s_code < ?)", p, listing.PrefixEnd(p))
	}
	if f.Country != "" {
		sides("e.%s_country = ?", f.Country)
	}
	if f.ActorName != "" {
		sides("EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.seq AND instr(lower(m.%s_text), lower(?)) > 0)", f.ActorName)
	}
	if f.Code != "" {
		add("e.code >= ? AND e.code < ?", f.Code, listing.PrefixEnd(f.Code))
	}
	if f.Root != "" {
		add("e.root = ?", f.Root)
	}
	if f.QuadClass != 0 {
		add("e.quad_class = ?", f.QuadClass)
	}
	if f.From != "" {
		add("e.date >= ?", f.From)
	}
	if f.To != "" {
		add("e.date <= ?", f.To)
	}
	if f.Place != "" {
		c, a, err := placeWhere(f.Place) // places.go
		if err != nil {
			return nil, nil, err
		}
		add(c, a...)
	}
	if b := f.BBox; b != nil {
		add("e.lat BETWEEN ? AND ?", b.MinLat, b.MaxLat)
		if b.MinLon <= b.MaxLon {
			add("e.lon BETWEEN ? AND ?", b.MinLon, b.MaxLon)
		} else { // the box crosses the antimeridian
			add("(e.lon >= ? OR e.lon <= ?)", b.MinLon, b.MaxLon)
		}
	}
	if f.Query != "" {
		match, err := phrase(f.Query)
		if err != nil {
			return nil, nil, err
		}
		add(`e.seq IN (SELECT m.event FROM mentions m WHERE m.seq IN (SELECT rowid FROM evidence WHERE evidence MATCH ?))`, match)
	}
	if f.Article != "" {
		add("e.seq IN (SELECT m.event FROM mentions m JOIN articles a ON a.seq = m.article WHERE a.id = ?)", f.Article)
	}
	return where, args, nil
}

// phrase turns words into an FTS5 phrase query whose last word is a
// prefix, so that "peace tal" finds "peace talks" as the text box of a
// search page expects. Only letters and digits are kept: they are what the
// unicode61 tokenizer indexes, and quoting them leaves no FTS5 syntax for a
// caller to inject.
func phrase(q string) (string, error) {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return "", fmt.Errorf("query %q has no words: %w", q, khaldun.ErrInvalid)
	}
	return `"` + strings.Join(words, " ") + `"*`, nil
}
