package parse

import (
	"fmt"
	"io"
	"os"

	"github.com/khaldun/khaldun/pos"
)

// Word and Sentence are pos's CoNLL-U values, which keep HEAD and DEPREL:
// one reader serves the tagger and the parser, and the parser's training
// reads the treebank once for both.
type (
	Word     = pos.Word
	Sentence = pos.Sentence
)

// ReadCoNLLUFile reads a CoNLL-U file; errors name the file and line.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("parse: conllu: %w", err)
	}
	defer f.Close()
	return ReadCoNLLU(f, path)
}

// ReadCoNLLU reads CoNLL-U from r with pos's reader (multiword ranges and
// empty nodes skipped: khaldun's tokenizer splits clitics into syntactic
// words already, and empty nodes belong to enhanced dependencies, which
// this parser does not produce) and checks that every sentence has a tree:
// one whose heads do not form one is an error rather than a silent source
// of bad training instances. name is used in error messages only.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sents, err := pos.ReadCoNLLU(r, name)
	if err != nil {
		return nil, err
	}
	for _, s := range sents {
		if err := checkTree(s.Words); err != nil {
			return nil, fmt.Errorf("conllu %s:%d: sentence %q: %w", name, s.Line, s.ID, err)
		}
	}
	return sents, nil
}

// checkTree reports heads out of range, cycles and a root count other than
// one: the transition system can only build single-rooted trees.
func checkTree(ws []Word) error {
	roots := 0
	for i, w := range ws {
		if w.Head < 0 {
			return fmt.Errorf("word %d: bad head (none given)", i+1)
		}
		if w.Rel == "" {
			return fmt.Errorf("word %d: missing deprel", i+1)
		}
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
