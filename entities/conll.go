package entities

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/khaldun/khaldun"
)

// Sentence is a gold sentence of a CoNLL-2003 style file: its words and
// their names as word ranges.
type Sentence struct {
	Words []string
	Names []Name
	Line  int // of the first word in the file
}

// Name is a gold name: Type is one of Types, Start and End a half-open
// range of word indices.
type Name struct {
	Type       string
	Start, End int
}

// ReadCoNLL reads the CoNLL-2003 format: "-DOCSTART-" lines, one word a
// line with the name tag in the last column, a blank line between
// sentences. Both IOB1 and IOB2 read correctly with the conlleval rule: B-X
// always starts a name and I-X continues one of type X or else starts it.
// Tags "PER" become "PERSON". Errors name the file and line.
func ReadCoNLL(name string, r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	prevType := ""
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur, prevType = Sentence{}, ""
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			flush()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want a word and a tag, got %q", name, ln, sc.Text())
		}
		if len(cur.Words) == 0 {
			cur.Line = ln
		}
		i := len(cur.Words)
		cur.Words = append(cur.Words, f[0])
		tag := f[len(f)-1]
		if tag == "O" {
			prevType = ""
			continue
		}
		bio, typ, ok := strings.Cut(tag, "-")
		k, known := typeIndex(typ)
		if !ok || !known || bio != "B" && bio != "I" {
			return nil, fmt.Errorf("%s:%d: unknown tag %q", name, ln, tag)
		}
		typ = Types[k]
		if n := len(cur.Names); bio == "I" && prevType == typ && n > 0 && cur.Names[n-1].End == i {
			cur.Names[n-1].End = i + 1
		} else {
			cur.Names = append(cur.Names, Name{Type: typ, Start: i, End: i + 1})
		}
		prevType = typ
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

// ReadCoNLLFile reads a CoNLL-2003 file.
func ReadCoNLLFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer f.Close()
	return ReadCoNLL(path, f)
}

// Text joins the words with single spaces, the way the sentence is given
// to the pipeline, and returns the byte span of each word.
func (s Sentence) Text() (string, []khaldun.Span) {
	spans := make([]khaldun.Span, len(s.Words))
	var b strings.Builder
	for i, w := range s.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		spans[i] = khaldun.Span{Start: b.Len(), End: b.Len() + len(w)}
		b.WriteString(w)
	}
	return b.String(), spans
}

// wordRange is the range of words a byte span overlaps; ok is false when
// it overlaps none.
func wordRange(words []khaldun.Span, s khaldun.Span) (start, end int, ok bool) {
	start = -1
	for i, w := range words {
		if w.Start < s.End && s.Start < w.End {
			if start < 0 {
				start = i
			}
			end = i + 1
		}
	}
	return start, end, start >= 0
}
