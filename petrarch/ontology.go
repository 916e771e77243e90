package petrarch

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Negations maps an event code to the code its negation takes ("did not
// criticise" → the code of cooperating), as a UD-PETRARCH coding ontology
// defines them. A code without an entry has no coded negation.
type Negations map[string]string

// negationOffset is what UD-PETRARCH's ontology (PICO) adds to a value to
// write its contrary: "110:0xFFFF+0x0080" makes disapproval the negation
// of the cooperation 0x0080 (050), and "121:-0xFFFF+0x0070" rejection
// that of material cooperation (060).
const negationOffset = 0xFFFF

// LoadOntology reads a UD-PETRARCH internal coding ontology ("PICO" file)
// and returns the negation it implies for each code: the code whose value
// is the code's value minus 0xFFFF. Lines are "CODE:EXPR#comment", EXPR a
// sum of hexadecimal terms ("-0xFFFF+0x2040+0x300"); the "#" sections
// after the first are notes. A bad line is a *LineError and is skipped.
//
// Entries carrying the ontology's "+0x300" mask are refusals that, by the
// file's own note, are kept from coding as anything else, so they are
// never the negation of a code.
func LoadOntology(r io.Reader, name string) (Negations, error) {
	c := &collector{file: name}
	value := map[string]int{}
	byValue := map[int]string{}
	var order []string
	for _, ln := range readLines(r, c) {
		code, expr, ok := strings.Cut(ln.text, ":")
		code = strings.TrimSpace(code)
		if ok && code == "---" {
			continue // the null code: nothing to negate
		}
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			c.add(ln.no, "ontology line is not CODE:VALUE: %q", ln.text)
			continue
		}
		v, masked, err := ontologyValue(expr)
		if err != nil {
			c.add(ln.no, "code %s: %v", code, err)
			continue
		}
		if _, dup := value[code]; dup {
			c.add(ln.no, "code %s defined twice", code)
			continue
		}
		value[code] = v
		order = append(order, code)
		if _, seen := byValue[v]; !seen && !masked {
			byValue[v] = code // the first code listed with a value names it
		}
	}
	neg := Negations{}
	for _, code := range order {
		if n, ok := byValue[value[code]-negationOffset]; ok {
			neg[code] = n
		}
	}
	return neg, c.err()
}

// ontologyValue evaluates "0x1000-0xFFFF" and reports the "+0x300" mask.
// readLines already cut the line at its first "#".
func ontologyValue(expr string) (v int, masked bool, err error) {
	s := strings.ReplaceAll(strings.TrimSpace(expr), " ", "")
	if s == "" {
		return 0, false, fmt.Errorf("empty value")
	}
	for s != "" {
		sign := 1
		switch s[0] {
		case '-':
			sign, s = -1, s[1:]
		case '+':
			s = s[1:]
		}
		end := strings.IndexAny(s, "+-")
		if end < 0 {
			end = len(s)
		}
		term := s[:end]
		s = s[end:]
		n, perr := strconv.ParseInt(strings.TrimPrefix(strings.ToLower(term), "0x"), 16, 64)
		if perr != nil || !strings.HasPrefix(strings.ToLower(term), "0x") {
			return 0, false, fmt.Errorf("bad term %q in %q", term, expr)
		}
		if n == 0x300 && sign > 0 {
			masked = true
		}
		v += sign * int(n)
	}
	return v, masked, nil
}

// LoadOntologyFile reads the ontology at path.
func LoadOntologyFile(path string) (Negations, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("petrarch: %w", err)
	}
	defer f.Close()
	return LoadOntology(f, filepath.Base(path))
}
