package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dedup"
	"github.com/khaldun/khaldun/eventkey"
	"github.com/khaldun/khaldun/storedoc"
)

// Save stores the articles in one transaction; see khaldun.Store and, for
// concurrent writers, the package documentation. When ctx is cancelled
// mid-way the transaction is rolled back, none of it stored.
//
// A batch costs three round trips whatever its size, which is what a
// worker far from its database needs: one pipelined read (locks, the
// articles already stored, new article seqs, near-duplicate candidates),
// one pipelined write of every row (a statement per table, see rowset),
// and the commit. Near duplicates within the batch are found in Go,
// against the articles planned before them, and the batch's mentions of
// one event are added to it at once.
func (s *Store) Save(ctx context.Context, arts ...*khaldun.Coded) (khaldun.SaveStats, error) {
	var st khaldun.SaveStats
	if len(arts) == 0 {
		return st, nil
	}
	// Sketching is the CPU-heavy part; do it before holding any lock.
	sketches, err := storedoc.Prepare(arts)
	if err != nil {
		return st, fmt.Errorf("postgres: save: %w", err)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return st, fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	w := newWriter(ctx, tx, s.now().UTC())
	if err := w.read(arts, sketches); err != nil {
		return st, fmt.Errorf("postgres: save: %w", err)
	}
	for i, a := range arts {
		w.article(a, sketches[i], &st)
	}
	if err := w.write(&st); err != nil {
		return khaldun.SaveStats{}, fmt.Errorf("postgres: save: %w", withDetail(err))
	}
	if err := tx.Commit(ctx); err != nil {
		return khaldun.SaveStats{}, fmt.Errorf("postgres: commit: %w", err)
	}
	return st, nil
}

// withDetail adds the server's detail to an error, which names the row a
// constraint refused ("Key (id)=(…) already exists"): a batch is written a
// table at a time, so the statement alone does not say which article.
func withDetail(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Detail != "" {
		return fmt.Errorf("%w (%s)", err, pe.Detail)
	}
	return err
}

// lockKeys are the advisory lock keys of a batch, ascending: one per
// article ID and one per aggregation key. A hash collision only makes two
// unrelated saves wait for each other.
func lockKeys(arts []*khaldun.Coded) []int64 {
	var keys []int64
	add := func(kind, s string) {
		h := fnv.New64a()
		h.Write([]byte(kind))
		h.Write([]byte(s))
		keys = append(keys, int64(h.Sum64()))
	}
	for _, a := range arts {
		art := &a.Doc.Article
		add("article\x1f", art.ID)
		for i := range a.Doc.Events {
			add("event\x1f", eventkey.Key(&a.Doc.Events[i], art.Published, art.ID))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// writer plans one Save transaction: what read found, and the rows to
// write.
type writer struct {
	tx  pgx.Tx
	ctx context.Context
	now time.Time

	stored map[string]bool // article IDs stored already, or planned in this batch
	seqs   []int64         // free article seqs, ascending
	// bands lists per LSH band key the articles having it, ascending by
	// seq: the stored ones read (at most bandLimit), then this batch's.
	bands map[int64][]int64
	known map[int64]known // candidate articles, stored or planned

	articles, articleBands, duplicates      *rowset
	entities, places, dates, quotes, counts *rowset
	mentions, sources                       *rowset
	eventRows                               []*eventRow // in order of first mention
	eventByKey                              map[string]*eventRow
	sourcePairs                             map[[2]string]bool
}

func newWriter(ctx context.Context, tx pgx.Tx, now time.Time) *writer {
	return &writer{tx: tx, ctx: ctx, now: now,
		articles: newRowset("seq bigint", "id text", "url text", "title text", "source text", "published text", "language text",
			"body bytea", "sentences text", "dropped text", "stats text", "doc_tone float8", "dictionary text", "pipeline text", "tone float8",
			"ingested text", "sketch bytea", "duplicate_of bigint", "source_key text"),
		articleBands: newRowset("key bigint", "article bigint"),
		duplicates:   newRowset("a bigint", "b bigint", "similarity float8"),
		entities:     newRowset("article bigint", "ord int", "text text", "type text", "span_start int", "span_end int", "actor text"),
		places: newRowset("article bigint", "ord int", "text text", "span_start int", "span_end int", "name text", "country text",
			"admin1 text", "lat float8", "lon float8", "geonameid bigint"),
		dates:  newRowset("article bigint", "ord int", "text text", "span_start int", "span_end int", "value text"),
		quotes: newRowset("article bigint", "ord int", "text text", "span_start int", "span_end int", "speaker text", "speaker_actor text"),
		counts: newRowset("article bigint", "ord int", "type text", "number bigint", "qualifier text", "object text",
			"span_start int", "span_end int", "agent text", "agent_start int", "agent_end int", "agent_role text"),
		mentions: newRowset("article bigint", "ord int", "event text", "id text", "sentence int", "sent_start int", "sent_end int",
			"lead bool", "span_start int", "span_end int",
			"source_text text", "source_code text", "source_country text", "source_role text", "source_start int", "source_end int",
			"target_text text", "target_code text", "target_country text", "target_role text", "target_start int", "target_end int",
			"code text", "root text", "name text", "plover text", "quad_class int", "goldstein float8", "date text", "date_text text",
			"location text", "rule text", "confidence float8", "tone float8", "words text"),
		sources:     newRowset("event text", "source text"),
		eventByKey:  map[string]*eventRow{},
		sourcePairs: map[[2]string]bool{},
	}
}

// known is what near-duplicate detection needs of an article.
type known struct {
	sketch    *dedup.Sketch
	root      int64 // the article it copies, or itself
	sourceKey string
}

// bandLimit bounds the articles read per band: a band shared by very many
// articles is boilerplate, not syndication, and the limit keeps one such
// band from costing a scan. Each band gives its earliest articles, as in
// the sqlite store.
const bandLimit = 64

// read takes the batch's locks and reads what planning needs, in one
// pipelined round trip; the statements run in order, after the locks.
func (w *writer) read(arts []*khaldun.Coded, sketches []*dedup.Sketch) error {
	ids := make([]string, len(arts))
	var keys []int64
	for i, a := range arts {
		ids[i] = a.Doc.Article.ID
		if sk := sketches[i]; sk != nil {
			bk := sk.BandKeys()
			keys = append(keys, bk[:]...)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	w.stored, w.bands, w.known = map[string]bool{}, map[int64][]int64{}, map[int64]known{}
	b := &pgx.Batch{}
	// pgx sends the array in order and the function scan keeps it, so the
	// locks are taken in ascending order.
	b.Queue(`SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k`, lockKeys(arts))
	b.Queue(`SELECT id FROM articles WHERE id = ANY($1)`, ids).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			w.stored[id] = true
		}
		return rows.Err()
	})
	b.Queue(`SELECT nextval(pg_get_serial_sequence('articles', 'seq')) FROM generate_series(1, $1)`, len(arts)).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var seq int64
			if err := rows.Scan(&seq); err != nil {
				return err
			}
			w.seqs = append(w.seqs, seq)
		}
		slices.Sort(w.seqs)
		return rows.Err()
	})
	const bandRows = `SELECT k.key, b.article FROM unnest($1::bigint[]) AS k(key)
		CROSS JOIN LATERAL (SELECT article FROM article_bands WHERE key = k.key ORDER BY article LIMIT $2) b`
	b.Queue(bandRows+` ORDER BY 1, 2`, keys, bandLimit).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var key, seq int64
			if err := rows.Scan(&key, &seq); err != nil {
				return err
			}
			w.bands[key] = append(w.bands[key], seq)
		}
		return rows.Err()
	})
	b.Queue(`SELECT seq, sketch, coalesce(duplicate_of, seq), source_key FROM articles
		WHERE sketch IS NOT NULL AND seq IN (SELECT article FROM (`+bandRows+`) c)`, keys, bandLimit).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var seq int64
			var blob []byte
			var k known
			if err := rows.Scan(&seq, &blob, &k.root, &k.sourceKey); err != nil {
				return err
			}
			k.sketch = new(dedup.Sketch)
			if k.sketch.UnmarshalBinary(blob) == nil {
				w.known[seq] = k
			}
		}
		return rows.Err()
	})
	return w.tx.SendBatch(w.ctx, b).Close()
}

