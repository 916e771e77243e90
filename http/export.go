package http

import (
	"bufio"
	"errors"
	"fmt"
	nethttp "net/http"
	"slices"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/export"
	"github.com/khaldun/khaldun/gazetteer"
)

// exportParams are the event filters of /api/events, since and until (the
// names `khaldun export` uses for from and to), and what to write.
var exportParams = append(slices.Clone(filterParams), "since", "until", "format", "table")

// exportTypes are the media types and file extensions of the formats.
var exportTypes = map[string]struct{ mime, ext string }{
	"csv":            {"text/csv; charset=utf-8", "csv"},
	"jsonl":          {"application/x-ndjson", "jsonl"},
	"parquet":        {"application/vnd.apache.parquet", "parquet"},
	"gdelt":          {"text/tab-separated-values; charset=utf-8", "tsv"},
	"gdelt-mentions": {"text/tab-separated-values; charset=utf-8", "tsv"},
}

// maxExports bounds the exports running at once. Each holds one of the
// store's few read connections for as long as the client downloads; more
// would leave the API's other routes waiting for a connection.
const maxExports = 2

// exportBuffer is how much of an export is held before the first byte goes
// out: an error the store reports before its first row (a filter it cannot
// apply) still becomes a JSON error with its status.
const exportBuffer = 64 << 10

// export streams a whole table as a file, with the filters of /api/events.
// The rows come from the store in one pass, so memory stays constant
// whatever the size of the answer.
func (s *Server) export(w nethttp.ResponseWriter, r *nethttp.Request) error {
	ex, ok := s.Store.(khaldun.Exporter)
	if !ok {
		return errorf(nethttp.StatusNotImplemented, "unsupported", "this store cannot export")
	}
	o, err := exportOptions(newQuery(r))
	if err != nil {
		return err
	}
	if o.Format == "gdelt" && o.Table == "events" {
		// Loaded on the first GDELT export only: most servers never need it.
		if o.Gazetteer, err = gazetteer.Default(); err != nil {
			return err
		}
	}
	if r.Method != "HEAD" {
		s.exportOnce.Do(func() { s.exportSlots = make(chan struct{}, maxExports) })
		select {
		case s.exportSlots <- struct{}{}:
			defer func() { <-s.exportSlots }()
		default:
			w.Header().Set("Retry-After", "10")
			return errorf(nethttp.StatusTooManyRequests, "busy", "%d exports are running; retry when one ends", maxExports)
		}
	}
	typ := exportTypes[o.Format]
	name := fmt.Sprintf("khaldun-%s.%s", o.Table, typ.ext)
	lw := &lazyWriter{w: w, rc: nethttp.NewResponseController(w), header: func(h nethttp.Header) {
		h.Set("Content-Type", typ.mime)
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
		h.Set("Cache-Control", "no-store")
	}}
	if r.Method == "HEAD" {
		lw.writeHeader()
		return nil
	}
	bw := bufio.NewWriterSize(lw, exportBuffer)
	_, err = export.Write(r.Context(), ex, bw, o)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		if !lw.started { // an empty table in a format with no header
			lw.writeHeader()
		}
		return nil
	}
	if !lw.started {
		return err // nothing sent yet: the client gets a JSON error
	}
	// Part of the file is out under a 200 status. Ending the response
	// normally would pass a truncated file for a whole one; aborting the
	// connection makes the client see a failed download.
	s.logf("khaldun: %s %s: export stopped after the response began: %v", r.Method, r.URL.Path, err)
	panic(nethttp.ErrAbortHandler)
}

// exportOptions reads and checks the parameters of an export.
func exportOptions(q *query) (export.Options, error) {
	f := q.filter()
	for _, alias := range []struct{ name, of string }{{"since", "from"}, {"until", "to"}} {
		v := q.date(alias.name)
		if v != "" && q.v.Get(alias.of) != "" {
			q.fail(alias.name, "give %s or %s, not both", alias.name, alias.of)
		}
		if v != "" && alias.of == "from" {
			f.From = v
		} else if v != "" {
			f.To = v
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		q.fail("since", "%s is after %s", f.From, f.To)
	}
	o := export.Options{Format: q.choice("format", export.Formats...), Table: q.choice("table", export.Tables...)}
	if o.Format == "" {
		q.fail("format", "required: one of %v", export.Formats)
	}
	if q.err != nil {
		return o, q.err
	}
	if o.Table == "" {
		o.Table = "events"
		if o.Format == "gdelt-mentions" {
			o.Table = "mentions"
		}
	}
	switch {
	case o.Format == "gdelt-mentions" && o.Table != "mentions":
		return o, badRequest("table: format gdelt-mentions writes the mentions table, not %s", o.Table)
	case o.Format == "gdelt" && o.Table != "events" && o.Table != "mentions":
		return o, badRequest("table: GDELT has no %s table; use csv, jsonl or parquet", o.Table)
	}
	o.Events = f
	if o.Table == "quotes" || o.Table == "counts" {
		// Quotes and counts are selected by their article's publication
		// date (and a quote by its speaker), not by event fields.
		g := f
		g.From, g.To, g.Actor = "", "", ""
		if g != (khaldun.EventFilter{}) {
			return o, badRequest("table: %s take only from/since, to/until and actor", o.Table)
		}
		if o.Table == "counts" && f.Actor != "" {
			return o, badRequest("actor: counts have no actor")
		}
		o.Annotations = khaldun.AnnotationFilter{From: f.From, To: f.To, Actor: f.Actor}
	}
	return o, nil
}

// lazyWriter sends the export's headers with its first bytes, so that an
// error before them can still be answered as JSON, and moves the write
// deadline on with each write: an export may outlast the server's write
// timeout as long as the client keeps reading.
type lazyWriter struct {
	w       nethttp.ResponseWriter
	rc      *nethttp.ResponseController
	header  func(nethttp.Header)
	started bool
}

func (l *lazyWriter) writeHeader() {
	l.header(l.w.Header())
	l.w.WriteHeader(nethttp.StatusOK)
	l.started = true
}

func (l *lazyWriter) Write(p []byte) (int, error) {
	if !l.started {
		l.writeHeader()
	}
	// Not every ResponseWriter supports deadlines (httptest's recorder
	// does not); the server's timeout then stands.
	if err := l.rc.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil && !errors.Is(err, nethttp.ErrNotSupported) {
		return 0, err
	}
	return l.w.Write(p)
}
