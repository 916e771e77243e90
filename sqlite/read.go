package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/khaldun/khaldun"
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
		seq                   int64
		body                  []byte
		sents, dropped, stats string
		dupOf                 sql.NullString
		sa                    khaldun.StoredArticle
		a                     khaldun.Article
	)
	err := tx.QueryRowContext(ctx, `SELECT a.seq, a.url, a.title, a.source, a.published, a.language, a.body,
		a.sentences, a.dropped, a.stats, a.dictionary, a.pipeline, a.ingested, d.id
		FROM articles a LEFT JOIN articles d ON d.seq = a.duplicate_of WHERE a.id = ?`, id).
		Scan(&seq, &a.URL, &a.Title, &a.Source, &a.Published, &a.Language, &body,
			&sents, &dropped, &stats, &sa.Dictionary, &sa.Pipeline, &sa.Ingested, &dupOf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, khaldun.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	a.ID, a.Text, sa.DuplicateOf = id, string(body), dupOf.String
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

// slice returns body[span] or "" when the span does not fit the body.
func slice(body string, s khaldun.Span) string {
	if s.Start < 0 || s.End > len(body) || s.Start > s.End {
		return ""
	}
	return body[s.Start:s.End]
}

// mentions reads coded events matching where; the evidence sentence comes
// from doc's body when doc is given, from the database otherwise.
func mentions(ctx context.Context, tx *sql.Tx, where string, arg any, doc *khaldun.Document) ([]khaldun.Mention, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, m.id, m.sentence, m.sent_start, m.sent_end, m.span_start, m.span_end,
		m.source_text, m.source_code, m.source_country, m.source_role, m.source_start, m.source_end,
		m.target_text, m.target_code, m.target_country, m.target_role, m.target_start, m.target_end,
		m.code, m.root, m.name, m.plover, m.quad_class, m.goldstein, m.date, m.date_text, m.location, m.rule, m.confidence,
		CASE WHEN ? THEN NULL ELSE CAST(substr(a.body, m.sent_start + 1, m.sent_end - m.sent_start) AS TEXT) END
		FROM mentions m JOIN articles a ON a.seq = m.article WHERE `+where, doc != nil, arg)
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
			tt, tc, tco, tr sql.NullString
			ts, te          sql.NullInt64
			loc, text       sql.NullString
		)
		err := rows.Scan(&article, &e.ID, &e.Sentence, &sent.Start, &sent.End, &e.Span.Start, &e.Span.End,
			&e.Source.Text, &e.Source.Code, &e.Source.Country, &e.Source.Role, &e.Source.Span.Start, &e.Source.Span.End,
			&tt, &tc, &tco, &tr, &ts, &te,
			&e.Code, &e.Root, &e.Name, &e.Plover, &e.QuadClass, &e.Goldstein, &e.Date, &e.DateText, &loc, &e.Rule, &e.Confidence,
			&text)
		if err != nil {
			return nil, err
		}
		if doc != nil {
			e.Text = slice(doc.Article.Text, sent)
		} else {
			e.Text = text.String
		}
		if tt.Valid {
			e.Target = &khaldun.Actor{Text: tt.String, Code: tc.String, Country: tco.String, Role: tr.String,
				Span: khaldun.Span{Start: int(ts.Int64), End: int(te.Int64)}}
		}
		if loc.Valid {
			e.Location = new(khaldun.Location)
			if err := json.Unmarshal([]byte(loc.String), e.Location); err != nil {
				return nil, fmt.Errorf("mention %s location: %w", e.ID, err)
			}
		}
		out = append(out, khaldun.Mention{Article: article, Event: e})
	}
	return out, rows.Err()
}

// annotations reads the entities, places, dates, quotes and counts.
func annotations(ctx context.Context, tx *sql.Tx, article int64, d *khaldun.Document) error {
	type table struct {
		query string
		scan  func(*sql.Rows) error
	}
	tables := []table{
		{`SELECT text, type, start, end, actor FROM entities WHERE article = ? ORDER BY ord`, func(r *sql.Rows) error {
			var x khaldun.Entity
			err := r.Scan(&x.Text, &x.Type, &x.Span.Start, &x.Span.End, &x.Actor)
			d.Entities = append(d.Entities, x)
			return err
		}},
		{`SELECT text, start, end, name, country, admin1, lat, lon, geonameid FROM places WHERE article = ? ORDER BY ord`, func(r *sql.Rows) error {
			var x khaldun.Place
			err := r.Scan(&x.Text, &x.Span.Start, &x.Span.End, &x.Name, &x.Country, &x.Admin1, &x.Lat, &x.Lon, &x.GeonameID)
			d.Places = append(d.Places, x)
			return err
		}},
		{`SELECT text, start, end, value FROM dates WHERE article = ? ORDER BY ord`, func(r *sql.Rows) error {
			var x khaldun.Date
			err := r.Scan(&x.Text, &x.Span.Start, &x.Span.End, &x.Value)
			d.Dates = append(d.Dates, x)
			return err
		}},
		{`SELECT text, start, end, speaker, speaker_actor FROM quotes WHERE article = ? ORDER BY ord`, func(r *sql.Rows) error {
			var x khaldun.Quote
			err := r.Scan(&x.Text, &x.Span.Start, &x.Span.End, &x.Speaker, &x.SpeakerActor)
			d.Quotes = append(d.Quotes, x)
			return err
		}},
		{`SELECT type, number, qualifier, object, start, end FROM counts WHERE article = ? ORDER BY ord`, func(r *sql.Rows) error {
			var x khaldun.Count
			err := r.Scan(&x.Type, &x.Number, &x.Qualifier, &x.Object, &x.Span.Start, &x.Span.End)
			d.Counts = append(d.Counts, x)
			return err
		}},
	}
	for _, t := range tables {
		rows, err := tx.QueryContext(ctx, t.query, article)
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
