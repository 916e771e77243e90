package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dedup"
	"github.com/khaldun/khaldun/storedoc"
)

// Save stores the articles in one transaction; see khaldun.Store. The
// context should outlive an interrupt the caller wants to survive: when it
// is cancelled mid-way the transaction is rolled back, none of it stored.
func (s *Store) Save(ctx context.Context, arts ...*khaldun.Coded) (khaldun.SaveStats, error) {
	var st khaldun.SaveStats
	// Sketching is the CPU-heavy part; do it before taking the lock.
	sketches, err := storedoc.Prepare(arts)
	if err != nil {
		return st, fmt.Errorf("sqlite: save: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return st, fmt.Errorf("sqlite: begin: %w", err)
	}
	w := &writer{tx: tx, ctx: ctx, now: s.now().UTC()}
	defer w.close()
	for i, a := range arts {
		if err := w.article(a, sketches[i], &st); err != nil {
			tx.Rollback()
			return khaldun.SaveStats{}, fmt.Errorf("sqlite: save article %s: %w", a.Doc.Article.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return khaldun.SaveStats{}, fmt.Errorf("sqlite: commit: %w", err)
	}
	return st, nil
}

// writer is one Save transaction.
type writer struct {
	tx    *sql.Tx
	ctx   context.Context
	now   time.Time
	stmts map[string]*sql.Stmt
}

// stmt prepares a query once per transaction: the driver would otherwise
// parse it again on every call, which was a third of the time of a save.
func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

func (w *writer) queryRow(query string, args ...any) *sql.Row {
	st, err := w.stmt(query)
	if err != nil {
		// A *sql.Row cannot be built with an error; the transaction's
		// QueryRow reports the same preparation error through Scan.
		return w.tx.QueryRowContext(w.ctx, query, args...)
	}
	return st.QueryRowContext(w.ctx, args...)
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func (w *writer) article(a *khaldun.Coded, sk *dedup.Sketch, st *khaldun.SaveStats) error {
	art := &a.Doc.Article
	var one int
	switch err := w.queryRow(`SELECT 1 FROM articles WHERE id = ?`, art.ID).Scan(&one); {
	case err == nil:
		st.Skipped++
		return nil
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	dups, err := w.nearDuplicates(sk)
	if err != nil {
		return fmt.Errorf("near duplicates: %w", err)
	}
	sourceKey, dupOf := outlet(art), sql.NullInt64{}
	if len(dups) > 0 {
		best := dups[0]
		sourceKey, dupOf = best.sourceKey, sql.NullInt64{Int64: best.root, Valid: true}
	}
	var sketch []byte
	if sk != nil {
		sketch, _ = sk.MarshalBinary()
	}
	c := storedoc.Encode(a.Doc)
	var seq int64
	err = w.queryRow(`INSERT INTO articles (id, url, title, source, published, language,
		body, sentences, dropped, stats, doc_tone, dictionary, pipeline, tone, ingested, sketch, duplicate_of, source_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
		art.ID, art.URL, art.Title, art.Source, art.Published, art.Language,
		c.Body, c.Sentences, c.Dropped, c.Stats, c.Tone,
		a.Dictionary, a.Pipeline, a.Tone, w.now.Format(time.RFC3339), sketch, dupOf, sourceKey).Scan(&seq)
	if err != nil {
		return err
	}
	st.Articles++
	if sk != nil {
		for _, key := range sk.BandKeys() {
			if _, err := w.exec(`INSERT OR IGNORE INTO article_bands VALUES (?, ?)`, key, seq); err != nil {
				return err
			}
		}
	}
	for _, d := range dups {
		lo, hi := min(seq, d.seq), max(seq, d.seq)
		if _, err := w.exec(`INSERT OR IGNORE INTO duplicates VALUES (?, ?, ?)`, lo, hi, d.similarity); err != nil {
			return err
		}
		st.Duplicates++
	}
	if err := w.events(seq, a, sourceKey, st); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return w.annotations(seq, a.Doc)
}

// annotations stores the entities, places, dates, quotes and counts.
func (w *writer) annotations(article int64, d *khaldun.Document) error {
	for i, x := range d.Entities {
		if _, err := w.exec(`INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)`,
			article, i, x.Text, x.Type, x.Span.Start, x.Span.End, x.Actor); err != nil {
			return fmt.Errorf("entity %d: %w", i, err)
		}
	}
	for i, x := range d.Places {
		if _, err := w.exec(`INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			article, i, x.Text, x.Span.Start, x.Span.End, x.Name, x.Country, x.Admin1, x.Lat, x.Lon, x.GeonameID); err != nil {
			return fmt.Errorf("place %d: %w", i, err)
		}
	}
	for i, x := range d.Dates {
		if _, err := w.exec(`INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?)`,
			article, i, x.Text, x.Span.Start, x.Span.End, x.Value); err != nil {
			return fmt.Errorf("date %d: %w", i, err)
		}
	}
	for i, x := range d.Quotes {
		if _, err := w.exec(`INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)`,
			article, i, x.Text, x.Span.Start, x.Span.End, x.Speaker, x.SpeakerActor); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, x := range d.Counts {
		agent, agentStart, agentEnd, agentRole := storedoc.CountArgs(&x)
		if _, err := w.exec(`INSERT INTO counts (article, ord, type, number, qualifier, object, start, end,
			agent, agent_start, agent_end, agent_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			article, i, x.Type, x.Number, x.Qualifier, x.Object, x.Span.Start, x.Span.End,
			agent, agentStart, agentEnd, agentRole); err != nil {
			return fmt.Errorf("count %d: %w", i, err)
		}
	}
	return nil
}

func str(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }

// jsonText is aggregate.go's name for storedoc.JSON.
func jsonText(v any) string { return storedoc.JSON(v) }
