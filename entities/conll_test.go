package entities

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	sents, err := ReadCoNLLFile("testdata/tiny.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 4 {
		t.Fatalf("%d sentences, want 4", len(sents))
	}
	s := sents[2]
	want := []Name{{"ORG", 1, 4}, {"PERSON", 5, 7}, {"LOC", 8, 9}}
	if !slices.Equal(s.Names, want) || s.Line != 21 {
		t.Errorf("sentence 3: names %v line %d, want %v line 21", s.Names, s.Line, want)
	}
	text, spans := s.Text()
	if !strings.HasPrefix(text, "The Delmar Freight Union met") || text[spans[1].Start:spans[1].End] != "Delmar" {
		t.Errorf("text %q spans %v", text, spans)
	}
	// IOB1: I- opens a name, B- separates two names of one type.
	iob1 := "Ana NNP I-NP I-PER\nLee NNP I-NP I-PER\nBo NNP I-NP B-PER\nof IN O O\nUtra NNP I-NP I-LOC\n"
	sents, err = ReadCoNLL("iob1", strings.NewReader(iob1))
	if err != nil {
		t.Fatal(err)
	}
	want = []Name{{"PERSON", 0, 2}, {"PERSON", 2, 3}, {"LOC", 4, 5}}
	if len(sents) != 1 || !slices.Equal(sents[0].Names, want) {
		t.Errorf("IOB1: %+v, want names %v", sents, want)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	for in, want := range map[string]string{
		"Ana NNP B-NP B-PER\nlone\n":        "bad:2: want a word and a tag",
		"Ana NNP B-NP B-CITY\n":             `bad:1: unknown tag "B-CITY"`,
		"Ana NNP B-NP X-PER\n":              `bad:1: unknown tag "X-PER"`,
		"Ana " + strings.Repeat("x", 2<<20): "bad: bufio.Scanner: token too long",
	} {
		_, err := ReadCoNLL("bad", strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.30q: error %v, want %q", in, err, want)
		}
	}
	if _, err := ReadCoNLLFile("testdata/none.txt"); err == nil || !strings.Contains(err.Error(), "none.txt") {
		t.Errorf("missing file: %v", err)
	}
}

func FuzzReadCoNLL(f *testing.F) {
	b, err := os.ReadFile("testdata/tiny.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("A x I-PER\nB x B-PER\n\n-DOCSTART-\nC I-MISC\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sents, err := ReadCoNLL("fuzz", strings.NewReader(string(data)))
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, n := range s.Names {
				if n.Start < 0 || n.End > len(s.Words) || n.Start >= n.End {
					t.Fatalf("name %v over %d words", n, len(s.Words))
				}
				if _, ok := typeIndex(n.Type); !ok {
					t.Fatalf("type %q", n.Type)
				}
			}
		}
	})
}
