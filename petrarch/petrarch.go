// Package petrarch reads PETRARCH and TABARI dictionary files (actors,
// agents, verbs, discards) into a dict.Dictionary.
//
// The loaders never stop at a bad line: each malformed line becomes a
// *LineError naming file and line, the rest of the file is still read, and
// the loader returns every error joined. Dictionaries maintained by hand for
// decades have a few broken lines; losing the whole file to one of them
// would be worse than skipping it.
package petrarch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/khaldun/khaldun/dict"
)

// LineError is a malformed line.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// line is a dictionary line with comments removed.
type line struct {
	no       int
	text     string // trimmed, comments removed
	indented bool   // began with white space: a continuation line
}

// collector accumulates errors for one file.
type collector struct {
	file string
	errs []error
}

func (c *collector) add(no int, format string, a ...any) {
	c.errs = append(c.errs, &LineError{File: c.file, Line: no, Msg: fmt.Sprintf(format, a...)})
}

func (c *collector) err() error { return errors.Join(c.errs...) }

// readLines returns the non-blank lines of r with "#" and "<!-- -->"
// comments removed. XML-style comments may span lines; a line starting
// "<!" is a comment even when malformed ("<! -- ... -->"), as PETRARCH
// treats it.
func readLines(r io.Reader, c *collector) []line {
	br := bufio.NewReader(r)
	var out []line
	inComment := false
	for no := 1; ; no++ {
		s, err := br.ReadString('\n')
		if s == "" && err != nil {
			if err != io.EOF {
				c.add(no, "read: %v", err)
			}
			return out
		}
		if no == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		s = strings.TrimRight(s, "\r\n")
		if inComment {
			if i := strings.Index(s, "-->"); i >= 0 {
				inComment = false
				s = s[i+3:]
			} else {
				continue
			}
		}
		t := strings.TrimSpace(s)
		if strings.HasPrefix(t, "<!") {
			if !strings.Contains(t, "-->") && !strings.HasSuffix(t, ">") {
				inComment = true
			}
			continue
		}
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		indented := len(s) > 0 && (s[0] == ' ' || s[0] == '\t')
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		out = append(out, line{no: no, text: s, indented: indented})
	}
}

// Kind names a dictionary file type.
type Kind string

const (
	Actors   Kind = "actors"
	Agents   Kind = "agents"
	Verbs    Kind = "verbs"
	Discards Kind = "discards"
)

// Load reads r as a dictionary of the given kind into d. name is the file
// name recorded in each entry's Source and in errors.
func Load(d *dict.Dictionary, kind Kind, r io.Reader, name string) error {
	switch kind {
	case Actors:
		return LoadActors(d, r, name)
	case Agents:
		return LoadAgents(d, r, name)
	case Verbs:
		return LoadVerbs(d, r, name)
	case Discards:
		return LoadDiscards(d, r, name)
	}
	return fmt.Errorf("petrarch: unknown dictionary kind %q", kind)
}

// LoadFile reads the file at path; entries record its base name.
func LoadFile(d *dict.Dictionary, kind Kind, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("petrarch: %w", err)
	}
	defer f.Close()
	return Load(d, kind, f, filepath.Base(path))
}

// Files lists the dictionary files of a configuration.
type Files struct {
	Actors, Agents, Verbs, Discards []string
	// Ontology lists UD-PETRARCH coding ontologies (<PICOfile>), read
	// with LoadOntologyFile for the negations they define; LoadFiles
	// leaves them to the caller, as they are not dictionary entries.
	Ontology []string
}

// LoadFiles reads every file into a new dictionary. A file that cannot be
// opened is an error like a bad line: the others are still read.
func LoadFiles(fs Files) (*dict.Dictionary, error) {
	d := dict.New()
	var errs []error
	for _, g := range []struct {
		kind  Kind
		paths []string
	}{{Verbs, fs.Verbs}, {Actors, fs.Actors}, {Agents, fs.Agents}, {Discards, fs.Discards}} {
		for _, p := range g.paths {
			if err := LoadFile(d, g.kind, p); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return d, errors.Join(errs...)
}

// Validation returns the PETRARCH validation-suite dictionaries in dir
// (PETR.Validate.*.txt), which the PETRARCH unit-test records are coded with.
func Validation(dir string) Files {
	p := func(k string) []string { return []string{filepath.Join(dir, "PETR.Validate."+k+".txt")} }
	return Files{Actors: p("actors"), Agents: p("agents"), Verbs: p("verbs"), Discards: p("discards")}
}

// Phoenix returns the operational Phoenix/CAMEO dictionaries in dir, the
// set PETRARCH-2's default configuration uses.
func Phoenix(dir string) Files {
	j := func(n string) string { return filepath.Join(dir, n) }
	return Files{
		Actors: []string{
			j("Phoenix.Countries.actors.txt"),
			j("Phoenix.International.actors.txt"),
			j("Phoenix.MilNonState.actors.txt"),
		},
		Agents:   []string{j("Phoenix.agents.txt")},
		Verbs:    []string{j("CAMEO.2.0.txt")},
		Discards: []string{j("Phoenix.discards.txt")},
	}
}

// brackets splits s into the text before the first "[" and the contents of
// each "[...]" group. ok is false when a bracket is unbalanced.
func brackets(s string) (head string, groups []string, rest string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			return s, nil, "", false
		}
		return s, nil, "", true
	}
	head = s[:i]
	s = s[i:]
	for {
		s = strings.TrimSpace(s)
		if !strings.HasPrefix(s, "[") {
			return head, groups, s, !strings.ContainsAny(s, "[]")
		}
		j := strings.IndexByte(s, ']')
		if j < 0 || strings.IndexByte(s[1:j], '[') >= 0 {
			return head, groups, s, false
		}
		groups = append(groups, strings.TrimSpace(s[1:j]))
		s = s[j+1:]
	}
}
