package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Entry is one line of a dictionary file.
type Entry struct {
	File   string
	Line   int
	Fields []string
}

// Pos names the entry's place, for errors and for the rule an event cites.
func (e Entry) Pos() string { return fmt.Sprintf("%s:%d", e.File, e.Line) }

// Spec says what a file's lines must look like.
type Spec struct {
	// Min and Max bound the number of TAB-separated fields.
	Min, Max int
	// Check validates one entry's fields; nil accepts anything.
	Check func(fields []string) error
}

// Parse reads a dictionary file. It reads to the end even after a bad line
// so a user sees every mistake at once; the returned error joins them, each
// naming file and line. Good entries are returned either way.
func Parse(name string, r io.Reader, spec Spec) ([]Entry, error) {
	var (
		entries []Entry
		errs    []error
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimRight(text, " \t\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		e := Entry{File: name, Line: line, Fields: fields}
		if err := check(fields, spec); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", e.Pos(), err))
			continue
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, line+1, err))
	}
	return entries, errors.Join(errs...)
}

func check(fields []string, spec Spec) error {
	if len(fields) < spec.Min || (spec.Max > 0 && len(fields) > spec.Max) {
		return fmt.Errorf("%d fields, want %d to %d (TAB-separated)", len(fields), spec.Min, spec.Max)
	}
	for i, f := range fields {
		if f != strings.TrimSpace(f) || (i == 0 && f == "") {
			return fmt.Errorf("field %d %q: stray space or empty", i+1, f)
		}
		if strings.Contains(f, "  ") {
			return fmt.Errorf("field %d %q: double space", i+1, f)
		}
	}
	if spec.Check != nil {
		return spec.Check(fields)
	}
	return nil
}
