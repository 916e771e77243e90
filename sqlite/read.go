package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storedoc"
)

// HasArticle reports whether an article with this ID is stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.read.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("sqlite: has article %s: %w", id, err)
	}
	return true, nil
}

// Stats counts what is stored.
func (s *Store) Stats(ctx context.Context) (khaldun.StoreStats, error) {
	var st khaldun.StoreStats
	err := s.read.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM events), (SELECT count(*) FROM duplicates)`).
		Scan(&st.Articles, &st.Mentions, &st.Events, &st.Duplicates)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}

// Article reads a stored article back into the document it was saved from,
// with the analysed body in Article.Text and each sentence's text.
func (s *Store) Article(ctx context.Context, id string) (*khaldun.StoredArticle, error) {
	// One read transaction, so that the parts come from one snapshot even
	// while the writer commits.
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	defer tx.Rollback()
	sa, err := readArticle(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return sa, nil
}

func readArticle(ctx context.Context, tx *sql.Tx, id string) (*khaldun.StoredArticle, error) {
	var (
		seq   int64
		c     storedoc.Columns
		dupOf sql.NullString
		sa    khaldun.StoredArticle
		a     khaldun.Article
	)
	err := tx.QueryRowContext(ctx, `SELECT a.seq, a.url, a.title, a.source, a.published, a.language, a.body,
		a.sentences, a.dropped, a.stats, a.doc_tone, a.dictionary, a.pipeline, a.ingested, d.id
		FROM articles a LEFT JOIN articles d ON d.seq = a.duplicate_of WHERE a.id = ?`, id).
		Scan(&seq, &a.URL, &a.Title, &a.Source, &a.Published, &a.Language, &c.Body,
			&c.Sentences, &c.Dropped, &c.Stats, &c.Tone, &sa.Dictionary, &sa.Pipeline, &sa.Ingested, &dupOf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, khaldun.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	sa.DuplicateOf = dupOf.String
	a.ID = id
	doc, err := storedoc.Decode(a, c)
	if err != nil {
		return nil, err
	}
	sa.Doc = doc
	ms, err := mentions(ctx, tx, `m.article = ? ORDER BY m.ord`, seq, doc)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		doc.Events = append(doc.Events, m.Event)
	}
	if err := annotations(ctx, tx, seq, doc); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT o.id, d.similarity FROM duplicates d
		JOIN articles o ON o.seq = CASE WHEN d.a = ?1 THEN d.b ELSE d.a END
		WHERE d.a = ?1 OR d.b = ?1 ORDER BY d.similarity DESC, o.seq`, seq)
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

// mentions reads coded events matching where; the evidence sentence comes
// from doc's body when doc is given, from the database otherwise.
func mentions(ctx context.Context, tx *sql.Tx, where string, arg any, doc *khaldun.Document) ([]khaldun.Mention, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, m.id, m.sentence, m.sent_start, m.sent_end, m.span_start, m.span_end,
		m.source_text, m.source_code, m.source_country, m.source_role, m.source_start, m.source_end,
		m.target_text, m.target_code, m.target_country, m.target_role, m.target_start, m.target_end,
		m.code, m.root, m.name, m.plover, m.quad_class, m.goldstein, m.date, m.date_text, m.location, m.rule, m.confidence, m.tone,
		CASE WHEN ? THEN NULL ELSE CAST(substr(a.body, m.sent_start + 1, m.sent_end - m.sent_start) AS TEXT) END
		FROM mentions m JOIN articles a ON a.seq = m.article WHERE `+where, doc != nil, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []khaldun.Mention
	for rows.Next() {
		var m storedoc.MentionRow
		var text sql.NullString
		if err := rows.Scan(append(m.Dest(), &text)...); err != nil {
			return nil, err
		}
		x, err := m.Mention(doc, text.String)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// annotations reads the entities, places, dates, quotes and counts.
func annotations(ctx context.Context, tx *sql.Tx, article int64, d *khaldun.Document) error {
	type table struct {
		query string
		dest  func(*khaldun.Document) []any // appends a row to d
	}
	tables := []table{
		{`SELECT text, type, start, end, actor FROM entities WHERE article = ? ORDER BY ord`, storedoc.EntityDest},
		{`SELECT text, start, end, name, country, admin1, lat, lon, geonameid FROM places WHERE article = ? ORDER BY ord`, storedoc.PlaceDest},
		{`SELECT text, start, end, value FROM dates WHERE article = ? ORDER BY ord`, storedoc.DateDest},
		{`SELECT text, start, end, speaker, speaker_actor FROM quotes WHERE article = ? ORDER BY ord`, storedoc.QuoteDest},
		{`SELECT ` + countColumns + ` FROM counts WHERE article = ? ORDER BY ord`, storedoc.CountDest},
	}
	for _, t := range tables {
		rows, err := tx.QueryContext(ctx, t.query, article)
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
const countColumns = `type, number, qualifier, object, start, end, agent, agent_start, agent_end, agent_role`

// countColumnsOf qualifies countColumns with a table alias.
func countColumnsOf(alias string) string {
	names := strings.Split(countColumns, ", ")
	for i, n := range names {
		names[i] = alias + "." + n
	}
	return strings.Join(names, ", ")
}
