package http

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	nethttp "net/http"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/khaldun/khaldun"
)

func TestExport(t *testing.T) {
	sp := loadSpec(t)
	_, ts := testServer(t, nil)
	tests := []struct {
		name, query string
		status      int
		mime, file  string
		rows        int // data lines (CSV without its header), -1 not checked
		cols        int // fields per line of TSV or CSV, 0 not checked
		want        []string
	}{
		{"gdelt events", "format=gdelt", 200, "text/tab-separated-values", "khaldun-events.tsv", 8, 61, nil},
		{"gdelt filtered", "format=gdelt&actor=BOR&side=target", 200, "text/tab-separated-values", "khaldun-events.tsv", 4, 61, nil},
		{"gdelt since alias", "format=gdelt&since=2024-03-05&until=2024-03-31", 200, "text/tab-separated-values", "khaldun-events.tsv", 3, 61, nil},
		{"gdelt mentions", "format=gdelt-mentions", 200, "text/tab-separated-values", "khaldun-mentions.tsv", 9, 16, nil},
		{"gdelt table mentions", "format=gdelt&table=mentions&root=04", 200, "text/tab-separated-values", "khaldun-mentions.tsv", 2, 16, nil},
		{"csv events", "format=csv&place=geneva", 200, "text/csv", "khaldun-events.csv", 1, 32, []string{"global_event_id,id,date", "Geneva"}},
		{"csv no match keeps header", "format=csv&actor=ZZZ", 200, "text/csv", "khaldun-events.csv", 0, 32, nil},
		{"jsonl quotes", "format=jsonl&table=quotes&actor=BOR", 200, "application/x-ndjson", "khaldun-quotes.jsonl", 1, 0, []string{"No deal today"}},
		{"jsonl counts by date", "format=jsonl&table=counts&from=2024-04-01", 200, "application/x-ndjson", "khaldun-counts.jsonl", 1, 0, []string{"arrested"}},
		{"text query", "format=jsonl&q=envoys", 200, "application/x-ndjson", "khaldun-events.jsonl", 1, 0, []string{`"code":"040"`}},
		{"parquet", "format=parquet&quad_class=3", 200, "application/vnd.apache.parquet", "khaldun-events.parquet", -1, 0, nil},

		{"no format", "actor=BOR", 400, "", "", -1, 0, []string{"format"}},
		{"bad format", "format=xlsx", 400, "", "", -1, 0, []string{"format"}},
		{"since and from", "format=csv&since=2024-01-01&from=2024-01-01", 400, "", "", -1, 0, []string{"since"}},
		{"since after until", "format=csv&since=2024-05-01&until=2024-04-01", 400, "", "", -1, 0, nil},
		{"gdelt quotes", "format=gdelt&table=quotes", 400, "", "", -1, 0, []string{"GDELT"}},
		{"gdelt-mentions of events", "format=gdelt-mentions&table=events", 400, "", "", -1, 0, nil},
		{"event filter on quotes", "format=csv&table=quotes&root=04", 400, "", "", -1, 0, []string{"quotes"}},
		{"actor on counts", "format=csv&table=counts&actor=BOR", 400, "", "", -1, 0, nil},
		{"unknown param", "format=csv&limit=5", 400, "", "", -1, 0, []string{"limit"}},
		// The store refuses this filter before its first row: the answer
		// is still a JSON error, not a half-sent file.
		{"store refuses", "format=csv&q=%2B%2B", 400, "", "", -1, 0, []string{"no words"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := nethttp.Get(ts.URL + "/api/export?" + tt.query)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			for _, w := range tt.want {
				if !bytes.Contains(body, []byte(w)) {
					t.Errorf("body lacks %q: %s", w, body)
				}
			}
			if tt.status != 200 {
				sp.checkResponse(t, "GET", "/api/export", tt.status, body)
				return
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.mime) {
				t.Errorf("Content-Type %q, want %s", ct, tt.mime)
			}
			if cd, want := resp.Header.Get("Content-Disposition"), `attachment; filename="`+tt.file+`"`; cd != want {
				t.Errorf("Content-Disposition %q, want %q", cd, want)
			}
			if tt.mime == "application/vnd.apache.parquet" {
				checkParquet(t, body, 3)
				return
			}
			lines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
			if len(body) == 0 {
				lines = nil
			}
			sep := map[bool]string{true: "\t", false: ","}[strings.HasPrefix(tt.mime, "text/tab")]
			if tt.cols > 0 {
				for i, l := range lines {
					// Fixture texts hold no commas in the exported fields.
					if n := len(strings.Split(l, sep)); n != tt.cols {
						t.Errorf("line %d: %d fields, want %d: %q", i+1, n, tt.cols, l)
					}
				}
			}
			if tt.mime == "text/csv" {
				lines = lines[1:]
			}
			if tt.rows >= 0 && len(lines) != tt.rows {
				t.Errorf("%d rows, want %d:\n%s", len(lines), tt.rows, body)
			}
		})
	}
}

