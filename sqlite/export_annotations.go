package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storedoc"
)

// annotationWhere filters quotes or counts by their article's publication
// date, and quotes by a prefix of the speaker's actor code (a range, like
// the event codes, so that the comparison stays in the index's terms).
func annotationWhere(f khaldun.AnnotationFilter, actorCol string) ([]string, []any, error) {
	var where []string
	var args []any
	if f.From != "" {
		where, args = append(where, "a.published >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "a.published <= ?"), append(args, f.To)
	}
	if f.Actor != "" {
		if actorCol == "" {
			return nil, nil, fmt.Errorf("an actor filter applies to quotes, not counts: %w", khaldun.ErrInvalid)
		}
		p := strings.ToUpper(f.Actor)
		where, args = append(where, actorCol+" >= ? AND "+actorCol+" < ?"), append(args, p, p+"~")
	}
	return where, args, nil
}

// ExportQuotes yields the quotes of the matching articles, article by
// article in storage order.
func (s *Store) ExportQuotes(ctx context.Context, f khaldun.AnnotationFilter) iter.Seq2[*khaldun.ExportQuote, error] {
	where, args, err := annotationWhere(f, "q.speaker_actor")
	if err != nil {
		return fail[khaldun.ExportQuote]("quotes", err)
	}
	q := `SELECT ` + articleColumns + `, q.text, q.start, q.end, q.speaker, q.speaker_actor
		FROM quotes q JOIN articles a ON a.seq = q.article` + where2(where) + ` ORDER BY q.article, q.ord`
	return stream(ctx, s, "quotes", q, args, func(rows *sql.Rows) (*khaldun.ExportQuote, error) {
		var x khaldun.ExportQuote
		var tone sql.NullFloat64
		qt := &x.Quote
		dest := append(articleDest(&x.Article, &tone), &qt.Text, &qt.Span.Start, &qt.Span.End, &qt.Speaker, &qt.SpeakerActor)
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		setTone(&x.Article, tone)
		return &x, nil
	})
}

// ExportCounts yields the casualty counts of the matching articles,
// article by article in storage order.
func (s *Store) ExportCounts(ctx context.Context, f khaldun.AnnotationFilter) iter.Seq2[*khaldun.ExportCount, error] {
	where, args, err := annotationWhere(f, "")
	if err != nil {
		return fail[khaldun.ExportCount]("counts", err)
	}
	q := `SELECT ` + articleColumns + `, ` + countColumnsOf("c") + `
		FROM counts c JOIN articles a ON a.seq = c.article` + where2(where) + ` ORDER BY c.article, c.ord`
	return stream(ctx, s, "counts", q, args, func(rows *sql.Rows) (*khaldun.ExportCount, error) {
		var x khaldun.ExportCount
		var tone sql.NullFloat64
		dest := append(articleDest(&x.Article, &tone), storedoc.CountFields(&x.Count)...)
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		setTone(&x.Article, tone)
		return &x, nil
	})
}
