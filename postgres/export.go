package postgres

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storedoc"
)

// fetchSize is how many rows an export reads from its cursor at a time:
// enough to amortise the round trip, few enough to keep memory flat.
const fetchSize = 500

// stream yields the rows of one query through a server-side cursor, in a
// read-only snapshot: the export sees the store as it was when it began,
// however long the consumer takes, and holds fetchSize rows at a time.
// Writers are not blocked; the snapshot only holds back vacuum.
func stream[T any](ctx context.Context, s *Store, what, query string, args []any,
	scan func(pgx.Rows) (*T, error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		fail := func(err error) { yield(nil, fmt.Errorf("postgres: export %s: %w", what, err)) }
		tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err != nil {
			fail(err)
			return
		}
		defer tx.Rollback(context.WithoutCancel(ctx))
		if _, err := tx.Exec(ctx, `DECLARE export NO SCROLL CURSOR FOR `+query, args...); err != nil {
			fail(err)
			return
		}
		for {
			// Described on every fetch: the text is the same for every
			// export, the columns are not, so pgx's statement cache must
			// not answer for it.
			rows, err := tx.Query(ctx, fmt.Sprintf(`FETCH %d FROM export`, fetchSize), pgx.QueryExecModeDescribeExec)
			if err != nil {
				fail(err)
				return
			}
			n := 0
			for rows.Next() {
				n++
				v, err := scan(rows)
				if err == nil {
					// A consumer that cancels wants to stop now, not at
					// the end of the fetched rows.
					err = ctx.Err()
				}
				if err != nil {
					rows.Close()
					fail(err)
					return
				}
				if !yield(v, nil) {
					rows.Close()
					return
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				fail(err)
				return
			}
			if n < fetchSize {
				return
			}
		}
	}
}

func failed[T any](what string, err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) { yield(nil, fmt.Errorf("postgres: export %s: %w", what, err)) }
}

// ExportEvents yields the matching events by seq, each with its first
// mention's actor texts and article, and whether any mention is in a lead
// paragraph.
func (s *Store) ExportEvents(ctx context.Context, f khaldun.EventFilter) iter.Seq2[*khaldun.ExportEvent, error] {
	q, err := eventWhere(f)
	if err != nil {
		return failed[khaldun.ExportEvent]("events", err)
	}
	sql := `SELECT ` + eventColumns + `, fm.source_text, fm.target_text, fa.url,
		(SELECT min(a.ingested) FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.event = e.seq),
		EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.seq AND m.lead)
		FROM events e
		LEFT JOIN mentions fm ON fm.seq = (SELECT min(m.seq) FROM mentions m WHERE m.event = e.seq)
		LEFT JOIN articles fa ON fa.seq = fm.article` + q.where() + ` ORDER BY e.seq`
	return stream(ctx, s, "events", sql, q.args, func(rows pgx.Rows) (*khaldun.ExportEvent, error) {
		x := &khaldun.ExportEvent{}
		var src, tgt, url, added *string
		dest, done := eventDest(&x.Seq, &x.AggregateEvent)
		if err := rows.Scan(append(dest, &src, &tgt, &url, &added, &x.InLead)...); err != nil {
			return nil, err
		}
		done()
		x.SourceText, x.TargetText, x.URL, x.Added = deref(src), deref(tgt), deref(url), deref(added)
		return x, nil
	})
}

// articleColumns are read by articleDest, in order.
const articleColumns = `a.id, a.url, a.title, a.source, a.published, a.ingested, a.tone, length(a.body)`

func articleDest(a *khaldun.ExportArticle) []any {
	return []any{&a.ID, &a.URL, &a.Title, &a.Source, &a.Published, &a.Ingested, &a.Tone, &a.Length}
}

