// Package sqlite implements khaldun.Store in one embedded SQLite file,
// through the pure-Go modernc.org/sqlite driver so that the khaldun binary
// stays free of cgo.
//
// The file is opened in WAL mode so that readers (the future HTTP API, a
// second `khaldun` process) never block the writer, with a busy timeout for
// the moments two processes do contend. Writes go through one connection
// and one mutex: SQLite allows a single writer anyway, and serialising in
// Go turns lock contention into a queue instead of SQLITE_BUSY errors.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/storecheck"
)

// DefaultPath is the database used when neither --db nor KHALDUN_DB is set.
const DefaultPath = "khaldun.db"

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is a khaldun.Store in a SQLite file.
type Store struct {
	path  string
	write *sql.DB // one connection, transactions BEGIN IMMEDIATE
	read  *sql.DB // several connections, query only
	mu    sync.Mutex
	now   func() time.Time
	verMu sync.Mutex // guards ver
	ver   versionConn
}

var _ khaldun.Store = (*Store)(nil)

// Open opens or creates the database at path and brings its schema up to
// date.
func Open(ctx context.Context, path string) (*Store, error) {
	s, err := open(ctx, path, 0)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return s, nil
}

func open(ctx context.Context, path string, version int) (*Store, error) {
	if path == "" {
		return nil, errors.New("empty path")
	}
	write, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	if err := migrate(ctx, write, version); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(4)
	return &Store{path: path, write: write, read: read, now: time.Now}, nil
}

// dsn builds the modernc.org/sqlite connection string; the pragmas are
// applied to every connection the pool opens.
func dsn(path string, writer bool) string {
	q := url.Values{}
	for _, p := range []string{
		"busy_timeout(10000)",
		"journal_mode(WAL)",
		// NORMAL loses no committed transaction when the process dies, only
		// (in WAL mode) the last ones on a power cut, and never corrupts.
		"synchronous(NORMAL)",
		"foreign_keys(1)",
		"cache_size(-32000)",
		// Statement journals and temporary indexes in memory: the event
		// upsert and its rollup triggers otherwise write a temp file per
		// statement (measured: 593k pwrite calls per 800 articles, 30k
		// with this).
		"temp_store(2)",
	} {
		q.Add("_pragma", p)
	}
	if writer {
		// IMMEDIATE takes the write lock at BEGIN, so a transaction never
		// fails half-way when another process wants to write too.
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Close closes the database, checkpointing the WAL into the file.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.verMu.Lock()
	defer s.verMu.Unlock()
	return errors.Join(s.ver.close(), s.read.Close(), s.write.Close())
}

// migration is one numbered file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) { return readMigrations(migrationFiles) }

// readMigrations reads the numbered files of fsys's migrations directory.
func readMigrations(fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		b, err := fs.ReadFile(fsys, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	// Versions may skip a number: migrations written on branches at the
	// same time land in either order, and each is applied by its own
	// version, not by position.
	for i, m := range ms {
		if m.version < 1 || (i > 0 && m.version == ms[i-1].version) {
			return nil, fmt.Errorf("migration %s: version %d is not positive and unique", m.name, m.version)
		}
	}
	return ms, nil
}

// migrate applies each migration up to version target (all when target
// is 0) that the database has not recorded, in version order, each in its
// own transaction with its schema_version row, so that a crash leaves the
// database at one version or the next, never between. Going by the set of
// applied versions rather than the highest lets a migration numbered below
// one already applied (merged later from another branch) still run.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return migrateWith(ctx, db, ms, target)
}

func migrateWith(ctx context.Context, db *sql.DB, ms []migration, target int) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("schema_version: %w", err)
	}
	current, err := version(ctx, db)
	if err != nil {
		return err
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	if current > latest {
		return fmt.Errorf("database schema version %d is newer than this khaldun (%d)", current, latest)
	}
	for _, m := range ms {
		if target > 0 && m.version > target {
			break
		}
		if err := apply(ctx, db, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// apply runs one migration in its own transaction unless it is recorded
// as applied. The check is inside the transaction, under the write lock
// the writer's IMMEDIATE transactions take at BEGIN: another process
// opening the same database at the same moment (an ingest and a serve, or
// a test polling the file) may have applied it already, and running it
// twice would fail half-way.
func apply(ctx context.Context, db *sql.DB, m migration) error {
	var done bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM schema_version WHERE version = ?)`, m.version).Scan(&done); err != nil || done {
		return err // the common case, opening an up-to-date file, takes no write lock
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM schema_version WHERE version = ?)`, m.version).Scan(&done); err != nil {
		return err
	}
	if done {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

func version(ctx context.Context, db *sql.DB) (int, error) {
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return int(v.Int64), nil
}

// Check runs SQLite's integrity and foreign-key checks and reports the
// first problems found.
func (s *Store) Check(ctx context.Context) error {
	var problems []string
	rows, err := s.read.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return err
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	rows.Close()
	rows, err = s.read.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("sqlite: foreign key check: %w", err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			rows.Close()
			return err
		}
		problems = append(problems, fmt.Sprintf("%s row %d: missing %s", table, rowid.Int64, parent))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// The aggregates are maintained incrementally; recount them to prove
	// that no interrupted write left them out of step with their mentions.
	var bad int
	q := storecheck.EventCounters
	if err := s.read.QueryRowContext(ctx, q.SQL).Scan(&bad); err != nil {
		return fmt.Errorf("sqlite: %s: %w", q.Name, err)
	}
	if p := q.Problem(bad); p != "" {
		problems = append(problems, p)
	}
	if len(problems) > 0 {
		if len(problems) > 10 {
			problems = append(problems[:10], "…")
		}
		return fmt.Errorf("sqlite: database damaged: %s", strings.Join(problems, "; "))
	}
	return nil
}
