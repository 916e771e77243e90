package export

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/khaldun/khaldun/sqlite"
)

// TestLargeExportMemory exports 200,000 mentions of 50,000 events and
// checks that the heap never holds more than a bounded amount: the store
// streams and the writers keep at most a row (a row group for Parquet).
func TestLargeExportMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("large store")
	}
	const articles, events, mentions = 20_000, 50_000, 200_000
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "large.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Rows are generated in SQL: building them through Save would make this
	// test about the ingest's speed.
	for _, q := range []string{
		fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			INSERT INTO articles (seq, id, url, title, source, published, language, body, sentences, dropped, stats,
				dictionary, pipeline, tone, ingested)
			SELECT i, 'art' || i, 'https://news.example/' || i, 'Title ' || i, 'Outlet ' || (i %% 50),
				date('2020-01-01', '+' || (i %% 1000) || ' days'), 'en', zeroblob(2000), '[[0,1000,0],[1001,2000,1]]',
				'[]', '{}', 'test', 'test', (i %% 20) - 10.0, '2024-05-01T12:00:00Z' FROM n`, articles),
		fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			INSERT INTO events (seq, id, date, source_code, source_country, source_role, target_code, target_country, target_role,
				code, root, name, plover, quad_class, goldstein, loc_name, loc_country, loc_admin1, lat, lon, geonameid,
				num_mentions, num_sources, num_articles, first_seen, last_seen, tone_sum, tone_n)
			SELECT i, 'ev' || i, date('2020-01-01', '+' || (i %% 1000) || ' days'), 'FRAGOV', 'FRA', 'GOV',
				CASE WHEN i %% 3 THEN 'DEUGOV' END, CASE WHEN i %% 3 THEN 'DEU' END, CASE WHEN i %% 3 THEN 'GOV' END,
				'111', '11', 'Criticize or denounce', 'ACCUSE', 3, -2.0,
				'Paris', 'FRA', 'IDF', 48.85, 2.35, 2988507, 4, 4, 4, '2020-01-01', '2020-01-02', -8.0, 4 FROM n`, events),
		fmt.Sprintf(`WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < %d - 1)
			INSERT INTO mentions (article, ord, event, id, sentence, sent_start, sent_end, span_start, span_end,
				source_text, source_code, source_country, source_role, source_start, source_end,
				code, root, name, plover, quad_class, goldstein, date, date_text, rule, confidence)
			SELECT k %% %d + 1, k / %d, k %% %d + 1, 'e' || k, k %% 2, 0, 1000, 10, 20,
				'French ministers', 'FRAGOV', 'FRA', 'GOV', 0, 16, '111', '11', 'Criticize or denounce', 'ACCUSE', 3, -2.0,
				'2020-01-01', 'on Tuesday', 'test', 0.8 FROM n`, mentions, articles, articles, events),
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		format, table string
		rows          int64
		limit         uint64 // MiB of heap above the baseline
	}{
		{"gdelt", "events", events, 32},
		{"gdelt-mentions", "mentions", mentions, 32},
		{"csv", "mentions", mentions, 32},
		{"jsonl", "mentions", mentions, 32},
		// Parquet holds a row group's compressed pages, a page buffer per
		// column (256 KiB) and one zstd encoder (a 16 MiB history); the
		// peak, garbage included, is about 105 MiB. A zstd codec per column
		// held an encoder per column and grew the heap by 1 GiB.
		{"parquet", "mentions", mentions, 160},
	} {
		t.Run(c.format+"/"+c.table, func(t *testing.T) {
			var size counter
			peak, n, err := peakHeap(func() (int64, error) {
				return Write(ctx, s, &size, Options{Format: c.format, Table: c.table})
			})
			if err != nil || n != c.rows {
				t.Fatalf("%d rows, %v", n, err)
			}
			t.Logf("%d rows, %d MiB written, heap peak %d MiB above baseline", n, size.n>>20, peak>>20)
			if peak>>20 > c.limit {
				t.Errorf("heap grew by %d MiB, limit %d MiB", peak>>20, c.limit)
			}
		})
	}
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// peakHeap runs f while sampling the live heap, and returns its highest
// value above the heap before f.
func peakHeap(f func() (int64, error)) (uint64, int64, error) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	n, err := f()
	close(done)
	<-stopped
	p := peak.Load()
	if p < base {
		return 0, n, err
	}
	return p - base, n, err
}
