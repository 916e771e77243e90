package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
)

// query collects the conditions and arguments of a statement, numbering
// the placeholders as they are added.
type query struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (q *query) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

// add adds a condition; each %s in cond is replaced by the placeholder
// of the next argument.
func (q *query) add(cond string, args ...any) {
	ph := make([]any, len(args))
	for i, a := range args {
		ph[i] = q.arg(a)
	}
	q.conds = append(q.conds, fmt.Sprintf(cond, ph...))
}

// where is the WHERE clause of the conditions, "" when there are none.
func (q *query) where() string {
	if len(q.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.conds, " AND ")
}

// eventColumns are read by scanEvent, in order.
const eventColumns = `e.seq, e.id, e.date, e.source_code, e.source_country, e.source_role,
	e.target_code, e.target_country, e.target_role, e.code, e.root, e.name, e.plover, e.quad_class, e.goldstein,
	e.loc_name, e.loc_country, e.loc_admin1, e.lat, e.lon, e.geonameid, e.loc_text, e.loc_start, e.loc_end,
	e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen,
	CASE WHEN e.tone_n > 0 THEN e.tone_sum / e.tone_n END`

// eventDest returns the scan destinations of eventColumns and a function
// that completes e once they are scanned.
func eventDest(seq *int64, e *khaldun.AggregateEvent) ([]any, func()) {
	var (
		tc, tco, tr, ln, lc, la, lt *string
		lat, lon, avg               *float64
		gid                         *int64
		ls, le                      *int
	)
	dest := []any{seq, &e.ID, &e.Date, &e.Source.Code, &e.Source.Country, &e.Source.Role,
		&tc, &tco, &tr, &e.Code, &e.Root, &e.Name, &e.Plover, &e.QuadClass, &e.Goldstein,
		&ln, &lc, &la, &lat, &lon, &gid, &lt, &ls, &le,
		&e.NumMentions, &e.NumSources, &e.NumArticles, &e.FirstSeen, &e.LastSeen, &avg}
	return dest, func() {
		if tc != nil {
			e.Target = &khaldun.ActorRef{Code: *tc, Country: deref(tco), Role: deref(tr)}
		}
		if ln != nil {
			e.Location = &khaldun.Location{Name: *ln, Country: deref(lc), Admin1: deref(la),
				Lat: deref(lat), Lon: deref(lon), GeonameID: int(deref(gid)),
				Text: deref(lt), Span: khaldun.Span{Start: deref(ls), End: deref(le)}}
		}
		e.AvgTone = avg
	}
}

func scanEvent(r pgx.Row) (int64, khaldun.AggregateEvent, error) {
	var seq int64
	var e khaldun.AggregateEvent
	dest, done := eventDest(&seq, &e)
	if err := r.Scan(dest...); err != nil {
		return 0, e, err
	}
	done()
	return seq, e, nil
}

