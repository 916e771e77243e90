package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// schema returns the database's schema as SQLite records it, so that a
// database migrated step by step can be compared with one made fresh.
func schema(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.read.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, sql string
		if err := rows.Scan(&typ, &name, &sql); err != nil {
			t.Fatal(err)
		}
		b.WriteString(typ + " " + name + ": " + strings.Join(strings.Fields(sql), " ") + "\n")
	}
	return b.String()
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	fresh := openTest(t)
	want := schema(t, fresh)
	// Versions may have gaps: a fresh file is at the newest one.
	newest := ms[len(ms)-1].version
	if v, _ := version(ctx, fresh.write); v != newest {
		t.Fatalf("fresh database at version %d, want %d", v, newest)
	}
	// From every older version, with an article stored at that version,
	// migrating must reach the fresh schema and keep the data.
	for from := 1; from < len(ms); from++ {
		path := filepath.Join(t.TempDir(), "old.db")
		old, err := open(ctx, path, from)
		if err != nil {
			t.Fatalf("version %d: %v", from, err)
		}
		if _, err := old.write.Exec(`INSERT INTO articles (id, url, title, source, published, language, body,
			sentences, dropped, stats, dictionary, pipeline, ingested)
			VALUES ('old', '', '', 'Wire', '2020-01-01', 'en', x'61', '[]', '[]', '{}', 'v0', 'dev', '2020-01-01T00:00:00Z')`); err != nil {
			t.Fatalf("version %d: %v", from, err)
		}
		// Events stored before the rollup existed must be backfilled into it.
		for i, d := range []string{"2020-01-01", "2020-01-01", "2020-01-09", ""} {
			if _, err := old.write.Exec(`INSERT INTO events (id, date, source_code, source_country, source_role,
				target_code, target_country, code, root, name, plover, quad_class, goldstein,
				num_mentions, num_sources, num_articles, first_seen, last_seen, tone_n)
				VALUES (?, ?, 'USAGOV', 'USA', 'GOV', 'RUS', 'RUS', '040', '04', 'Consult', 'CONSULT', 1, 1,
				?, 1, 1, '2020-01-01', '2020-01-01', 0)`, fmt.Sprint("e", i), d, i+1); err != nil {
				t.Fatalf("version %d: %v", from, err)
			}
		}
		old.Close()
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("from version %d: %v", from, err)
		}
		if got := schema(t, s); got != want {
			t.Errorf("from version %d: schema differs from a fresh one:\n%s\nwant\n%s", from, got, want)
		}
		a, err := s.Article(ctx, "old")
		if err != nil || a.Doc.Article.Text != "a" {
			t.Errorf("from version %d: article %v, %v", from, a, err)
		}
		var key string
		s.read.QueryRow(`SELECT source_key FROM articles WHERE id = 'old'`).Scan(&key)
		// Migration 2 fills source_key; the raw insert above leaves it
		// empty when the column already exists.
		if from < 2 && key != "wire" {
			t.Errorf("from version %d: source key %q", from, key)
		}
		checkRollup(t, s)
		s.Close()
	}
	// Reopening the latest version changes nothing; a newer one is refused.
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.write.Exec(`INSERT INTO schema_version VALUES (999, 'future', '')`)
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
}

// TestConcurrentOpen opens one new database from several stores at once,
// as an ingest and a serve (or a test polling the file) may: each migration
// must run once, and every opener must succeed.
func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	const n = 6
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := Open(context.Background(), path)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestLocationSpanBackfill: events stored before migration 6 take their
// location's text and span from their first located mention.
func TestLocationSpanBackfill(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO articles (id, url, title, source, published, language, body, sentences, dropped, stats, dictionary, pipeline, ingested)
			VALUES ('a', '', '', 'Wire', '2020-01-01', 'en', x'61', '[]', '[]', '{}', 'v0', 'dev', '2020-01-01T00:00:00Z')`,
		`INSERT INTO events (id, date, source_code, source_country, source_role, code, root, name, plover, quad_class, goldstein,
			loc_name, loc_country, loc_admin1, lat, lon, geonameid,
			num_mentions, num_sources, num_articles, first_seen, last_seen, tone_n)
			VALUES ('e', '2020-01-01', 'USAGOV', 'USA', 'GOV', '040', '04', 'Consult', 'CONSULT', 1, 1,
			'Geneva', 'CHE', '', 46.2, 6.1, 2660646, 2, 1, 1, '2020-01-01', '2020-01-01', 0)`,
		`INSERT INTO mentions (article, ord, event, id, sentence, sent_start, sent_end, span_start, span_end,
			source_text, source_code, source_country, source_role, source_start, source_end,
			code, root, name, plover, quad_class, goldstein, date, date_text, location, rule, confidence)
			VALUES (1, 0, 1, 'm0', 0, 0, 1, 0, 1, 'US', 'USAGOV', 'USA', 'GOV', 0, 2, '040', '04', 'Consult', 'CONSULT', 1, 1,
			'2020-01-01', '', NULL, 'r', 1),
			(1, 1, 1, 'm1', 0, 0, 1, 0, 1, 'US', 'USAGOV', 'USA', 'GOV', 0, 2, '040', '04', 'Consult', 'CONSULT', 1, 1,
			'2020-01-01', '', '{"text":"Genf","name":"Geneva","span":[7,11]}', 'r', 1)`,
	} {
		if _, err := old.write.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, _, err := s.Event(ctx, "e")
	if err != nil {
		t.Fatal(err)
	}
	if l := e.Location; l == nil || l.Text != "Genf" || l.Span != (khaldun.Span{Start: 7, End: 11}) || l.Name != "Geneva" {
		t.Errorf("backfilled location %+v", l)
	}
}
