package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storedoc"
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
		seq   int64
		c     storedoc.Columns
		dupOf *string
		sa    khaldun.StoredArticle
		a     khaldun.Article
	)
	err := tx.QueryRow(ctx, `SELECT a.seq, a.url, a.title, a.source, a.published, a.language, a.body,
		a.sentences, a.dropped, a.stats, a.doc_tone, a.dictionary, a.pipeline, a.ingested, d.id
		FROM articles a LEFT JOIN articles d ON d.seq = a.duplicate_of WHERE a.id = $1`, id).
		Scan(&seq, &a.URL, &a.Title, &a.Source, &a.Published, &a.Language, &c.Body,
			&c.Sentences, &c.Dropped, &c.Stats, &c.Tone, &sa.Dictionary, &sa.Pipeline, &sa.Ingested, &dupOf)
	if err != nil {
		return nil, notFound(err)
	}
	if dupOf != nil {
		sa.DuplicateOf = *dupOf
	}
	a.ID = id
	doc, err := storedoc.Decode(a, c)
	if err != nil {
		return nil, err
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
	m.code, m.root, m.name, m.plover, m.quad_class, m.goldstein, m.date, m.date_text, m.location, m.rule, m.confidence, m.tone`

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
		var m storedoc.MentionRow
		var text []byte
		if err := rows.Scan(append(m.Dest(), &text)...); err != nil {
			return nil, err
		}
		x, err := m.Mention(doc, string(text))
		if err != nil {
			return nil, err
		}
		out = append(out, x)
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
		dest  func(*khaldun.Document) []any // appends a row to d
	}
	tables := []table{
		{`SELECT text, type, span_start, span_end, actor FROM entities WHERE article = $1 ORDER BY ord`, storedoc.EntityDest},
		{`SELECT text, span_start, span_end, name, country, admin1, lat, lon, geonameid FROM places WHERE article = $1 ORDER BY ord`, storedoc.PlaceDest},
		{`SELECT text, span_start, span_end, value FROM dates WHERE article = $1 ORDER BY ord`, storedoc.DateDest},
		{`SELECT text, span_start, span_end, speaker, speaker_actor FROM quotes WHERE article = $1 ORDER BY ord`, storedoc.QuoteDest},
		{`SELECT ` + countColumns + ` FROM counts WHERE article = $1 ORDER BY ord`, storedoc.CountDest},
	}
	for _, t := range tables {
		rows, err := tx.Query(ctx, t.query, article)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := rows.Scan(t.dest(d)...); err != nil {
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

// countColumns are the columns of a count row in storedoc.CountFields'
// order; listings and exports select them too.
const countColumns = `type, number, qualifier, object, span_start, span_end, agent, agent_start, agent_end, agent_role`
