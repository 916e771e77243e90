package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
)

// HasArticle reports whether an article with this ID is stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.pool.QueryRow(ctx, `SELECT 1 FROM articles WHERE id = $1`, id).Scan(&one)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("postgres: has article %s: %w", id, err)
	}
	return true, nil
}

// Stats counts what is stored.
func (s *Store) Stats(ctx context.Context) (khaldun.StoreStats, error) {
	var st khaldun.StoreStats
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM events), (SELECT count(*) FROM duplicates)`).
		Scan(&st.Articles, &st.Mentions, &st.Events, &st.Duplicates)
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}

// snapshot runs fn in a read-only transaction that sees one snapshot, so
// that the parts of an answer read by several queries agree even while
// writers commit.
func (s *Store) snapshot(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Article reads a stored article back into the document it was saved from,
// with the analysed body in Article.Text and each sentence's text.
func (s *Store) Article(ctx context.Context, id string) (*khaldun.StoredArticle, error) {
	var sa *khaldun.StoredArticle
	err := s.snapshot(ctx, func(tx pgx.Tx) error {
		var err error
		sa, err = readArticle(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	return sa, nil
}

func readArticle(ctx context.Context, tx pgx.Tx, id string) (*khaldun.StoredArticle, error) {
	var (
		seq                   int64
		body                  []byte
		sents, dropped, stats string
		dupOf                 *string
		sa                    khaldun.StoredArticle
		a                     khaldun.Article
	)
	err := tx.QueryRow(ctx, `SELECT a.seq, a.url, a.title, a.source, a.published, a.language, a.body,
		a.sentences, a.dropped, a.stats, a.dictionary, a.pipeline, a.ingested, d.id
		FROM articles a LEFT JOIN articles d ON d.seq = a.duplicate_of WHERE a.id = $1`, id).
		Scan(&seq, &a.URL, &a.Title, &a.Source, &a.Published, &a.Language, &body,
			&sents, &dropped, &stats, &sa.Dictionary, &sa.Pipeline, &sa.Ingested, &dupOf)
	if err != nil {
		return nil, notFound(err)
	}
	a.ID, a.Text = id, string(body)
	if dupOf != nil {
		sa.DuplicateOf = *dupOf
	}
	var spans [][3]int
	if err := errors.Join(json.Unmarshal([]byte(sents), &spans), json.Unmarshal([]byte(dropped), &a.Dropped),
		json.Unmarshal([]byte(stats), &a.Stats)); err != nil {
		return nil, fmt.Errorf("decode article columns: %w", err)
	}
	doc := khaldun.NewDocument(a)
	for _, sp := range spans {
		span := khaldun.Span{Start: sp[0], End: sp[1]}
		doc.Sentences = append(doc.Sentences, khaldun.SentRef{Span: span, Paragraph: sp[2], Text: slice(a.Text, span)})
	}
	sa.Doc = doc
	ms, err := mentions(ctx, tx, `m.article = $1 ORDER BY m.ord`, seq, doc)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		doc.Events = append(doc.Events, m.Event)
	}
	if err := readAnnotations(ctx, tx, seq, doc); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, `SELECT o.id, d.similarity FROM duplicates d
		JOIN articles o ON o.seq = CASE WHEN d.a = $1 THEN d.b ELSE d.a END
		WHERE d.a = $1 OR d.b = $1 ORDER BY d.similarity DESC, o.seq`, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l khaldun.DuplicateLink
		if err := rows.Scan(&l.Article, &l.Similarity); err != nil {
			return nil, err
		}
		sa.Duplicates = append(sa.Duplicates, l)
	}
	return &sa, rows.Err()
}

// mentionColumns are read by scanMention, in order.
const mentionColumns = `a.id, m.id, m.sentence, m.sent_start, m.sent_end, m.span_start, m.span_end,
	m.source_text, m.source_code, m.source_country, m.source_role, m.source_start, m.source_end,
	m.target_text, m.target_code, m.target_country, m.target_role, m.target_start, m.target_end,
	m.code, m.root, m.name, m.plover, m.quad_class, m.goldstein, m.date, m.date_text, m.location, m.rule, m.confidence`

// mentions reads coded events matching where (on m, the mentions, and a,
// their articles; $1 is arg); the evidence sentence comes from doc's body
// when doc is given, from the database otherwise.
func mentions(ctx context.Context, tx pgx.Tx, where string, arg any, doc *khaldun.Document) ([]khaldun.Mention, error) {
	text := `substring(a.body from m.sent_start + 1 for m.sent_end - m.sent_start)`
	if doc != nil {
		text = `NULL::bytea`
	}
	rows, err := tx.Query(ctx, `SELECT `+mentionColumns+`, `+text+`
		FROM mentions m JOIN articles a ON a.seq = m.article WHERE `+where, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []khaldun.Mention
	for rows.Next() {
		var (
			e               khaldun.Event
			article         string
			sent            khaldun.Span
			tt, tc, tco, tr *string
			ts, te          *int
			loc             *string
			body            []byte
		)
		err := rows.Scan(&article, &e.ID, &e.Sentence, &sent.Start, &sent.End, &e.Span.Start, &e.Span.End,
			&e.Source.Text, &e.Source.Code, &e.Source.Country, &e.Source.Role, &e.Source.Span.Start, &e.Source.Span.End,
			&tt, &tc, &tco, &tr, &ts, &te,
			&e.Code, &e.Root, &e.Name, &e.Plover, &e.QuadClass, &e.Goldstein, &e.Date, &e.DateText, &loc, &e.Rule, &e.Confidence,
			&body)
		if err != nil {
			return nil, err
		}
		if doc != nil {
			e.Text = slice(doc.Article.Text, sent)
		} else {
			e.Text = string(body)
		}
		if tt != nil {
			e.Target = &khaldun.Actor{Text: *tt, Code: deref(tc), Country: deref(tco), Role: deref(tr),
				Span: khaldun.Span{Start: deref(ts), End: deref(te)}}
		}
		if loc != nil {
			e.Location = new(khaldun.Location)
			if err := json.Unmarshal([]byte(*loc), e.Location); err != nil {
				return nil, fmt.Errorf("mention %s location: %w", e.ID, err)
			}
		}
		out = append(out, khaldun.Mention{Article: article, Event: e})
	}
	return out, rows.Err()
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// readAnnotations reads the entities, places, dates, quotes and counts.
func readAnnotations(ctx context.Context, tx pgx.Tx, article int64, d *khaldun.Document) error {
	type table struct {
		query string
		scan  func(pgx.Rows) error
	}
	tables := []table{
		{`SELECT text, type, span_start, span_end, actor FROM entities WHERE article = $1 ORDER BY ord`, func(r pgx.Rows) error {
			var x khaldun.Entity
			err := r.Scan(&x.Text, &x.Type, &x.Span.Start, &x.Span.End, &x.Actor)
			d.Entities = append(d.Entities, x)
			return err
		}},
		{`SELECT text, span_start, span_end, name, country, admin1, lat, lon, geonameid FROM places WHERE article = $1 ORDER BY ord`, func(r pgx.Rows) error {
			var x khaldun.Place
			err := r.Scan(&x.Text, &x.Span.Start, &x.Span.End, &x.Name, &x.Country, &x.Admin1, &x.Lat, &x.Lon, &x.GeonameID)
			d.Places = append(d.Places, x)
			return err
		}},
		{`SELECT text, span_start, span_end, value FROM dates WHERE article = $1 ORDER BY ord`, func(r pgx.Rows) error {
			var x khaldun.Date
			err := r.Scan(&x.Text, &x.Span.Start, &x.Span.End, &x.Value)
			d.Dates = append(d.Dates, x)
			return err
		}},
		{`SELECT text, span_start, span_end, speaker, speaker_actor FROM quotes WHERE article = $1 ORDER BY ord`, func(r pgx.Rows) error {
			var x khaldun.Quote
			err := r.Scan(&x.Text, &x.Span.Start, &x.Span.End, &x.Speaker, &x.SpeakerActor)
			d.Quotes = append(d.Quotes, x)
			return err
		}},
		{`SELECT type, number, qualifier, object, span_start, span_end FROM counts WHERE article = $1 ORDER BY ord`, func(r pgx.Rows) error {
			var x khaldun.Count
			err := r.Scan(&x.Type, &x.Number, &x.Qualifier, &x.Object, &x.Span.Start, &x.Span.End)
			d.Counts = append(d.Counts, x)
			return err
		}},
	}
	for _, t := range tables {
		rows, err := tx.Query(ctx, t.query, article)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := t.scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}