func checkParquet(t *testing.T, b []byte, rows int64) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("parquet: %v", err)
	}
	if f.NumRows() != rows {
		t.Errorf("parquet: %d rows, want %d", f.NumRows(), rows)
	}
	if fl := f.Schema().Fields(); len(fl) == 0 || fl[0].Name() != "global_event_id" {
		t.Errorf("parquet: first column %v", fl)
	}
}

func TestExportHead(t *testing.T) {
	_, ts := testServer(t, nil)
	resp, err := nethttp.Head(ts.URL + "/api/export?format=parquet&table=mentions")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/vnd.apache.parquet" ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "khaldun-mentions.parquet") {
		t.Errorf("HEAD: %d %v", resp.StatusCode, resp.Header)
	}
}

// failingExporter is the fixture store whose event export breaks after
// its rows have begun to go out, as a disk error or a lost lock would.
type failingExporter struct {
	Store
	ex    khaldun.Exporter
	after int
}

func (f failingExporter) ExportEvents(ctx context.Context, flt khaldun.EventFilter) iter.Seq2[*khaldun.ExportEvent, error] {
	return func(yield func(*khaldun.ExportEvent, error) bool) {
		n := 0
		for e, err := range f.ex.ExportEvents(ctx, flt) {
			if err != nil || !yield(e, nil) {
				return
			}
			if n++; n == f.after {
				yield(nil, errors.New("disk on fire"))
				return
			}
		}
	}
}

func (f failingExporter) ExportMentions(ctx context.Context, flt khaldun.EventFilter) iter.Seq2[*khaldun.ExportMention, error] {
	return f.ex.ExportMentions(ctx, flt)
}

func (f failingExporter) ExportQuotes(ctx context.Context, flt khaldun.AnnotationFilter) iter.Seq2[*khaldun.ExportQuote, error] {
	return f.ex.ExportQuotes(ctx, flt)
}

func (f failingExporter) ExportCounts(ctx context.Context, flt khaldun.AnnotationFilter) iter.Seq2[*khaldun.ExportCount, error] {
	return f.ex.ExportCounts(ctx, flt)
}

// TestExportCutOnLateError checks that a failure after the first bytes
// cuts the connection: a client must not take the part for the whole.
// Enough rows are exported to overflow the handler's buffer first.
func TestExportCutOnLateError(t *testing.T) {
	var logged bytes.Buffer
	s, ts := testServer(t, nil)
	s.ErrorLog.SetOutput(&logged)
	st := testStore(t)
	ctx := context.Background()
	// Long URLs make each row big, so a few hundred overflow the
	// 64 KiB buffer.
	for i := range 400 {
		c := fixtureDoc(i % len(fixtureTexts))
		c.Doc.Article.ID = fmt.Sprintf("bulk-%d", i)
		c.Doc.Article.URL = fmt.Sprintf("https://news.example/bulk/%d/%s", i, strings.Repeat("x", 300))
		for j := range c.Doc.Events {
			c.Doc.Events[j].Date = time.Date(2023, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
		if _, err := st.Save(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	s.Store = failingExporter{Store: st, ex: st, after: 300}
	resp, err := nethttp.Get(ts.URL + "/api/export?format=gdelt")
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || err == nil {
		t.Errorf("status %d, read error %v: want 200 and a cut body", resp.StatusCode, err)
	}
	if !strings.Contains(logged.String(), "disk on fire") {
		t.Errorf("error not logged: %q", logged.String())
	}
}

// heldExporter is the fixture store whose event exports wait for release
// after starting, as exports to slow clients stay open.
type heldExporter struct {
	failingExporter
	started chan struct{}
	release chan struct{}
}

func (h heldExporter) ExportEvents(ctx context.Context, flt khaldun.EventFilter) iter.Seq2[*khaldun.ExportEvent, error] {
	return func(yield func(*khaldun.ExportEvent, error) bool) {
		h.started <- struct{}{}
		<-h.release
		for e, err := range h.ex.ExportEvents(ctx, flt) {
			if !yield(e, err) {
				return
			}
		}
	}
}

func TestExportLimit(t *testing.T) {
	s, ts := testServer(t, nil)
	st := s.Store
	h := heldExporter{failingExporter{Store: st, ex: st.(khaldun.Exporter)}, make(chan struct{}), make(chan struct{})}
	s.Store = h
	get := func() (*nethttp.Response, error) { return nethttp.Get(ts.URL + "/api/export?format=csv") }
	done := make(chan int, maxExports)
	for range maxExports {
		go func() {
			resp, err := get()
			if err != nil {
				done <- 0
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			done <- resp.StatusCode
		}()
		<-h.started
	}
	resp, err := get()
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" {
		t.Errorf("export beyond the limit: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	close(h.release)
	for range maxExports {
		if code := <-done; code != 200 {
			t.Errorf("held export: status %d", code)
		}
	}
	go func() { <-h.started }() // the next export starts and is released at once
	if resp, err := get(); err != nil || resp.StatusCode != 200 {
		t.Errorf("export after the others ended: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}
