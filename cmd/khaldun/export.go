package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/export"
	"github.com/khaldun/khaldun/gazetteer"
	"github.com/khaldun/khaldun/postgres"
)

func exportCmd() *cobra.Command {
	var (
		dbPath, out, since, until string
		o                         export.Options
		actor, country, root      string
		code                      string
		quad                      int
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write stored events, mentions, quotes or counts as GDELT TSV, CSV, JSON Lines or Parquet",
		Long: `Export streams a table of a database made by ingest (--db, $KHALDUN_DB, or
./khaldun.db) to standard output or to -o FILE, in constant memory whatever its
size.

  --format gdelt           GDELT 2.0 Events: 61 tab-separated columns, no header
  --format gdelt-mentions  GDELT 2.0 Mentions: 16 tab-separated columns
  --format csv|jsonl|parquet  khaldun's tables with named, typed columns

GlobalEventID is the event's integer key in the database, stable for the life
of that database. The column mapping and where it departs from GDELT are in
the documentation of package export.

Filters select events (and the mentions of those events): --since and --until
on the event date, --actor (code prefix), --country (ISO alpha-3, of either
actor), --root, --code (prefix), --quad. For quotes and counts, --since and
--until apply to the article's publication date and --actor to the speaker.`,
		Example: `  khaldun export --db news.db --format gdelt --since 2024-01-01 -o events.tsv
  khaldun export --db news.db --format parquet --table mentions -o mentions.parquet`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dbPath = dbOrDefault(dbPath)
			for _, d := range []struct{ flag, v string }{{"--since", since}, {"--until", until}} {
				if _, err := time.Parse(time.DateOnly, d.v); d.v != "" && err != nil {
					return fmt.Errorf("%s %q: want YYYY-MM-DD", d.flag, d.v)
				}
			}
			if !slices.Contains(export.Formats, o.Format) {
				return fmt.Errorf("--format %q: want one of %v", o.Format, export.Formats)
			}
			if o.Table != "" && !slices.Contains(export.Tables, o.Table) {
				return fmt.Errorf("--table %q: want one of %v", o.Table, export.Tables)
			}
			if quad < 0 || quad > 4 {
				return fmt.Errorf("--quad %d: want 1-4", quad)
			}
			o.Events = khaldun.EventFilter{Actor: actor, Country: country, Root: root, Code: code,
				QuadClass: quad, From: since, To: until}
			o.Annotations = khaldun.AnnotationFilter{From: since, To: until, Actor: actor}
			if (o.Table == "quotes" || o.Table == "counts") && (country != "" || root != "" || code != "" || quad != 0) {
				return fmt.Errorf("--country, --root, --code and --quad select events; %s take --since, --until and --actor", o.Table)
			}
			return runExport(cmd.Context(), dbPath, out, o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dbPath, "db", "", dbHelp)
	fl.StringVar(&o.Format, "format", "csv", "gdelt, gdelt-mentions, csv, jsonl or parquet")
	fl.StringVar(&o.Table, "table", "", "events, mentions, quotes or counts (default events; mentions for gdelt-mentions)")
	fl.StringVarP(&out, "output", "o", "", "file to write (default standard output)")
	fl.StringVar(&since, "since", "", "first date, YYYY-MM-DD")
	fl.StringVar(&until, "until", "", "last date, YYYY-MM-DD, inclusive")
	fl.StringVar(&actor, "actor", "", "actor code prefix, e.g. IRN or USAGOV")
	fl.StringVar(&country, "country", "", "actor country, ISO 3166-1 alpha-3")
	fl.StringVar(&root, "root", "", "CAMEO root code, e.g. 19")
	fl.StringVar(&code, "code", "", "CAMEO event code prefix, e.g. 193")
	fl.IntVar(&quad, "quad", 0, "quad class, 1-4")
	return cmd
}

func runExport(ctx context.Context, dbPath, out string, o export.Options, stdout, stderr io.Writer) error {
	// Open would create a missing database; a mistyped path should fail.
	if _, err := os.Stat(dbPath); err != nil && !postgres.IsDSN(dbPath) {
		return fmt.Errorf("database: %w", err)
	}
	if o.Format == "gdelt" && o.Table != "mentions" {
		g, err := gazetteer.Default()
		if err != nil {
			return err
		}
		o.Gazetteer = g
	}
	store, err := openStore(ctx, dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	if out == "" {
		w := bufio.NewWriterSize(stdout, 64<<10)
		n, err := export.Write(ctx, store, w, o)
		if err == nil {
			err = w.Flush()
		}
		fmt.Fprintf(stderr, "%d rows\n", n)
		return err
	}
	// Write beside the target and rename at the end, so that an interrupted
	// or failed export never leaves a truncated file under the real name.
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	// CreateTemp makes the file private (0600); an export is a data file
	// like one written by the shell, readable by others as usual.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	n, err := export.Write(ctx, store, w, o)
	if err == nil {
		err = w.Flush()
	}
	if err = errors.Join(err, f.Close()); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), out); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d rows written to %s\n", n, out)
	return nil
}
