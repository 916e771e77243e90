package export

import (
	"bytes"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// TestParquetLogicalTypes reads every table's Parquet export back through
// parquet-go's reader and checks each column's name, logical type and
// optionality against the table's declaration, and the row count.
func TestParquetLogicalTypes(t *testing.T) {
	s := fill(t)
	want := map[Kind]string{Int: "INT(64,true)", Float: "DOUBLE", Date: "DATE", String: "STRING"}
	for _, tc := range []struct {
		table string
		cols  []Column
		rows  int64
	}{
		{"events", eventColumns, 3},
		{"mentions", mentionColumns, 4},
		{"quotes", quoteColumns, 1},
		{"counts", countColumns, 1},
	} {
		t.Run(tc.table, func(t *testing.T) {
			out, n := export(t, s, Options{Format: "parquet", Table: tc.table})
			f, err := parquet.OpenFile(bytes.NewReader([]byte(out)), int64(len(out)))
			if err != nil {
				t.Fatal(err)
			}
			if f.NumRows() != tc.rows || n != tc.rows {
				t.Errorf("%d rows in the file, %d written, want %d", f.NumRows(), n, tc.rows)
			}
			fields := f.Schema().Fields()
			if len(fields) != len(tc.cols) {
				t.Fatalf("%d columns, want %d", len(fields), len(tc.cols))
			}
			for i, c := range tc.cols {
				fl := fields[i]
				if fl.Name() != c.Name || fl.Type().String() != want[c.Kind] || fl.Optional() != (c.Nullable || c.Kind == Date) {
					t.Errorf("column %d: %s %s optional=%v, want %s %s optional=%v", i, fl.Name(), fl.Type(),
						fl.Optional(), c.Name, want[c.Kind], c.Nullable || c.Kind == Date)
				}
			}
			// Every value must read back; a page the reader cannot decode
			// fails here, not in the user's tool.
			rows := make([]parquet.Row, tc.rows+1)
			r := parquet.NewReader(f)
			defer r.Close()
			k, _ := r.ReadRows(rows)
			if int64(k) != tc.rows {
				t.Errorf("read %d rows, want %d", k, tc.rows)
			}
		})
	}
}
