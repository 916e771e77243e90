package pos

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a CoNLL-U sentence: the unit the treebank
// tags. Multiword tokens ("don't" = "do" + "n't") are represented only by
// their parts because khaldun's tokenizer splits clitics the same way.
type Word struct {
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	// Head and Rel are the basic dependency (HEAD, DEPREL), which the
	// parser learns from: Head is 0 for the root, else the 1-based index
	// of the head word, and -1 when the file gives none ("_"); Rel is ""
	// when the file gives none.
	Head int
	Rel  string
}

// Sentence is a CoNLL-U sentence reduced to what the tagger learns from.
type Sentence struct {
	ID    string // the sent_id comment, "" when absent
	Line  int    // the line its first row is on, for errors found later
	Words []Word
}

// ReadCoNLLUFile reads a CoNLL-U file; errors name the file and line.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	return ReadCoNLLU(f, path)
}

// ReadCoNLLU reads CoNLL-U from r. name is used in error messages only.
// Comments, multiword token ranges (1-2) and empty nodes (8.1) are skipped;
// word ids must run 1, 2, 3... within a sentence so that a truncated or
// shuffled file is reported instead of silently producing wrong contexts.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		out    []Sentence
		cur    Sentence
		lineNo int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			flush()
			continue
		}
		if cur.Line == 0 {
			cur.Line = lineNo
		}
		if line[0] == '#' {
			if v, ok := strings.CutPrefix(line, "# sent_id ="); ok {
				cur.ID = strings.TrimSpace(v)
			}
			continue
		}
		w, skip, err := parseWordLine(line, len(cur.Words)+1)
		if err != nil {
			return nil, fmt.Errorf("conllu %s:%d: %w", name, lineNo, err)
		}
		if !skip {
			cur.Words = append(cur.Words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu %s:%d: %w", name, lineNo+1, err)
	}
	flush()
	return out, nil
}

var errColumns = errors.New("want 10 tab-separated columns")

// parseWordLine parses a token line; skip is true for ranges and empty
// nodes, which carry no tag of their own.
func parseWordLine(line string, wantID int) (w Word, skip bool, err error) {
	var cols [10]string
	rest := line
	for i := range 9 {
		var ok bool
		cols[i], rest, ok = strings.Cut(rest, "\t")
		if !ok {
			return Word{}, false, fmt.Errorf("%w, got %d", errColumns, i+1)
		}
	}
	if strings.Contains(rest, "\t") {
		return Word{}, false, fmt.Errorf("%w, got more", errColumns)
	}
	cols[9] = rest
	id := cols[0]
	if strings.ContainsAny(id, "-.") {
		if !validRangeID(id) {
			return Word{}, false, fmt.Errorf("bad id %q", id)
		}
		return Word{}, true, nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != wantID {
		return Word{}, false, fmt.Errorf("id %q, want %d", id, wantID)
	}
	if cols[1] == "" {
		return Word{}, false, errors.New("empty form")
	}
	w = Word{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Head: -1}
	if h, err := strconv.Atoi(cols[6]); err == nil && h >= 0 {
		w.Head = h
	}
	if cols[7] != "_" {
		w.Rel = cols[7]
	}
	return w, false, nil
}

// validRangeID accepts "3-4" and "8.1".
func validRangeID(id string) bool {
	a, b, ok := strings.Cut(id, "-")
	if !ok {
		a, b, ok = strings.Cut(id, ".")
	}
	if !ok {
		return false
	}
	_, e1 := strconv.Atoi(a)
	_, e2 := strconv.Atoi(b)
	return e1 == nil && e2 == nil
}
