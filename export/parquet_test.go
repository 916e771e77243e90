package export

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestParquetReadBack(t *testing.T) {
	s := fill(t)
	out, n := export(t, s, Options{Format: "parquet", Table: "events"})
	f, err := parquet.OpenFile(bytes.NewReader([]byte(out)), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	fields := f.Schema().Fields()
	if len(fields) != len(eventColumns) {
		t.Fatalf("%d columns", len(fields))
	}
	for i, c := range eventColumns {
		fl := fields[i]
		typ := fl.Type().String()
		want := map[Kind]string{Int: "INT(64,true)", Float: "DOUBLE", Date: "DATE", String: "STRING"}[c.Kind]
		if fl.Name() != c.Name || typ != want || fl.Optional() != (c.Nullable || c.Kind == Date) {
			t.Errorf("column %d: %s %s optional=%v, want %s %s", i, fl.Name(), typ, fl.Optional(), c.Name, want)
		}
	}
	if f.NumRows() != n || n != 3 {
		t.Fatalf("%d rows, wrote %d", f.NumRows(), n)
	}
	r := parquet.NewReader(f)
	rows := make([]parquet.Row, 3)
	if k, err := r.ReadRows(rows); k != 3 || (err != nil && err != io.EOF) {
		t.Fatalf("read %d rows: %v", k, err)
	}
	col := func(name string) int {
		for i, c := range eventColumns {
			if c.Name == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	first, last := rows[0], rows[2]
	if first[col("global_event_id")].Int64() != 1 || first[col("goldstein")].Double() != -2 ||
		first[col("source_code")].String() != "FRAGOV" || first[col("num_mentions")].Int64() != 2 {
		t.Errorf("first row %v", first)
	}
	// DATE is days since 1970-01-01: 2024-03-05 is day 19787.
	if d := first[col("date")]; d.Int32() != 19787 {
		t.Errorf("date %v, want day 19787", d)
	}
	if !last[col("target_code")].IsNull() || !last[col("avg_tone")].IsNull() || !last[col("lat")].IsNull() {
		t.Errorf("missing values are not null: %v", last)
	}
}

// TestDuckDB reads the Parquet and CSV exports with DuckDB, a reader that
// shares no code with the writer. It needs node and the pinned package:
// (cd export/testdata/duckdb && npm ci).
func TestDuckDB(t *testing.T) {
	dir, _ := filepath.Abs("testdata/duckdb")
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@duckdb", "node-api")); err != nil {
		t.Skip("run npm ci in export/testdata/duckdb to enable")
	}
	s := fill(t)
	tmp := t.TempDir()
	for _, x := range []struct{ format, table, file string }{
		{"parquet", "events", "events.parquet"}, {"parquet", "mentions", "mentions.parquet"},
		{"csv", "events", "events.csv"}, {"gdelt", "events", "events.tsv"},
	} {
		out, _ := export(t, s, Options{Format: x.format, Table: x.table})
		if err := os.WriteFile(filepath.Join(tmp, x.file), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("node", filepath.Join(dir, "read.mjs"), tmp)
	cmd.Dir = dir
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, got)
	}
	want := strings.Join([]string{
		"events.parquet: 3 rows; global_event_id BIGINT, date DATE, goldstein DOUBLE, target_code VARCHAR",
		"events.parquet: 1 2024-03-05 -2 DEU | 3 2024-03-20 0 null",
		"mentions.parquet: 4 rows; sum(num) 4",
		"events.csv: 3 rows; global_event_id BIGINT, date DATE, goldstein DOUBLE, target_code VARCHAR",
		"events.tsv: 3 rows, 61 columns; column60 (DATEADDED) BIGINT",
	}, "\n")
	if strings.TrimSpace(string(got)) != want {
		t.Errorf("duckdb says\n%s\nwant\n%s", got, want)
	}
}

// TestParquetSharedCodec guards what bounds a Parquet export's memory
// without the minutes of TestLargeExportMemory: a codec per column pools an
// encoder, with its 16 MiB history, per column.
func TestParquetSharedCodec(t *testing.T) {
	for _, f := range parquetSchema("mentions", mentionColumns).Fields() {
		if f.Compression() != codec {
			t.Errorf("column %s compresses with its own %v", f.Name(), f.Compression())
		}
	}
}