// article plans one article: its row with a seq of its own, its links to
// the articles it near-duplicates, its events and annotations.
func (w *writer) article(a *khaldun.Coded, sk *dedup.Sketch, st *khaldun.SaveStats) {
	art := &a.Doc.Article
	if w.stored[art.ID] {
		st.Skipped++
		return
	}
	w.stored[art.ID] = true
	seq := w.seqs[0]
	w.seqs = w.seqs[1:]
	dups := w.nearDuplicates(sk)
	sourceKey, dupOf, root := eventkey.Outlet(art), (*int64)(nil), seq
	if len(dups) > 0 {
		best := dups[0]
		sourceKey, dupOf, root = best.sourceKey, &best.root, best.root
	}
	var sketch []byte
	if sk != nil {
		sketch, _ = sk.MarshalBinary()
		w.known[seq] = known{sketch: sk, root: root, sourceKey: sourceKey}
		keys := sk.BandKeys()
		for _, k := range keys {
			w.bands[k] = append(w.bands[k], seq)
		}
	}
	c := storedoc.Encode(a.Doc)
	w.articles.add(seq, art.ID, art.URL, art.Title, art.Source, art.Published, art.Language,
		c.Body, c.Sentences, c.Dropped, c.Stats, c.Tone,
		a.Dictionary, a.Pipeline, a.Tone, w.now.Format(time.RFC3339), sketch, dupOf, sourceKey)
	st.Articles++
	if sk != nil {
		for _, k := range sk.BandKeys() {
			w.articleBands.add(k, seq)
		}
	}
	for _, d := range dups {
		w.duplicates.add(min(seq, d.seq), max(seq, d.seq), d.similarity)
		st.Duplicates++
	}
	w.events(seq, a, sourceKey, st)
	w.annotations(seq, a.Doc)
}

