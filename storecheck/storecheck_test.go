package storecheck

import (
	"database/sql"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// schema is the least of the stores' tables the queries read.
const schema = `
CREATE TABLE articles (seq INTEGER PRIMARY KEY, duplicate_of INTEGER);
CREATE TABLE duplicates (a INTEGER, b INTEGER);
CREATE TABLE events (seq INTEGER PRIMARY KEY, num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER);
CREATE TABLE mentions (seq INTEGER PRIMARY KEY, event INTEGER, article INTEGER);
CREATE TABLE event_sources (event INTEGER, source TEXT);
INSERT INTO articles VALUES (1, NULL), (2, 1);
INSERT INTO duplicates VALUES (1, 2);
INSERT INTO events VALUES (1, 2, 2, 1);
INSERT INTO mentions VALUES (1, 1, 1), (2, 1, 2);
INSERT INTO event_sources VALUES (1, 'example.com');`

func TestQueries(t *testing.T) {
	tests := []struct {
		name   string
		q      Query
		damage string // SQL that breaks the invariant
		want   string
	}{
		{"counters", EventCounters, `UPDATE events SET num_mentions = 3`, "1 events with counters"},
		{"orphan event", EventCounters, `INSERT INTO events VALUES (2, 0, 0, 0)`, "1 events with counters"},
		{"sources", EventCounters, `DELETE FROM event_sources`, "1 events with counters"},
		{"copy link", CopyLinks, `DELETE FROM duplicates`, "1 articles marked as copies"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sql.Open("sqlite", ":memory:")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			db.SetMaxOpenConns(1) // one connection, one in-memory database
			if _, err := db.Exec(schema); err != nil {
				t.Fatal(err)
			}
			count := func() int {
				var n int
				if err := db.QueryRow(tt.q.SQL).Scan(&n); err != nil {
					t.Fatalf("%s: %v", tt.q.Name, err)
				}
				return n
			}
			if n := count(); n != 0 || tt.q.Problem(n) != "" {
				t.Fatalf("consistent tables: %d (%q)", n, tt.q.Problem(n))
			}
			if _, err := db.Exec(tt.damage); err != nil {
				t.Fatal(err)
			}
			if p := tt.q.Problem(count()); !strings.HasPrefix(p, tt.want) {
				t.Fatalf("after %s: %q, want %q", tt.damage, p, tt.want)
			}
		})
	}
}
