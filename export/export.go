// Package export writes what a khaldun store holds as files for analysis
// tools: GDELT 2.0 Events and Mentions TSV (gdelt.go, gdelt_mentions.go
// document the column mapping), and khaldun's own events, mentions,
// quotes and counts tables (tables.go) as CSV, JSON Lines or Parquet.
//
// Rows stream from a khaldun.Exporter to the writer one at a time, so
// memory does not grow with the store; Parquet buffers one row group.
package export

import (
	"context"
	"fmt"
	"io"
	"iter"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/gazetteer"
)

// Formats and Tables are the accepted Options values.
var (
	Formats = []string{"gdelt", "gdelt-mentions", "csv", "jsonl", "parquet"}
	Tables  = []string{"events", "mentions", "quotes", "counts"}
)

// Options choose what to export. Format "gdelt" writes the events table
// (or the mentions table, the same as "gdelt-mentions"); GDELT has no
// quotes or counts. Events filters events and mentions, Annotations quotes
// and counts.
type Options struct {
	Format      string
	Table       string // "" is events, or mentions for gdelt-mentions
	Events      khaldun.EventFilter
	Annotations khaldun.AnnotationFilter
	// Gazetteer spells out GDELT's ActionGeo_FullName; nil keeps codes.
	Gazetteer *gazetteer.Gazetteer
}

// Write exports one table to w and returns the number of rows written.
func Write(ctx context.Context, ex khaldun.Exporter, w io.Writer, o Options) (int64, error) {
	if o.Table == "" {
		o.Table = "events"
		if o.Format == "gdelt-mentions" {
			o.Table = "mentions"
		}
	}
	gdelt := o.Format == "gdelt" || o.Format == "gdelt-mentions"
	switch {
	case o.Format == "gdelt-mentions" && o.Table != "mentions":
		return 0, fmt.Errorf("format gdelt-mentions writes the mentions table, not %s", o.Table)
	case gdelt && o.Table == "events":
		return run(ctx, ex.ExportEvents(ctx, o.Events), gdeltEvents(o.Gazetteer), w, o.Format, o.Table)
	case gdelt && o.Table == "mentions":
		return run(ctx, ex.ExportMentions(ctx, o.Events), table[khaldun.ExportMention]{gdeltMentionColumns, fillGDELTMention}, w, o.Format, o.Table)
	case gdelt:
		return 0, fmt.Errorf("GDELT has no %s table: use csv, jsonl or parquet", o.Table)
	}
	switch o.Table {
	case "events":
		return run(ctx, ex.ExportEvents(ctx, o.Events), table[khaldun.ExportEvent]{eventColumns, fillEvent}, w, o.Format, o.Table)
	case "mentions":
		return run(ctx, ex.ExportMentions(ctx, o.Events), table[khaldun.ExportMention]{mentionColumns, fillMention}, w, o.Format, o.Table)
	case "quotes":
		return run(ctx, ex.ExportQuotes(ctx, o.Annotations), table[khaldun.ExportQuote]{quoteColumns, fillQuote}, w, o.Format, o.Table)
	case "counts":
		return run(ctx, ex.ExportCounts(ctx, o.Annotations), table[khaldun.ExportCount]{countColumns, fillCount}, w, o.Format, o.Table)
	}
	return 0, fmt.Errorf("unknown table %q (want one of %v)", o.Table, Tables)
}

func newWriter(w io.Writer, format, name string, cols []Column) (rowWriter, error) {
	switch format {
	case "gdelt", "gdelt-mentions":
		return &tsvWriter{w: bufioWriter(w), cols: cols}, nil
	case "csv":
		return newCSV(w, cols)
	case "jsonl":
		return newJSONL(w, cols), nil
	case "parquet":
		return newParquet(w, name, cols)
	}
	return nil, fmt.Errorf("unknown format %q (want one of %v)", format, Formats)
}

// run streams rows from seq through t into a writer of the format. The
// header (CSV) or file metadata (Parquet) is written even when no row
// matches, so that an empty export is still a valid file with its columns.
func run[T any](ctx context.Context, seq iter.Seq2[*T, error], t table[T], w io.Writer, format, name string) (int64, error) {
	out, err := newWriter(w, format, name, t.columns)
	if err != nil {
		return 0, err
	}
	row := make([]Cell, len(t.columns))
	var n int64
	for v, err := range seq {
		if err != nil {
			return n, err
		}
		// The store checks the context too, but only between its reads;
		// a slow writer (a pipe, a network disk) is checked here.
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
		t.fill(v, row)
		if err := out.Write(row); err != nil {
			return n, fmt.Errorf("export %s: %w", name, err)
		}
		n++
	}
	if err := out.Close(); err != nil {
		return n, fmt.Errorf("export %s: %w", name, err)
	}
	return n, nil
}
