package petrarch

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// envTag matches one dictionary element of a records file's <Environment>
// block, e.g. <Verbfile>PETR.Validate.verbs.txt</Verbfile>.
var envTag = regexp.MustCompile(`<(Verbfile|Actorfile|Agentfile|Discardfile|PICOfile)>\s*([^<]*?)\s*</`)

// Environment reads the dictionary files a PETRARCH records file names in
// its <Environment> block and finds each one: beside the records file first
// (UniversalPetrarch's validate/ layout), then in ../dictionaries (the
// PETRARCH-2 data/text + data/dictionaries layout). A records file is coded
// with the dictionaries it was written for; others measure nothing. ok is
// false when the block names no dictionary or a named file is not found, so
// the caller can fall back to its own guess.
func Environment(records string) (fs Files, ok bool) {
	f, err := os.Open(records)
	if err != nil {
		return Files{}, false
	}
	defer f.Close()
	names := environmentNames(f)
	if len(names) == 0 {
		return Files{}, false
	}
	dir := filepath.Dir(records)
	dirs := []string{dir, filepath.Join(dir, "..", "dictionaries")}
	for tag, files := range names {
		for _, n := range files {
			p, found := locate(dirs, n)
			if !found {
				return Files{}, false
			}
			switch tag {
			case "Verbfile":
				fs.Verbs = append(fs.Verbs, p)
			case "Actorfile":
				fs.Actors = append(fs.Actors, p)
			case "Agentfile":
				fs.Agents = append(fs.Agents, p)
			case "Discardfile":
				fs.Discards = append(fs.Discards, p)
			case "PICOfile":
				fs.Ontology = append(fs.Ontology, p)
			}
		}
	}
	return fs, true
}

// environmentNames returns the file names of each dictionary tag in the
// first <Environment> block. The block sits in the file's head, so reading
// stops at its end instead of scanning thousands of records.
func environmentNames(r io.Reader) map[string][]string {
	names := map[string][]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	in := false
	for sc.Scan() {
		l := sc.Text()
		if strings.Contains(l, "<Environment") {
			in = true
		}
		if in {
			for _, m := range envTag.FindAllStringSubmatch(l, -1) {
				// A tag may list several files (PETRARCH's config allows a
				// comma-separated list); each is loaded.
				for _, n := range strings.Split(m[2], ",") {
					if n = strings.TrimSpace(n); n != "" {
						names[m[1]] = append(names[m[1]], n)
					}
				}
			}
		}
		// Comments in the head mention "<Sentence ..." in prose; only a
		// line that opens a record ends the head.
		if strings.Contains(l, "</Environment>") || strings.HasPrefix(strings.TrimSpace(l), "<Sentence ") {
			break
		}
	}
	return names
}

// locate returns the first dirs/name that exists.
func locate(dirs []string, name string) (string, bool) {
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
	}
	return "", false
}
