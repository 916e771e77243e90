package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

const skipMessage = "KHALDUN_TEST_POSTGRES not set: PostgreSQL store tests skipped " +
	"(e.g. KHALDUN_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test?sslmode=disable)"

// testDSN returns a DSN whose connections use a new schema of their own,
// dropped when the test ends, so that parallel runs and reruns never meet.
func testDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("KHALDUN_TEST_POSTGRES")
	if dsn == "" {
		t.Skip(skipMessage)
	}
	ctx := context.Background()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "khaldun_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("KHALDUN_TEST_POSTGRES: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Error(err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("KHALDUN_TEST_POSTGRES: %v", err)
	}
	// pgx sends parameters it does not know to the server as settings.
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
