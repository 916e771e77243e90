package parse

import (
	"strings"
	"testing"
)

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLUFile("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 {
		t.Fatalf("%d sentences, want 3", len(sents))
	}
	if got := sents[1].Words[0]; got != (Word{Form: "Talks", Lemma: "talk", UPOS: "NOUN", XPOS: "NNS", Head: 3, Rel: "nsubj:pass"}) {
		t.Errorf("word: %+v", got)
	}
	// The range and the empty node are skipped, the parts kept.
	if got := len(sents[2].Words); got != 3 || sents[2].ID != "inv-3" {
		t.Errorf("sentence 3: %d words, id %q", got, sents[2].ID)
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	line := func(id, head, rel string) string {
		return id + "\tw\tw\tX\tX\t_\t" + head + "\t" + rel + "\t_\t_\n"
	}
	tests := []struct{ name, in, want string }{
		{"columns", "1\tw\tw\n", "columns"},
		{"id order", line("2", "0", "root"), `id "2"`},
		{"head", line("1", "x", "root"), "bad head"},
		{"deprel", line("1", "0", "_"), "deprel"},
		{"range", line("1", "0", "root") + line("2", "7", "dep"), "beyond"},
		{"two roots", line("1", "0", "root") + line("2", "0", "root"), "2 roots"},
		{"cycle", line("1", "2", "dep") + line("2", "1", "dep") + line("3", "0", "root"), "cycle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tt.in), "x.conllu")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "x.conllu:") {
				t.Errorf("got %v, want an error with %q and the file", err, tt.want)
			}
		})
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add("1\tw\tw\tX\tX\t_\t0\troot\t_\t_\n\n")
	f.Add("# sent_id = a\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tb\tb\tX\tX\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range sents {
			if err := checkTree(s.Words); err != nil {
				t.Fatalf("accepted a bad tree: %v", err)
			}
		}
	})
}
