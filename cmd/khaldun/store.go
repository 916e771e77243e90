package main

import (
	"context"
	"os"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/feed"
	"github.com/khaldun/khaldun/postgres"
	"github.com/khaldun/khaldun/sqlite"
)

// dbStore is what the commands use of a database: the store, its
// explorer and exporter, and the feed state of khaldun watch.
type dbStore interface {
	khaldun.Store
	khaldun.Explorer
	khaldun.Exporter
	feed.State
}

// dbHelp is the --db flag's help, the same for every command.
const dbHelp = "database: an SQLite file or a postgres:// URL (default $KHALDUN_DB or ./khaldun.db)"

// dbOrDefault is the database a command uses: --db, else $KHALDUN_DB,
// else ./khaldun.db.
func dbOrDefault(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("KHALDUN_DB"); env != "" {
		return env
	}
	return sqlite.DefaultPath
}

// openStore opens the database db names (--db or $KHALDUN_DB): a
// PostgreSQL database for a postgres:// or postgresql:// URL, an SQLite
// file otherwise.
func openStore(ctx context.Context, db string) (dbStore, error) {
	if postgres.IsDSN(db) {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// shownDB is db as the commands print it: a DSN's password is hidden, as
// output and logs are often shared.
func shownDB(db string) string {
	if postgres.IsDSN(db) {
		return postgres.Redact(db)
	}
	return db
}
