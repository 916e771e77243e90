package postgres

import (
	"context"
	"strings"
	"testing"
)

// TestConcurrentOpen opens one new schema from several stores at once, as
// workers starting together do: each migration must run once under the
// advisory lock, and every opener must succeed.
func TestConcurrentOpen(t *testing.T) {
	dsn := testDSN(t)
	const n = 6
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := Open(context.Background(), dsn)
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
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, _ := migrations()
	var rows, version int
	if err := s.pool.QueryRow(context.Background(), `SELECT count(*), max(version) FROM schema_version`).Scan(&rows, &version); err != nil {
		t.Fatal(err)
	}
	if rows != len(ms) || version != len(ms) {
		t.Errorf("schema_version has %d rows up to %d, want %d", rows, version, len(ms))
	}
}

// TestNewerSchema: a database migrated by a newer khaldun is refused, not
// written with an old idea of its tables.
func TestNewerSchema(t *testing.T) {
	ctx := context.Background()
	dsn := testDSN(t)
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO schema_version VALUES (999, 'future', '')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
}

func TestIsDSN(t *testing.T) {
	for db, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql://h/db?sslmode=disable": true,
		"khaldun.db": false, "/var/lib/postgres/k.db": false, "file:postgres://x": false, "": false,
	} {
		if IsDSN(db) != want {
			t.Errorf("IsDSN(%q) = %v", db, !want)
		}
	}
}

func TestRedact(t *testing.T) {
	if got := Redact("postgres://me:s3cret@db:5432/k"); strings.Contains(got, "s3cret") || !strings.Contains(got, "me:xxxxx@db") {
		t.Errorf("redact: %s", got)
	}
	if _, err := Open(context.Background(), "postgres://me:s3cret@127.0.0.1:1/k?connect_timeout=1"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("open error shows the password: %v", err)
	}
}
