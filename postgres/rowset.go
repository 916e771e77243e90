package postgres

import (
	"fmt"
	"strings"
)

// rowset collects the rows of one table, column by column, for a single
// INSERT ... SELECT FROM unnest(...) per table and batch: a statement has a
// fixed cost on the server (bind, executor start, triggers' setup) that a
// hundred articles of sixty rows each would pay six thousand times.
type rowset struct {
	names, types []string
	cols         [][]any
}

// newRowset takes the columns as name/type pairs: "seq bigint", ....
func newRowset(columns ...string) *rowset {
	r := &rowset{cols: make([][]any, len(columns))}
	for _, c := range columns {
		name, typ, _ := strings.Cut(c, " ")
		r.names, r.types = append(r.names, name), append(r.types, typ)
	}
	return r
}

// add appends a row, one value per column; a nil pointer or nil slice is
// NULL.
func (r *rowset) add(vals ...any) {
	for i, v := range vals {
		r.cols[i] = append(r.cols[i], v)
	}
}

func (r *rowset) len() int {
	if len(r.cols) == 0 {
		return 0
	}
	return len(r.cols[0])
}

// from is the FROM item reading the rows as alias(columns..., n), n the
// row's position, for ORDER BY n where insertion order matters (it gives
// the identity columns their order).
func (r *rowset) from(alias string) string {
	ph := make([]string, len(r.types))
	for i, t := range r.types {
		ph[i] = fmt.Sprintf("$%d::%s[]", i+1, t)
	}
	return fmt.Sprintf("unnest(%s) WITH ORDINALITY AS %s(%s, n)", strings.Join(ph, ", "), alias, strings.Join(r.names, ", "))
}

// args are the column arrays, in order.
func (r *rowset) args() []any {
	a := make([]any, len(r.cols))
	for i, c := range r.cols {
		a[i] = c
	}
	return a
}
