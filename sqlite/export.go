package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"

	"github.com/khaldun/khaldun"
)

var _ khaldun.Exporter = (*Store)(nil)

// stream runs one query and yields its rows as they come. One query, not
// keyset pages: a page ordered by seq under a filter served by another
// index would sort every match again, making an export of n rows cost n²
// over the page size. The price is one read snapshot held for the whole
// export, which in WAL mode blocks no writer (only checkpoints wait).
func stream[T any](ctx context.Context, s *Store, what, query string, args []any,
	scan func(*sql.Rows) (*T, error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		rows, err := s.read.QueryContext(ctx, query, args...)
		if err != nil {
			yield(nil, fmt.Errorf("sqlite: export %s: %w", what, err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			// database/sql notices a cancelled context from another
			// goroutine, rows later; a consumer that cancels wants to stop now.
			if err := ctx.Err(); err != nil {
				yield(nil, fmt.Errorf("sqlite: export %s: %w", what, err))
				return
			}
			v, err := scan(rows)
			if err != nil {
				yield(nil, fmt.Errorf("sqlite: export %s: %w", what, err))
				return
			}
			if !yield(v, nil) {
				return
			}
		}
		// database/sql reports a cancelled context here, not as rows.Next
		// returning false silently.
		if err := rows.Err(); err != nil {
			yield(nil, fmt.Errorf("sqlite: export %s: %w", what, err))
		}
	}
}

func fail[T any](what string, err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) { yield(nil, fmt.Errorf("sqlite: export %s: %w", what, err)) }
}

// extraScanner lets scanEvent, which knows the event columns, scan a row
// that carries more columns after them.
type extraScanner struct {
	rows  *sql.Rows
	extra []any
}

func (x extraScanner) Scan(dest ...any) error { return x.rows.Scan(append(dest, x.extra...)...) }

// ExportEvents yields the matching events by seq, each with its first
// mention's actor texts and article, and whether any mention is in a lead
// paragraph (articles.sentences holds [start, end, paragraph] triples).
func (s *Store) ExportEvents(ctx context.Context, f khaldun.EventFilter) iter.Seq2[*khaldun.ExportEvent, error] {
	where, args, err := eventWhere(f)
	if err != nil {
		return fail[khaldun.ExportEvent]("events", err)
	}
	q := `SELECT ` + eventColumns + `, fm.source_text, fm.target_text, fa.url,
		(SELECT min(a.ingested) FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.event = e.seq),
		EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.seq = m.article
			WHERE m.event = e.seq AND json_extract(a.sentences, '$[' || m.sentence || '][2]') = 0)
		FROM events e
		LEFT JOIN mentions fm ON fm.seq = (SELECT min(m.seq) FROM mentions m WHERE m.event = e.seq)
		LEFT JOIN articles fa ON fa.seq = fm.article` + where2(where) + ` ORDER BY e.seq`
	return stream(ctx, s, "events", q, args, func(rows *sql.Rows) (*khaldun.ExportEvent, error) {
		var src, tgt, url, added sql.NullString
		var lead bool
		seq, e, err := scanEvent(extraScanner{rows, []any{&src, &tgt, &url, &added, &lead}})
		if err != nil {
			return nil, err
		}
		return &khaldun.ExportEvent{AggregateEvent: e, Seq: seq, SourceText: src.String, TargetText: tgt.String,
			InLead: lead, Added: added.String, URL: url.String}, nil
	})
}

// where2 joins conditions into a WHERE clause ("" for none).
func where2(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// articleColumns are read by scanArticle, in order.
const articleColumns = `a.id, a.url, a.title, a.source, a.published, a.ingested, a.tone, length(a.body)`

func articleDest(a *khaldun.ExportArticle, tone *sql.NullFloat64) []any {
	return []any{&a.ID, &a.URL, &a.Title, &a.Source, &a.Published, &a.Ingested, tone, &a.Length}
}

func setTone(a *khaldun.ExportArticle, tone sql.NullFloat64) {
	if tone.Valid {
		a.Tone = &tone.Float64
	}
}

// ExportMentions yields the mentions of the matching events in storage
// order. The mention's location is left out: the aggregate holds it.
func (s *Store) ExportMentions(ctx context.Context, f khaldun.EventFilter) iter.Seq2[*khaldun.ExportMention, error] {
	where, args, err := eventWhere(f)
	if err != nil {
		return fail[khaldun.ExportMention]("mentions", err)
	}
	q := `SELECT m.event, e.id,
		(SELECT min(a2.ingested) FROM mentions m2 JOIN articles a2 ON a2.seq = m2.article WHERE m2.event = m.event),
		m.id, m.sentence, m.span_start, m.span_end,
		m.source_text, m.source_code, m.source_country, m.source_role, m.source_start, m.source_end,
		m.target_text, m.target_code, m.target_country, m.target_role, m.target_start, m.target_end,
		m.code, m.root, m.name, m.plover, m.quad_class, m.goldstein, m.date, m.date_text, m.rule, m.confidence,
		` + articleColumns + `
		FROM mentions m JOIN events e ON e.seq = m.event JOIN articles a ON a.seq = m.article` +
		where2(where) + ` ORDER BY m.seq`
	return stream(ctx, s, "mentions", q, args, func(rows *sql.Rows) (*khaldun.ExportMention, error) {
		var (
			m           khaldun.ExportMention
			added       sql.NullString
			tt, tc, tco sql.NullString
			tr          sql.NullString
			ts, te      sql.NullInt64
			tone        sql.NullFloat64
		)
		ev := &m.Event
		dest := []any{&m.EventSeq, &m.EventID, &added,
			&ev.ID, &ev.Sentence, &ev.Span.Start, &ev.Span.End,
			&ev.Source.Text, &ev.Source.Code, &ev.Source.Country, &ev.Source.Role, &ev.Source.Span.Start, &ev.Source.Span.End,
			&tt, &tc, &tco, &tr, &ts, &te,
			&ev.Code, &ev.Root, &ev.Name, &ev.Plover, &ev.QuadClass, &ev.Goldstein, &ev.Date, &ev.DateText, &ev.Rule, &ev.Confidence}
		if err := rows.Scan(append(dest, articleDest(&m.Article, &tone)...)...); err != nil {
			return nil, err
		}
		m.EventAdded = added.String
		setTone(&m.Article, tone)
		if tc.Valid {
			ev.Target = &khaldun.Actor{Text: tt.String, Code: tc.String, Country: tco.String, Role: tr.String,
				Span: khaldun.Span{Start: int(ts.Int64), End: int(te.Int64)}}
		}
		return &m, nil
	})
}
