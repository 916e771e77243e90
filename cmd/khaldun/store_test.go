package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun/postgres"
	"github.com/khaldun/khaldun/sqlite"
)

func TestOpenStore(t *testing.T) {
	ctx := context.Background()
	s, err := openStore(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*sqlite.Store); !ok {
		t.Errorf("a file opened as %T", s)
	}
	s.Close()
	if _, err := openStore(ctx, "postgres://nobody@127.0.0.1:1/k?connect_timeout=1"); err == nil {
		t.Error("an unreachable PostgreSQL opened")
	}
	dsn := os.Getenv("KHALDUN_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("KHALDUN_TEST_POSTGRES not set: the PostgreSQL half of openStore skipped")
	}
	// A schema of its own, dropped at the end, which the store reaches
	// through search_path.
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("khaldun_cmd_test_%d", time.Now().UnixNano())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err = openStore(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*postgres.Store); !ok {
		t.Errorf("a postgres:// DSN opened as %T", s)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 0 {
		t.Errorf("new store: %+v, %v", st, err)
	}
}

func TestShownDB(t *testing.T) {
	tests := []struct{ db, want string }{
		{"khaldun.db", "khaldun.db"},
		{"/data/k:pw@x.db", "/data/k:pw@x.db"}, // a file name, whatever it looks like
		{"postgres://me:s3cret@db:5432/k", "postgres://me:xxxxx@db:5432/k"},
		{"postgresql://me@db/k", "postgresql://me@db/k"},
	}
	for _, tt := range tests {
		if got := shownDB(tt.db); got != tt.want {
			t.Errorf("shownDB(%q) = %q, want %q", tt.db, got, tt.want)
		}
	}
}

func TestDBOrDefault(t *testing.T) {
	tests := []struct{ flag, env, want string }{
		{"a.db", "b.db", "a.db"},
		{"", "b.db", "b.db"},
		{"", "", "khaldun.db"},
	}
	for _, tt := range tests {
		t.Setenv("KHALDUN_DB", tt.env)
		if got := dbOrDefault(tt.flag); got != tt.want {
			t.Errorf("dbOrDefault(%q) with KHALDUN_DB=%q = %q, want %q", tt.flag, tt.env, got, tt.want)
		}
	}
}