// Event returns one aggregate event and its mentions in storage order.
func (s *Store) Event(ctx context.Context, id string) (*khaldun.AggregateEvent, []khaldun.Mention, error) {
	var e khaldun.AggregateEvent
	var ms []khaldun.Mention
	err := s.snapshot(ctx, func(tx pgx.Tx) error {
		seq, ev, err := scanEvent(tx.QueryRow(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = $1`, id))
		if err != nil {
			return notFound(err)
		}
		e = ev
		ms, err = mentions(ctx, tx, `m.event = $1 ORDER BY m.seq`, seq, nil)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: event %s: %w", id, err)
	}
	return &e, ms, nil
}

// Events lists aggregate events, newest or most mentioned first, paged by
// keyset (the sort value and seq of the last row) so that a page costs the
// same wherever it is in the listing.
func (s *Store) Events(ctx context.Context, f khaldun.EventFilter) (*khaldun.EventPage, error) {
	q, err := eventWhere(f)
	if err != nil {
		return nil, fmt.Errorf("postgres: events: %w", err)
	}
	col := "e.date"
	if f.Sort == khaldun.ByMentions {
		col = "e.num_mentions"
	} else if f.Sort != khaldun.ByDate {
		return nil, fmt.Errorf("postgres: events: unknown sort %d: %w", f.Sort, khaldun.ErrInvalid)
	}
	if f.Cursor != "" {
		v, seq, err := listing.Resume(f.Cursor, f.Sort)
		if err != nil {
			return nil, fmt.Errorf("postgres: events: %w", err)
		}
		// A row comparison, which PostgreSQL serves from the (col, seq)
		// index as one range.
		q.add("("+col+", e.seq) < (%s, %s)", v, seq)
	}
	limit := listing.Limit(f.Limit, listing.DefaultLimit, listing.MaxLimit)
	sql := `SELECT ` + eventColumns + ` FROM events e` + q.where() +
		fmt.Sprintf(" ORDER BY %s DESC, e.seq DESC LIMIT %d", col, limit+1)
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: events: %w", err)
	}
	defer rows.Close()
	page := &khaldun.EventPage{Events: []khaldun.AggregateEvent{}}
	var last listing.EventCursor
	for rows.Next() {
		seq, e, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: events: %w", err)
		}
		if len(page.Events) == limit {
			page.Next = last.String()
			break
		}
		page.Events = append(page.Events, e)
		last = listing.After(f.Sort, &e, seq)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: events: %w", err)
	}
	return page, nil
}

// eventWhere turns a filter into conditions on events e. Code prefixes
// become ranges so that the indexes serve them; codes are upper-case
// ASCII, below '~', and the columns compare bytes (COLLATE "C").
func eventWhere(f khaldun.EventFilter) (*query, error) {
	f, err := listing.Events(f)
	if err != nil {
		return nil, err
	}
	q := &query{}
	sides := func(cond string, a ...any) {
		src, tgt := strings.ReplaceAll(cond, "%[side]", "source"), strings.ReplaceAll(cond, "%[side]", "target")
		switch f.Side {
		case khaldun.SourceSide:
			q.add(src, a...)
		case khaldun.TargetSide:
			q.add(tgt, a...)
		default:
			q.add("("+src+" OR "+tgt+")", append(append([]any{}, a...), a...)...)
		}
	}
	if p := f.Actor; p != "" {
		sides("(e.%[side]_code >= %s AND e.%[side]_code < %s)", p, listing.PrefixEnd(p))
	}
	if f.Country != "" {
		sides("e.%[side]_country = %s", f.Country)
	}
	if f.ActorName != "" {
		sides("EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.seq AND strpos(lower(m.%[side]_text), lower(%s)) > 0)", f.ActorName)
	}
	if f.Code != "" {
		q.add("e.code >= %s AND e.code < %s", f.Code, listing.PrefixEnd(f.Code))
	}
	if f.Root != "" {
		q.add("e.root = %s", f.Root)
	}
	if f.QuadClass != 0 {
		q.add("e.quad_class = %s", f.QuadClass)
	}
	if f.From != "" {
		q.add("e.date >= %s", f.From)
	}
	if f.To != "" {
		q.add("e.date <= %s", f.To)
	}
	if f.Place != "" {
		if err := q.place(f.Place); err != nil { // places.go
			return nil, err
		}
	}
	if b := f.BBox; b != nil {
		q.add("e.lat BETWEEN %s AND %s", b.MinLat, b.MaxLat)
		if b.MinLon <= b.MaxLon {
			q.add("e.lon BETWEEN %s AND %s", b.MinLon, b.MaxLon)
		} else { // the box crosses the antimeridian
			q.add("(e.lon >= %s OR e.lon <= %s)", b.MinLon, b.MaxLon)
		}
	}
	if f.Query != "" {
		match, err := phrase(f.Query)
		if err != nil {
			return nil, err
		}
		q.add(`e.seq IN (SELECT m.event FROM mentions m WHERE m.evidence @@ to_tsquery('simple', %s))`, match)
	}
	if f.Article != "" {
		q.add("e.seq IN (SELECT m.event FROM mentions m JOIN articles a ON a.seq = m.article WHERE a.id = %s)", f.Article)
	}
	return q, nil
}
