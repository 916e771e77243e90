package pos

import (
	"strings"
	"testing"
)

func TestReadCoNLLUFixture(t *testing.T) {
	sents, err := ReadCoNLLUFile("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	tests := []struct {
		sent, word        int
		form, lemma, xpos string
	}{
		{0, 2, "did", "do", "VBD"}, // range line 3-4 skipped, parts kept
		{0, 3, "n't", "not", "RB"},
		{1, 5, "talked", "talk", "VBD"}, // empty node 5.1 skipped
		{2, 3, "children", "child", "NNS"},
	}
	for _, tc := range tests {
		w := sents[tc.sent].Words[tc.word]
		if w.Form != tc.form || w.Lemma != tc.lemma || w.XPOS != tc.xpos {
			t.Errorf("sentence %d word %d = %+v, want %s/%s/%s", tc.sent, tc.word, w, tc.form, tc.lemma, tc.xpos)
		}
	}
	if got := sents[0].ID; got != "tiny-1" {
		t.Errorf("sent_id = %q", got)
	}
	if n := len(sents[1].Words); n != 7 {
		t.Errorf("sentence 2 has %d words, want 7", n)
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"few columns", "1\tThe\tthe\n", "x.conllu:1: want 10 tab-separated columns, got 3"},
		{"many columns", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\textra\n", "x.conllu:1: want 10"},
		{"bad id", "# c\nx\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", `x.conllu:2: id "x", want 1`},
		{"gap", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", `x.conllu:2: id "3", want 2`},
		{"bad range", "1-x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", `x.conllu:1: bad id "1-x"`},
		{"empty form", "1\t\ta\tX\tX\t_\t0\troot\t_\t_\n", "x.conllu:1: empty form"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tc.in), "x.conllu")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestReadCoNLLUCRLFAndNoFinalBlank(t *testing.T) {
	in := "# sent_id = a\r\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n\r\n1\tYo\tyo\tINTJ\tUH\t_\t0\troot\t_\t_"
	sents, err := ReadCoNLLU(strings.NewReader(in), "crlf")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || sents[0].ID != "a" || sents[1].Words[0].Form != "Yo" {
		t.Errorf("got %+v", sents)
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add("1\tThe\tthe\tDET\tDT\t_\t0\troot\t_\t_\n\n")
	f.Add("# text = x\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n1.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n")
	f.Add("\n\n#\n1\t\t\t\t\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU(strings.NewReader(in), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "conllu fuzz:") {
				t.Errorf("error without file:line: %v", err)
			}
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 {
				t.Error("empty sentence returned")
			}
			for _, w := range s.Words {
				if w.Form == "" {
					t.Error("empty form returned")
				}
			}
		}
	})
}
