package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// versionConn watches the database for commits through one connection of
// its own: SQLite's data_version changes on a connection whenever another
// connection (this store's writer, another process) has committed since
// the last look. A pooled connection would not do, since each connection
// counts on its own.
type versionConn struct {
	db    *sql.DB
	conn  *sql.Conn
	epoch uint64 // bumped when the connection is replaced, whose count restarts
}

// DataVersion returns a number that differs from the one returned before
// whenever anything has been committed to the database in between, by
// this store or by another process; a cache of answers keyed by it is
// never stale. The numbers are only comparable within one Store.
func (s *Store) DataVersion(ctx context.Context) (uint64, error) {
	s.verMu.Lock()
	defer s.verMu.Unlock()
	v := &s.ver
	if v.conn == nil {
		if v.db == nil {
			db, err := sql.Open("sqlite", dsn(s.path, false))
			if err != nil {
				return 0, fmt.Errorf("sqlite: data version: %w", err)
			}
			db.SetMaxOpenConns(1)
			v.db = db
		}
		c, err := v.db.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("sqlite: data version: %w", err)
		}
		v.conn = c
		v.epoch++
	}
	var n uint64
	if err := v.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&n); err != nil {
		if ctx.Err() != nil {
			// Interrupted by the caller: the connection is fine, and
			// replacing it would change the version with no write.
			return 0, fmt.Errorf("sqlite: data version: %w", err)
		}
		// The connection may be broken: take a new one next time, under a
		// new epoch, since its count starts afresh.
		v.conn.Close()
		v.conn = nil
		return 0, fmt.Errorf("sqlite: data version: %w", err)
	}
	return v.epoch<<40 | n, nil
}

func (v *versionConn) close() error {
	if v.conn != nil {
		v.conn.Close()
		v.conn = nil
	}
	if v.db != nil {
		return v.db.Close()
	}
	return nil
}
