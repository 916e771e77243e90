// Package postgres implements khaldun.Store, Explorer and Exporter, and
// the feed state of khaldun watch, on a PostgreSQL server through
// github.com/jackc/pgx/v5, so that several khaldun processes (ingests,
// workers, a serve) share one database. The schema and the behaviour are
// the sqlite store's; storetest holds the contract both pass.
//
// It uses pgx's own interface and pool rather than database/sql: a Save
// is written as one pipelined batch (pgx.Batch) of one multi-row statement
// per table, whose rows travel as typed arrays in the binary protocol, and
// exports read through a server-side cursor on one connection.
// database/sql would allow neither the pipeline nor the arrays.
//
// Concurrent writers: a Save first takes transaction-scoped advisory locks
// on the hashes of its article IDs and aggregation keys, in ascending
// order. Two Saves that share an article or an event run one after the
// other (the second sees the first's rows and skips or joins them), Saves
// that share nothing run in parallel, and since every Save locks in the
// same order none can deadlock another. Events and their outlets are
// still written as ON CONFLICT upserts, so that a counter stays exact even
// for a writer that skipped the locks; such a writer's duplicate article
// would fail on the unique ID and roll its batch back.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storecheck"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is a khaldun store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

var (
	_ khaldun.Store    = (*Store)(nil)
	_ khaldun.Explorer = (*Store)(nil)
	_ khaldun.Exporter = (*Store)(nil)
)

// IsDSN reports whether db names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a file.
func IsDSN(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Open connects to the database named by dsn (a postgres:// URL; pgx's
// parameters apply, and others such as search_path are sent to the server
// as settings) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	s, err := open(ctx, dsn, 0)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", Redact(dsn), err)
	}
	return s, nil
}

func open(ctx context.Context, dsn string, version int) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, pool, version); err != nil {
		pool.Close()
		return nil, err
	}
	return &Store{pool: pool, now: time.Now}, nil
}

// Redact hides the password of a DSN that goes into a message or a log.
func Redact(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil || cfg.Password == "" {
		return dsn
	}
	return strings.Replace(dsn, ":"+cfg.Password+"@", ":xxxxx@", 1)
}

// Close closes the pool's connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migration is one numbered file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries { // ReadDir sorts by name
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		if v != len(ms)+1 {
			return nil, fmt.Errorf("migration %s: want version %d", e.Name(), len(ms)+1)
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	return ms, nil
}

// migrationLock is the first key of the advisory lock migrations take;
// the second is the hash of the schema, so that stores in different
// schemas of one database migrate independently.
const migrationLock = 0x6b68616c // "khal"

// migrate applies the migrations after the database's version up to
// target (all when target is 0), each in its own transaction with its
// schema_version row. Each transaction first takes an advisory lock and
// reads the version again under it: several processes opening a new
// database at once apply every migration once, and the others wait for it.
func migrate(ctx context.Context, pool *pgxpool.Pool, target int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if target <= 0 || target > len(ms) {
		target = len(ms)
	}
	for {
		done, err := step(ctx, pool, ms, target)
		if err != nil || done {
			return err
		}
	}
}

// step applies the next migration, or reports that there is none.
func step(ctx context.Context, pool *pgxpool.Pool, ms []migration, target int) (done bool, err error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, migrationLock); err != nil {
		return false, fmt.Errorf("migration lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL)`); err != nil {
		return false, fmt.Errorf("schema_version: %w", err)
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return false, fmt.Errorf("schema version: %w", err)
	}
	if current > len(ms) {
		return false, fmt.Errorf("database schema version %d is newer than this khaldun (%d)", current, len(ms))
	}
	if current >= target {
		return true, tx.Commit(ctx)
	}
	m := ms[current]
	// No arguments: pgx sends it as a simple query, which may hold many
	// statements.
	if _, err := tx.Exec(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_version VALUES ($1, $2, $3)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	return false, tx.Commit(ctx)
}

// Check proves the incrementally kept aggregates agree with their
// mentions and the duplicate links with the articles, and reports the
// first problems found. PostgreSQL enforces the foreign keys itself.
func (s *Store) Check(ctx context.Context) error {
	var problems []string
	for _, q := range []storecheck.Query{storecheck.EventCounters, storecheck.CopyLinks} {
		var bad int
		if err := s.pool.QueryRow(ctx, q.SQL).Scan(&bad); err != nil {
			return fmt.Errorf("postgres: %s: %w", q.Name, err)
		}
		if p := q.Problem(bad); p != "" {
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("postgres: database inconsistent: %s", strings.Join(problems, "; "))
	}
	return nil
}

// notFound turns pgx's no-rows error into khaldun.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return khaldun.ErrNotFound
	}
	return err
}
