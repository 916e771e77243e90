package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestMigrationGaps checks that migrations go by version, not position: a
// missing number is allowed, and a migration merged later with a number
// below one already applied still runs (0006 and 0007 were written on
// separate branches).
func TestMigrationGaps(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "gap.db"), true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	files := fstest.MapFS{
		"migrations/0001_a.sql": {Data: []byte("CREATE TABLE a (x);")},
		"migrations/0002_b.sql": {Data: []byte("CREATE TABLE b (x);")},
		"migrations/0004_d.sql": {Data: []byte("CREATE TABLE d (x);")},
	}
	step := func(want ...int) {
		t.Helper()
		ms, err := readMigrations(files)
		if err != nil {
			t.Fatal(err)
		}
		if err := migrateWith(ctx, db, ms, 0); err != nil {
			t.Fatal(err)
		}
		var got []int
		rows, err := db.Query(`SELECT version FROM schema_version ORDER BY version`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v int
			rows.Scan(&v)
			got = append(got, v)
		}
		rows.Close()
		if !slices.Equal(got, want) {
			t.Errorf("applied %v, want %v", got, want)
		}
	}
	step(1, 2, 4)
	files["migrations/0003_c.sql"] = &fstest.MapFile{Data: []byte("CREATE TABLE c (x);")}
	step(1, 2, 3, 4)
	step(1, 2, 3, 4) // nothing runs twice: CREATE TABLE would fail
	if _, err := db.Exec(`INSERT INTO c VALUES (1)`); err != nil {
		t.Errorf("late migration's table: %v", err)
	}

	for name, bad := range map[string]fstest.MapFS{
		"duplicate":  {"migrations/0001_a.sql": {}, "migrations/0001_b.sql": {}},
		"zero":       {"migrations/0000_a.sql": {}},
		"unnumbered": {"migrations/init.sql": {}},
	} {
		if _, err := readMigrations(bad); err == nil || !strings.Contains(err.Error(), "migration") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