// candidate is an article near-duplicating the one being saved.
type candidate struct {
	seq, root  int64
	sourceKey  string
	similarity float64
}

// nearDuplicates finds the articles sharing an LSH band with sk, stored
// or planned before it, and keeps those similar enough, most similar
// (then earliest) first.
func (w *writer) nearDuplicates(sk *dedup.Sketch) []candidate {
	if sk == nil {
		return nil
	}
	seen := map[int64]bool{}
	var out []candidate
	for _, key := range sk.BandKeys() {
		seqs := w.bands[key]
		slices.Sort(seqs) // a concurrent writer's seq may be below this batch's
		for _, seq := range seqs[:min(len(seqs), bandLimit)] {
			if seen[seq] {
				continue
			}
			seen[seq] = true
			k, ok := w.known[seq]
			if !ok {
				continue
			}
			c := candidate{seq: seq, root: k.root, sourceKey: k.sourceKey, similarity: sk.Similarity(k.sketch)}
			if c.similarity >= dedup.Threshold {
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b candidate) int {
		switch {
		case a.similarity > b.similarity:
			return -1
		case a.similarity < b.similarity:
			return 1
		}
		return cmp.Compare(a.seq, b.seq)
	})
	return out
}

// annotations adds the entities, places, dates, quotes and counts.
func (w *writer) annotations(article int64, d *khaldun.Document) {
	for i, x := range d.Entities {
		w.entities.add(article, i, x.Text, x.Type, x.Span.Start, x.Span.End, x.Actor)
	}
	for i, x := range d.Places {
		w.places.add(article, i, x.Text, x.Span.Start, x.Span.End, x.Name, x.Country, x.Admin1, x.Lat, x.Lon, x.GeonameID)
	}
	for i, x := range d.Dates {
		w.dates.add(article, i, x.Text, x.Span.Start, x.Span.End, x.Value)
	}
	for i, x := range d.Quotes {
		w.quotes.add(article, i, x.Text, x.Span.Start, x.Span.End, x.Speaker, x.SpeakerActor)
	}
	for i, x := range d.Counts {
		agent, agentStart, agentEnd, agentRole := storedoc.CountArgs(&x)
		w.counts.add(article, i, x.Type, x.Number, x.Qualifier, x.Object, x.Span.Start, x.Span.End,
			agent, agentStart, agentEnd, agentRole)
	}
}

// write sends every planned row in one pipelined batch: a statement per
// table, articles first so that the rest can refer to them, events before
// the mentions that find them by ID.
func (w *writer) write(st *khaldun.SaveStats) error {
	b := &pgx.Batch{}
	plain := func(table string, r *rowset) {
		if r.len() > 0 {
			b.Queue(`INSERT INTO `+table+` (`+strings.Join(r.names, ", ")+`) OVERRIDING SYSTEM VALUE
				SELECT `+strings.Join(r.names, ", ")+` FROM `+r.from("u")+` ORDER BY n`, r.args()...)
		}
	}
	plain("articles", w.articles)
	if w.articleBands.len() > 0 {
		b.Queue(`INSERT INTO article_bands SELECT key, article FROM `+w.articleBands.from("u")+` ON CONFLICT DO NOTHING`,
			w.articleBands.args()...)
	}
	if w.duplicates.len() > 0 {
		b.Queue(`INSERT INTO duplicates SELECT a, b, similarity FROM `+w.duplicates.from("u")+` ON CONFLICT DO NOTHING`,
			w.duplicates.args()...)
	}
	w.writeEvents(b, st)
	for _, t := range []struct {
		name string
		rows *rowset
	}{{"entities", w.entities}, {"places", w.places}, {"dates", w.dates}, {"quotes", w.quotes}, {"counts", w.counts}} {
		plain(t.name, t.rows)
	}
	return w.tx.SendBatch(w.ctx, b).Close()
}
