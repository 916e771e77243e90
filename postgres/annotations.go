package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
	"github.com/khaldun/khaldun/storedoc"
)

// annotationPage lists rows of an annotation table (alias x) with their
// article, newest article first and in text order within it, paged by
// keyset so that a deep page costs what the first does.
func (s *Store) annotationPage(ctx context.Context, table, cols string, q *query,
	cur string, limit int, scan func(r pgx.Rows, prefix []any, ref *khaldun.ArticleRef) error) (string, error) {
	if cur != "" {
		c, err := listing.ParseAnnotationCursor(cur)
		if err != nil {
			return "", err
		}
		q.add("(a.published < %[1]s OR (a.published = %[1]s AND (x.article < %[2]s OR (x.article = %[2]s AND x.ord > %[3]s))))",
			c.Published, c.Article, c.Ord)
	}
	limit = listing.Limit(limit, listing.DefaultLimit, listing.MaxLimit)
	sql := fmt.Sprintf(`SELECT a.seq, a.id, a.title, a.source, a.published, a.url, x.ord, %s
		FROM %s x JOIN articles a ON a.seq = x.article%s
		ORDER BY a.published DESC, x.article DESC, x.ord LIMIT %d`, cols, table, q.where(), limit+1)
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var last listing.AnnotationCursor
	n := 0
	for rows.Next() {
		if n == limit {
			return last.String(), nil
		}
		var ref khaldun.ArticleRef
		prefix := []any{&last.Article, &ref.ID, &ref.Title, &ref.Source, &ref.Published, &ref.URL, &last.Ord}
		if err := scan(rows, prefix, &ref); err != nil {
			return "", err
		}
		last.Published = ref.Published
		n++
	}
	return "", rows.Err()
}

func dateConds(from, to string, q *query) {
	if from != "" {
		q.add("a.published >= %s", from)
	}
	if to != "" {
		q.add("a.published <= %s", to)
	}
}

// Quotes lists stored quotes matching f.
func (s *Store) Quotes(ctx context.Context, f khaldun.QuoteFilter) (*khaldun.QuotePage, error) {
	f = listing.Quotes(f)
	q := &query{}
	if f.Speaker != "" {
		q.add("strpos(lower(x.speaker), lower(%s)) > 0", f.Speaker)
	}
	if p := f.Actor; p != "" {
		q.add("x.speaker_actor >= %s AND x.speaker_actor < %s", p, listing.PrefixEnd(p))
	}
	if f.Text != "" {
		q.add("strpos(lower(x.text), lower(%s)) > 0", f.Text)
	}
	dateConds(f.From, f.To, q)
	page := &khaldun.QuotePage{Quotes: []khaldun.StoredQuote{}}
	next, err := s.annotationPage(ctx, "quotes", "x.text, x.span_start, x.span_end, x.speaker, x.speaker_actor", q, f.Cursor, f.Limit,
		func(r pgx.Rows, prefix []any, ref *khaldun.ArticleRef) error {
			var x khaldun.Quote
			if err := r.Scan(append(prefix, &x.Text, &x.Span.Start, &x.Span.End, &x.Speaker, &x.SpeakerActor)...); err != nil {
				return err
			}
			page.Quotes = append(page.Quotes, khaldun.StoredQuote{Article: *ref, Quote: x})
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("postgres: quotes: %w", err)
	}
	page.Next = next
	return page, nil
}

// Counts lists stored casualty counts matching f.
func (s *Store) Counts(ctx context.Context, f khaldun.CountFilter) (*khaldun.CountPage, error) {
	f = listing.Counts(f)
	q := &query{}
	if f.Type != "" {
		q.add("x.type = %s", f.Type)
	}
	if f.Country != "" {
		q.add("EXISTS (SELECT 1 FROM places p WHERE p.article = x.article AND p.country = %s)", f.Country)
	}
	dateConds(f.From, f.To, q)
	page := &khaldun.CountPage{Counts: []khaldun.StoredCount{}}
	next, err := s.annotationPage(ctx, "counts", prefixed("x.", countColumns), q, f.Cursor, f.Limit,
		func(r pgx.Rows, prefix []any, ref *khaldun.ArticleRef) error {
			var c khaldun.Count
			if err := r.Scan(append(prefix, storedoc.CountFields(&c)...)...); err != nil {
				return err
			}
			page.Counts = append(page.Counts, khaldun.StoredCount{Article: *ref, Count: c})
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("postgres: counts: %w", err)
	}
	page.Next = next
	return page, nil
}