// ExportMentions yields the mentions of the matching events in storage
// order. The mention's location is left out: the aggregate holds it.
func (s *Store) ExportMentions(ctx context.Context, f khaldun.EventFilter) iter.Seq2[*khaldun.ExportMention, error] {
	q, err := eventWhere(f)
	if err != nil {
		return failed[khaldun.ExportMention]("mentions", err)
	}
	sql := `SELECT m.event, e.id,
		(SELECT min(a2.ingested) FROM mentions m2 JOIN articles a2 ON a2.seq = m2.article WHERE m2.event = m.event),
		m.id, m.sentence, m.span_start, m.span_end,
		m.source_text, m.source_code, m.source_country, m.source_role, m.source_start, m.source_end,
		m.target_text, m.target_code, m.target_country, m.target_role, m.target_start, m.target_end,
		m.code, m.root, m.name, m.plover, m.quad_class, m.goldstein, m.date, m.date_text, m.rule, m.confidence,
		` + articleColumns + `
		FROM mentions m JOIN events e ON e.seq = m.event JOIN articles a ON a.seq = m.article` +
		q.where() + ` ORDER BY m.seq`
	return stream(ctx, s, "mentions", sql, q.args, func(rows pgx.Rows) (*khaldun.ExportMention, error) {
		var (
			m               khaldun.ExportMention
			added           *string
			tt, tc, tco, tr *string
			ts, te          *int
		)
		ev := &m.Event
		dest := []any{&m.EventSeq, &m.EventID, &added,
			&ev.ID, &ev.Sentence, &ev.Span.Start, &ev.Span.End,
			&ev.Source.Text, &ev.Source.Code, &ev.Source.Country, &ev.Source.Role, &ev.Source.Span.Start, &ev.Source.Span.End,
			&tt, &tc, &tco, &tr, &ts, &te,
			&ev.Code, &ev.Root, &ev.Name, &ev.Plover, &ev.QuadClass, &ev.Goldstein, &ev.Date, &ev.DateText, &ev.Rule, &ev.Confidence}
		if err := rows.Scan(append(dest, articleDest(&m.Article)...)...); err != nil {
			return nil, err
		}
		m.EventAdded = deref(added)
		if tc != nil {
			ev.Target = &khaldun.Actor{Text: deref(tt), Code: *tc, Country: deref(tco), Role: deref(tr),
				Span: khaldun.Span{Start: deref(ts), End: deref(te)}}
		}
		return &m, nil
	})
}

// annotationWhere filters quotes or counts by their article's publication
// date, and quotes by a prefix of the speaker's actor code.
func annotationWhere(f khaldun.AnnotationFilter, actorCol string) (*query, error) {
	q := &query{}
	dateConds(f.From, f.To, q)
	if f.Actor != "" {
		if actorCol == "" {
			return nil, fmt.Errorf("an actor filter applies to quotes, not counts: %w", khaldun.ErrInvalid)
		}
		p := strings.ToUpper(f.Actor)
		q.add(actorCol+" >= %s AND "+actorCol+" < %s", p, p+"~")
	}
	return q, nil
}

// ExportQuotes yields the quotes of the matching articles, article by
// article in storage order.
func (s *Store) ExportQuotes(ctx context.Context, f khaldun.AnnotationFilter) iter.Seq2[*khaldun.ExportQuote, error] {
	q, err := annotationWhere(f, "x.speaker_actor")
	if err != nil {
		return failed[khaldun.ExportQuote]("quotes", err)
	}
	sql := `SELECT ` + articleColumns + `, x.text, x.span_start, x.span_end, x.speaker, x.speaker_actor
		FROM quotes x JOIN articles a ON a.seq = x.article` + q.where() + ` ORDER BY x.article, x.ord`
	return stream(ctx, s, "quotes", sql, q.args, func(rows pgx.Rows) (*khaldun.ExportQuote, error) {
		var x khaldun.ExportQuote
		qt := &x.Quote
		if err := rows.Scan(append(articleDest(&x.Article), &qt.Text, &qt.Span.Start, &qt.Span.End, &qt.Speaker, &qt.SpeakerActor)...); err != nil {
			return nil, err
		}
		return &x, nil
	})
}

// ExportCounts yields the casualty counts of the matching articles,
// article by article in storage order.
func (s *Store) ExportCounts(ctx context.Context, f khaldun.AnnotationFilter) iter.Seq2[*khaldun.ExportCount, error] {
	q, err := annotationWhere(f, "")
	if err != nil {
		return failed[khaldun.ExportCount]("counts", err)
	}
	sql := `SELECT ` + articleColumns + `, ` + prefixed("x.", countColumns) + `
		FROM counts x JOIN articles a ON a.seq = x.article` + q.where() + ` ORDER BY x.article, x.ord`
	return stream(ctx, s, "counts", sql, q.args, func(rows pgx.Rows) (*khaldun.ExportCount, error) {
		var x khaldun.ExportCount
		if err := rows.Scan(append(articleDest(&x.Article), storedoc.CountFields(&x.Count)...)...); err != nil {
			return nil, err
		}
		return &x, nil
	})
}
