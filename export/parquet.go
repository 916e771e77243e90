package export

import (
	"fmt"
	"io"
	"reflect"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// rowGroupRows bounds a row group: the writer buffers a whole group before
// writing it, so this is what bounds memory, while groups stay large
// enough for readers to skip and scan efficiently (DuckDB parallelises per
// group).
const rowGroupRows = 64 * 1024

// ordered is a schema root whose columns keep the table's order:
// parquet.Group sorts its fields by name, which would scatter a table's
// columns in a file its readers browse by position.
type ordered struct {
	parquet.Group
	fields []parquet.Field
}

func (o ordered) Fields() []parquet.Field { return o.fields }
func (o ordered) GoType() reflect.Type    { return reflect.TypeFor[map[string]any]() }

type named struct {
	parquet.Node
	name string
}

func (n named) Name() string                      { return n.name }
func (n named) Value(reflect.Value) reflect.Value { return reflect.Value{} }

// codec compresses every column of every Parquet export. A zstd.Codec pools
// its encoders, and each encoder keeps a history buffer of twice the zstd
// window (16 MiB at the default 8 MiB window) once it compresses a page
// over 128 KiB: a codec per column held one encoder per column, 34 of them
// for the mentions table, whatever the row group. Shared, a writer holds
// one, since it compresses its pages one at a time, and concurrent exports
// one each. sync.Pool makes the sharing safe.
var codec = &zstd.Codec{Level: zstd.SpeedDefault}

func parquetSchema(name string, cols []Column) *parquet.Schema {
	root := ordered{Group: parquet.Group{}}
	for _, c := range cols {
		var n parquet.Node
		switch c.Kind {
		case Int:
			n = parquet.Int(64)
		case Float:
			n = parquet.Leaf(parquet.DoubleType)
		case Date:
			n = parquet.Date()
		default:
			n = parquet.String()
		}
		if c.Nullable || c.Kind == Date {
			n = parquet.Optional(n)
		}
		root.fields = append(root.fields, named{parquet.Compressed(n, codec), c.Name})
	}
	return parquet.NewSchema(name, root)
}

// batchRows are handed to the library at once: it ends a page at the end
// of each WriteRows call, and the page statistics it keeps for the footer
// grew to gigabytes over millions of one-row pages.
const batchRows = 1024

// parquetWriter writes rows as Parquet, one row group per rowGroupRows.
type parquetWriter struct {
	w     *parquet.GenericWriter[any]
	cols  []Column
	batch []parquet.Row
	n     int
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func newParquet(w io.Writer, table string, cols []Column) (p *parquetWriter, err error) {
	defer recoverTo(&err)
	schema := parquetSchema(table, cols)
	return &parquetWriter{
		w:     parquet.NewGenericWriter[any](w, schema, parquet.MaxRowsPerRowGroup(rowGroupRows)),
		cols:  cols,
		batch: make([]parquet.Row, 0, batchRows),
	}, nil
}

func (p *parquetWriter) Write(cells []Cell) (err error) {
	defer recoverTo(&err)
	k := len(p.batch)
	p.batch = p.batch[:k+1]
	if p.batch[k] == nil {
		p.batch[k] = make(parquet.Row, len(p.cols))
	}
	row := p.batch[k]
	for i, c := range p.cols {
		def := 0
		if c.Nullable || c.Kind == Date {
			def = 1
		}
		v, ok := parquetValue(cells[i], c.Kind)
		if !ok {
			row[i] = parquet.Value{}.Level(0, 0, i)
			continue
		}
		row[i] = v.Level(0, def, i)
	}
	if len(p.batch) < batchRows {
		return nil
	}
	return p.flush()
}

// flush hands the batch to the library and ends the row group when it is
// full, so that the bound holds whatever the library's buffer defaults.
func (p *parquetWriter) flush() error {
	if len(p.batch) == 0 {
		return nil
	}
	if _, err := p.w.WriteRows(p.batch); err != nil {
		return err
	}
	before := p.n
	p.n += len(p.batch)
	p.batch = p.batch[:0]
	if p.n/rowGroupRows != before/rowGroupRows {
		return p.w.Flush()
	}
	return nil
}

// parquetValue converts a cell; ok is false for a null, including a date
// that is not YYYY-MM-DD.
func parquetValue(c Cell, k Kind) (parquet.Value, bool) {
	if c.Null {
		return parquet.Value{}, false
	}
	switch k {
	case Int:
		return parquet.Int64Value(c.I), true
	case Float:
		return parquet.DoubleValue(c.F), true
	case Date:
		d, err := time.Parse(time.DateOnly, c.S)
		if err != nil {
			return parquet.Value{}, false
		}
		return parquet.Int32Value(int32(d.Sub(epoch).Hours() / 24)), true
	}
	return parquet.ByteArrayValue([]byte(c.S)), true
}

func (p *parquetWriter) Close() (err error) {
	defer recoverTo(&err)
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

// recoverTo turns a panic of the Parquet library into an error: an export
// must fail cleanly on a value it did not foresee, not take the process down.
func recoverTo(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("parquet: %v", r)
	}
}
