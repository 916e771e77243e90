package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// rowWriter writes rows of one table; Close flushes but does not close the
// underlying writer, which the caller owns.
type rowWriter interface {
	Write(row []Cell) error
	Close() error
}

// csvWriter writes RFC 4180 CSV with a header line.
type csvWriter struct {
	w    *csv.Writer
	cols []Column
	rec  []string
}

func newCSV(w io.Writer, cols []Column) (*csvWriter, error) {
	c := &csvWriter{w: csv.NewWriter(w), cols: cols, rec: make([]string, len(cols))}
	return c, c.w.Write(names(cols))
}

func (c *csvWriter) Write(row []Cell) error {
	for i, col := range c.cols {
		c.rec[i] = text(row[i], col.Kind)
	}
	return c.w.Write(c.rec)
}

func (c *csvWriter) Close() error { c.w.Flush(); return c.w.Error() }

// tsvWriter writes GDELT's format: fields joined by tabs, no header, no
// quoting. GDELT has no escape either, so a tab or line break inside a
// value (a title, an actor's text) becomes a space rather than a new field.
type tsvWriter struct {
	w    *bufio.Writer
	cols []Column
}

var tsvClean = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func (t *tsvWriter) Write(row []Cell) error {
	for i, col := range t.cols {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		s := text(row[i], col.Kind)
		if col.Kind == String {
			s = tsvClean.Replace(s)
		}
		t.w.WriteString(s)
	}
	return t.w.WriteByte('\n')
}

func (t *tsvWriter) Close() error { return t.w.Flush() }

// jsonlWriter writes one JSON object a line, keys in column order, nulls
// as null. Dates stay "YYYY-MM-DD" strings, which every JSON reader keeps.
type jsonlWriter struct {
	w    *bufio.Writer
	cols []Column
	keys [][]byte
	buf  []byte
}

func newJSONL(w io.Writer, cols []Column) *jsonlWriter {
	j := &jsonlWriter{w: bufio.NewWriter(w), cols: cols}
	for i, c := range cols {
		k, _ := json.Marshal(c.Name)
		sep := ","
		if i == 0 {
			sep = "{"
		}
		j.keys = append(j.keys, append([]byte(sep), append(k, ':')...))
	}
	return j
}

func (j *jsonlWriter) Write(row []Cell) error {
	b := j.buf[:0]
	for i, col := range j.cols {
		b = append(b, j.keys[i]...)
		c := row[i]
		switch {
		case c.Null:
			b = append(b, "null"...)
		case col.Kind == Int:
			b = strconv.AppendInt(b, c.I, 10)
		case col.Kind == Float:
			b = appendFloat(b, c.F)
		default:
			s, err := json.Marshal(c.S)
			if err != nil {
				return err
			}
			b = append(b, s...)
		}
	}
	if len(j.cols) == 0 {
		b = append(b, '{')
	}
	b = append(b, "}\n"...)
	j.buf = b
	_, err := j.w.Write(b)
	return err
}

// appendFloat writes NaN and infinities, which JSON cannot hold, as null.
func appendFloat(b []byte, f float64) []byte {
	if f != f || f > 1e308 || f < -1e308 {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

func (j *jsonlWriter) Close() error { return j.w.Flush() }

func bufioWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }
