package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
	"github.com/khaldun/khaldun/storedoc"
)

// annotationPage lists rows of an annotation table (alias x) with their
// article, newest article first and in text order within it, paged by
// keyset so that a deep page costs what the first does.
//
// articlesFirst walks the articles by publication date (their index) and
// looks up each one's rows, stopping after a page: for a table with many
// rows per article (quotes, 180k on 15k articles) that reads a page's
// worth instead of joining and sorting the whole table (0.3 s). A small
// table (counts) is cheaper the other way when a filter is selective.
func (s *Store) annotationPage(ctx context.Context, table, cols string, articlesFirst bool, conds []string, args []any,
	cur string, limit int, scan func(scanner, *khaldun.ArticleRef) error) (string, error) {
	if cur != "" {
		c, err := listing.ParseAnnotationCursor(cur)
		if err != nil {
			return "", err
		}
		conds = append(conds, "(a.published < ? OR (a.published = ? AND (x.article < ? OR (x.article = ? AND x.ord > ?))))")
		args = append(args, c.Published, c.Published, c.Article, c.Article, c.Ord)
	}
	limit = listing.Limit(limit, listing.DefaultLimit, listing.MaxLimit)
	from := fmt.Sprintf("%s x JOIN articles a ON a.seq = x.article", table)
	if articlesFirst {
		// CROSS JOIN is SQLite's way to fix the join order.
		from = fmt.Sprintf("articles a CROSS JOIN %s x ON x.article = a.seq", table)
	}
	q := fmt.Sprintf(`SELECT a.seq, a.id, a.title, a.source, a.published, a.url, x.ord, %s
		FROM %s%s
		ORDER BY a.published DESC, a.seq DESC, x.ord LIMIT %d`, cols, from, where(strings.Join(conds, " AND ")), limit+1)
	rows, err := s.read.QueryContext(ctx, q, args...)
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
		err := scan(prefixScanner{rows, []any{&last.Article, &ref.ID, &ref.Title, &ref.Source, &ref.Published, &ref.URL, &last.Ord}}, &ref)
		if err != nil {
			return "", err
		}
		last.Published = ref.Published
		n++
	}
	return "", rows.Err()
}

type scanner interface{ Scan(...any) error }

// prefixScanner scans the article columns every listing starts with before
// the table's own.
type prefixScanner struct {
	r      scanner
	prefix []any
}

func (p prefixScanner) Scan(dest ...any) error { return p.r.Scan(append(p.prefix, dest...)...) }

func dateConds(from, to string, conds []string, args []any) ([]string, []any) {
	if from != "" {
		conds, args = append(conds, "a.published >= ?"), append(args, from)
	}
	if to != "" {
		conds, args = append(conds, "a.published <= ?"), append(args, to)
	}
	return conds, args
}

// Quotes lists stored quotes matching f.
func (s *Store) Quotes(ctx context.Context, f khaldun.QuoteFilter) (*khaldun.QuotePage, error) {
	var conds []string
	var args []any
	if f.Speaker != "" {
		conds, args = append(conds, "instr(lower(x.speaker), lower(?)) > 0"), append(args, f.Speaker)
	}
	if p := strings.ToUpper(f.Actor); p != "" {
		conds, args = append(conds, "x.speaker_actor >= ? AND x.speaker_actor < ?"), append(args, p, p+"~")
	}
	if f.Text != "" {
		conds, args = append(conds, "instr(lower(x.text), lower(?)) > 0"), append(args, f.Text)
	}
	conds, args = dateConds(f.From, f.To, conds, args)
	page := &khaldun.QuotePage{Quotes: []khaldun.StoredQuote{}}
	next, err := s.annotationPage(ctx, "quotes", "x.text, x.start, x.end, x.speaker, x.speaker_actor", true, conds, args, f.Cursor, f.Limit,
		func(r scanner, ref *khaldun.ArticleRef) error {
			var q khaldun.Quote
			if err := r.Scan(&q.Text, &q.Span.Start, &q.Span.End, &q.Speaker, &q.SpeakerActor); err != nil {
				return err
			}
			page.Quotes = append(page.Quotes, khaldun.StoredQuote{Article: *ref, Quote: q})
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	page.Next = next
	return page, nil
}

// Counts lists stored casualty counts matching f.
func (s *Store) Counts(ctx context.Context, f khaldun.CountFilter) (*khaldun.CountPage, error) {
	var conds []string
	var args []any
	if f.Type != "" {
		conds, args = append(conds, "x.type = ?"), append(args, strings.ToLower(f.Type))
	}
	if f.Country != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM places p WHERE p.article = x.article AND p.country = ?)")
		args = append(args, strings.ToUpper(f.Country))
	}
	conds, args = dateConds(f.From, f.To, conds, args)
	page := &khaldun.CountPage{Counts: []khaldun.StoredCount{}}
	next, err := s.annotationPage(ctx, "counts", countColumnsOf("x"), false, conds, args, f.Cursor, f.Limit,
		func(r scanner, ref *khaldun.ArticleRef) error {
			var c khaldun.Count
			if err := r.Scan(storedoc.CountFields(&c)...); err != nil {
				return err
			}
			page.Counts = append(page.Counts, khaldun.StoredCount{Article: *ref, Count: c})
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("sqlite: counts: %w", err)
	}
	page.Next = next
	return page, nil
}
