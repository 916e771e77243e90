package parse

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a treebank sentence. pos.Word drops HEAD
// and DEPREL, which are what a parser learns from, hence this reader.
type Word struct {
	Form string
	XPOS string
	Head int // 0 = root, else 1-based index of the head word
	Rel  string
}

// Sentence is a treebank sentence with its gold tree.
type Sentence struct {
	ID    string
	Words []Word
}

// ReadCoNLLUFile reads a CoNLL-U file; errors name the file and line.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("parse: conllu: %w", err)
	}
	defer f.Close()
	return ReadCoNLLU(f, path)
}

// ReadCoNLLU reads CoNLL-U from r; name is used in error messages only.
// Multiword token ranges and empty nodes are skipped: khaldun's tokenizer
// splits clitics into syntactic words already, and empty nodes belong to
// enhanced dependencies, which this parser does not produce. A sentence
// whose heads do not form a tree is an error rather than a silent source
// of bad training instances.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		out     []Sentence
		cur     Sentence
		lineNo  int
		startNo int
	)
	flush := func() error {
		if len(cur.Words) == 0 {
			cur = Sentence{}
			return nil
		}
		if err := checkTree(cur.Words); err != nil {
			return fmt.Errorf("conllu %s:%d: sentence %q: %w", name, startNo, cur.ID, err)
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if len(cur.Words) == 0 && cur.ID == "" {
			startNo = lineNo
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
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

var errColumns = errors.New("want 10 tab-separated columns")

func parseWordLine(line string, wantID int) (w Word, skip bool, err error) {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return Word{}, false, fmt.Errorf("%w, got %d", errColumns, len(cols))
	}
	if strings.ContainsAny(cols[0], "-.") {
		return Word{}, true, nil
	}
	if n, err := strconv.Atoi(cols[0]); err != nil || n != wantID {
		return Word{}, false, fmt.Errorf("id %q, want %d", cols[0], wantID)
	}
	if cols[1] == "" {
		return Word{}, false, errors.New("empty form")
	}
	head, err := strconv.Atoi(cols[6])
	if err != nil || head < 0 {
		return Word{}, false, fmt.Errorf("bad head %q", cols[6])
	}
	if cols[7] == "" || cols[7] == "_" {
		return Word{}, false, errors.New("missing deprel")
	}
	return Word{Form: cols[1], XPOS: cols[4], Head: head, Rel: cols[7]}, false, nil
}

// checkTree reports heads out of range, cycles and a root count other than
// one: the transition system can only build single-rooted trees.
func checkTree(ws []Word) error {
	roots := 0
	for i, w := range ws {
		if w.Head > len(ws) {
			return fmt.Errorf("word %d: head %d beyond the sentence", i+1, w.Head)
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots, want 1", roots)
	}
	for i := range ws {
		// A walk to the root longer than the sentence must have looped.
		h, steps := i+1, 0
		for h != 0 {
			h = ws[h-1].Head
			if steps++; steps > len(ws) {
				return fmt.Errorf("word %d: heads form a cycle", i+1)
			}
		}
	}
	return nil
}
