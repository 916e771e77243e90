package export

import (
	"strconv"
	"strings"
)

// Kind is the type of a column, chosen so that each format has a faithful
// type for it: pandas, R, DuckDB and BigQuery read Int as 64-bit integers,
// Float as doubles and Date as a date (Parquet's DATE logical type; ISO
// YYYY-MM-DD text in CSV and JSON Lines).
type Kind uint8

const (
	String Kind = iota
	Int
	Float
	Date
)

// Column is one field of an exported table. Nullable columns are null
// (empty in CSV and TSV, null in JSON and Parquet) when the value is
// missing; a Date column is always nullable because undated events and
// articles exist.
type Column struct {
	Name     string
	Kind     Kind
	Nullable bool
}

// Cell is one value of a row, by value so that filling a row allocates
// nothing; which field is read depends on the column's Kind (Date in S).
type Cell struct {
	S    string
	I    int64
	F    float64
	Null bool
}

func str(s string) Cell    { return Cell{S: s} }
func num(i int64) Cell     { return Cell{I: i} }
func flt(f float64) Cell   { return Cell{F: f} }
func date(s string) Cell   { return Cell{S: s, Null: s == ""} }
func optStr(s string) Cell { return Cell{S: s, Null: s == ""} }

var null = Cell{Null: true}

func optFloat(f *float64) Cell {
	if f == nil {
		return null
	}
	return flt(*f)
}

// text renders a cell as CSV, TSV and GDELT want it: empty for null,
// shortest round-tripping decimal for floats.
func text(c Cell, k Kind) string {
	if c.Null {
		return ""
	}
	switch k {
	case Int:
		return strconv.FormatInt(c.I, 10)
	case Float:
		// A whole number keeps its ".0": CSV readers (DuckDB, pandas with
		// inference, BigQuery autodetect) type a column by its values, and
		// a Goldstein column of -2, 0 and -10 would otherwise become integers.
		s := strconv.FormatFloat(c.F, 'f', -1, 64)
		if !strings.ContainsAny(s, ".IN") {
			s += ".0"
		}
		return s
	}
	return c.S
}

// table is how one kind of record becomes rows.
type table[T any] struct {
	columns []Column
	fill    func(*T, []Cell)
}

func names(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// compact turns "YYYY-MM-DD" into GDELT's YYYYMMDD, and an RFC 3339 time
// into YYYYMMDDHHMMSS.
func compact(s string) string {
	s, _, _ = strings.Cut(s, "Z")
	return strings.NewReplacer("-", "", ":", "", "T", "").Replace(s)
}
