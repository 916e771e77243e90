package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dedup"
)

// Save stores the articles in one transaction; see khaldun.Store. The
// context should outlive an interrupt the caller wants to survive: when it
// is cancelled mid-way the transaction is rolled back, none of it stored.
func (s *Store) Save(ctx context.Context, arts ...*khaldun.Coded) (khaldun.SaveStats, error) {
	var st khaldun.SaveStats
	// Sketching is the CPU-heavy part; do it before taking the lock.
	sketches := make([]*dedup.Sketch, len(arts))
	for i, a := range arts {
		if err := valid(a); err != nil {
			return st, err
		}
		if sk, err := dedup.New(a.Doc.Article.Text); err == nil {
			sketches[i] = &sk
		}
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

func valid(a *khaldun.Coded) error {
	switch {
	case a == nil || a.Doc == nil:
		return errors.New("sqlite: save: nil document")
	case a.Doc.Article.ID == "":
		return errors.New("sqlite: save: article has no id")
	case a.Doc.Article.Text == "":
		return fmt.Errorf("sqlite: save article %s: no body (code it with the text)", a.Doc.Article.ID)
	}
	return nil
}

// writer is one Save transaction.
type writer struct {
	tx    *sql.Tx
	ctx   context.Context
	now   time.Time
	stmts map[string]*sql.Stmt
	rows  map[rowsKey]*sql.Stmt // multi-row inserts, also in stmts
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
	sents := make([][3]int, len(a.Doc.Sentences))
	for i, s := range a.Doc.Sentences {
		sents[i] = [3]int{s.Span.Start, s.Span.End, s.Paragraph}
	}
	var seq int64
	err = w.queryRow(`INSERT INTO articles (id, url, title, source, published, language,
		body, sentences, dropped, stats, dictionary, pipeline, tone, ingested, sketch, duplicate_of, source_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
		art.ID, art.URL, art.Title, art.Source, art.Published, art.Language,
		[]byte(art.Text), jsonText(sents), jsonText(nonNil(art.Dropped)), jsonText(art.Stats),
		a.Dictionary, a.Pipeline, a.Tone, w.now.Format(time.RFC3339), sketch, dupOf, sourceKey).Scan(&seq)
	if err != nil {
		return err
	}
	st.Articles++
	if sk != nil {
		keys := sk.BandKeys()
		args := make([]any, 0, 2*len(keys))
		for _, key := range keys {
			args = append(args, key, seq)
		}
		if err := w.insertRows("INSERT OR IGNORE INTO article_bands", 2, args); err != nil {
			return err
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

// annotations stores the entities, places, dates, quotes and counts, each
// kind with as few statements as insertRows needs.
func (w *writer) annotations(article int64, d *khaldun.Document) error {
	args := make([]any, 0, 11*max(len(d.Entities), len(d.Places), len(d.Dates), len(d.Quotes), len(d.Counts)))
	for i, x := range d.Entities {
		args = append(args, article, i, x.Text, x.Type, x.Span.Start, x.Span.End, x.Actor)
	}
	if err := w.insertRows("INSERT INTO entities", 7, args); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	args = args[:0]
	for i, x := range d.Places {
		args = append(args, article, i, x.Text, x.Span.Start, x.Span.End, x.Name, x.Country, x.Admin1, x.Lat, x.Lon, x.GeonameID)
	}
	if err := w.insertRows("INSERT INTO places", 11, args); err != nil {
		return fmt.Errorf("places: %w", err)
	}
	args = args[:0]
	for i, x := range d.Dates {
		args = append(args, article, i, x.Text, x.Span.Start, x.Span.End, x.Value)
	}
	if err := w.insertRows("INSERT INTO dates", 6, args); err != nil {
		return fmt.Errorf("dates: %w", err)
	}
	args = args[:0]
	for i, x := range d.Quotes {
		args = append(args, article, i, x.Text, x.Span.Start, x.Span.End, x.Speaker, x.SpeakerActor)
	}
	if err := w.insertRows("INSERT INTO quotes", 7, args); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	args = args[:0]
	for i, x := range d.Counts {
		args = append(args, article, i, x.Type, x.Number, x.Qualifier, x.Object, x.Span.Start, x.Span.End)
	}
	if err := w.insertRows("INSERT INTO counts", 8, args); err != nil {
		return fmt.Errorf("counts: %w", err)
	}
	return nil
}

// maxRows is the most rows one INSERT of insertRows carries.
const maxRows = 32

// insertRows runs insert (`INSERT INTO table`, with any conflict clause)
// for rows of cols values laid end to end in args. Each statement carries
// up to maxRows rows: the driver's cost per statement, not SQLite's per
// row, was most of the time of storing annotations row by row. Chunks are
// powers of two, so a transaction prepares at most a handful of
// statements per table.
func (w *writer) insertRows(insert string, cols int, args []any) error {
	for rows := len(args) / cols; rows > 0; {
		n := maxRows
		for n > rows {
			n >>= 1
		}
		st, err := w.rowsStmt(insert, cols, n)
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(w.ctx, args[:n*cols]...); err != nil {
			return err
		}
		args, rows = args[n*cols:], rows-n
	}
	return nil
}

// rowsStmt prepares insert with n rows of cols placeholders, once per
// transaction.
func (w *writer) rowsStmt(insert string, cols, n int) (*sql.Stmt, error) {
	key := rowsKey{insert, cols, n}
	if st, ok := w.rows[key]; ok {
		return st, nil
	}
	row := "(?" + strings.Repeat(", ?", cols-1) + ")"
	st, err := w.stmt(insert + " VALUES " + row + strings.Repeat(", "+row, n-1))
	if err != nil {
		return nil, err
	}
	if w.rows == nil {
		w.rows = map[rowsKey]*sql.Stmt{}
	}
	w.rows[key] = st
	return st, nil
}

type rowsKey struct {
	insert  string
	cols, n int
}

func str(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// jsonText encodes values that come from Go types and always encode.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}
