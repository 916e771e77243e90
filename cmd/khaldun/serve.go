package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"

	"github.com/spf13/cobra"

	khttp "github.com/khaldun/khaldun/http"
	"github.com/khaldun/khaldun/web"
)

func serveCmd() *cobra.Command {
	var (
		addr, dbPath, token string
		requireReads        bool
		cacheBytes          int64
		dicts               dictFlags
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve a database as an HTTP JSON API and a web dashboard",
		Long: `Serve answers HTTP requests for the events, articles, actors, time series,
networks, quotes and counts of a database made by ingest (--db, $KHALDUN_DB, or
./khaldun.db). The API is described at /api/openapi.json. The dashboard at /
(a binary built with make build) shows the events on a timeline, a map and an
actor network, with the evidence sentence of each; it reads only the API.

POST /api/articles codes and stores an article; it needs a bearer token
(--token or $KHALDUN_TOKEN) and is disabled without one. Reads are open on a
loopback address and need the token elsewhere, unless
--require-token-for-reads=false. SIGINT or SIGTERM stops the server after the
requests in flight.`,
		Example: `  khaldun serve --db news.db
  KHALDUN_TOKEN=$(openssl rand -hex 16) khaldun serve --addr :8080 --db news.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dbPath = dbOrDefault(dbPath)
			if token == "" {
				token = os.Getenv("KHALDUN_TOKEN")
			}
			if !cmd.Flags().Changed("require-token-for-reads") {
				requireReads = !khttp.Loopback(addr)
			}
			if requireReads && token == "" {
				return errors.New("reads need a token on a non-loopback address: set --token or $KHALDUN_TOKEN, or --require-token-for-reads=false")
			}
			return serve(cmd.Context(), serveJob{addr: addr, db: dbPath, token: token, requireReads: requireReads,
				cacheBytes: cacheBytes, dicts: &dicts, stderr: os.Stderr})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.StringVar(&dbPath, "db", "", dbHelp)
	fl.StringVar(&token, "token", "", "bearer token for writes, and for reads when required (default $KHALDUN_TOKEN)")
	fl.BoolVar(&requireReads, "require-token-for-reads", false, "reads need the token too (default: when --addr is not loopback)")
	// Negative turns the answer cache off: what the latency of a first
	// request, or of any request while an ingest commits, is measured with.
	fl.Int64Var(&cacheBytes, "cache-bytes", 0, "bytes of read answers kept until the database changes (0: 32 MiB, negative: no cache)")
	dicts.register(fl)
	return cmd
}

type serveJob struct {
	addr, db, token string
	requireReads    bool
	cacheBytes      int64
	dicts           *dictFlags
	stderr          io.Writer
}

func serve(ctx context.Context, job serveJob) error {
	store, err := openStore(ctx, job.db)
	if err != nil {
		return err
	}
	defer store.Close()
	s := &khttp.Server{Store: store, Token: job.token, RequireTokenForReads: job.requireReads, Version: version,
		CacheBytes: job.cacheBytes, ErrorLog: log.New(job.stderr, "", log.LstdFlags)}
	if job.token != "" {
		// Loading the dictionaries and models takes a while; a read-only
		// server does without them.
		if s.Pipeline, err = job.dicts.pipeline(true, false); err != nil {
			return err
		}
		if s.Dictionary, err = dictionaryVersion(job.dicts); err != nil {
			return err
		}
	}
	l, err := net.Listen("tcp", job.addr)
	if err != nil {
		return err
	}
	writes := "writes disabled (no token)"
	if job.token != "" {
		writes = "writes need the token"
	}
	reads := "reads open"
	if job.requireReads {
		reads = "reads need the token"
	}
	fmt.Fprintf(job.stderr, "khaldun: serving %s on http://%s/api/ (%s, %s)\n", shownDB(job.db), l.Addr(), reads, writes)
	if web.Built() {
		fmt.Fprintf(job.stderr, "khaldun: dashboard at http://%s/\n", l.Addr())
	} else {
		fmt.Fprintln(job.stderr, "khaldun: this binary has no dashboard; build it with: make build")
	}
	err = s.ServeWith(ctx, l, s.WithPage(web.Handler()))
	fmt.Fprintln(job.stderr, "khaldun: server stopped")
	return err
}
