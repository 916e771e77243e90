package pos

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/perceptron"
)

// Accuracy is the result of tagging gold sentences.
type Accuracy struct {
	Tokens     int
	POSCorrect int
	// LemmaCorrect counts lemmas equal to the gold lemma lower-cased (the
	// treebank capitalises proper-noun lemmas; khaldun's are lower-case).
	LemmaCorrect int
}

// POS is the share of tokens with the gold XPOS tag.
func (a Accuracy) POS() float64 { return ratio(a.POSCorrect, a.Tokens) }

// Lemma is the share of tokens with the gold lemma.
func (a Accuracy) Lemma() float64 { return ratio(a.LemmaCorrect, a.Tokens) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate tags gold sentences from their forms alone and compares.
func (t *Tagger) Evaluate(gold []Sentence) Accuracy {
	var acc Accuracy
	var toks []khaldun.Token
	for _, s := range gold {
		toks = toks[:0]
		for _, w := range s.Words {
			toks = append(toks, khaldun.Token{Text: w.Form})
		}
		t.Tag(toks)
		for i, w := range s.Words {
			acc.Tokens++
			if toks[i].POS == w.XPOS {
				acc.POSCorrect++
			}
			if toks[i].Lemma == lowerForm(w.Lemma) {
				acc.LemmaCorrect++
			}
		}
	}
	return acc
}

// TrainFiles trains on a CoNLL-U file with the default options, reports
// accuracy on a development file to log and writes the model to outPath.
// With the same input files the output is byte-for-byte the same, which is
// what lets the README promise that it reproduces the shipped model.
func TrainFiles(ctx context.Context, trainPath, devPath, outPath string, log io.Writer) error {
	train, err := ReadCoNLLUFile(trainPath)
	if err != nil {
		return err
	}
	dev, err := ReadCoNLLUFile(devPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "train: %d sentences from %s\n", len(train), trainPath)
	start := time.Now()
	m, err := Train(ctx, train, TrainOptions{
		Progress: func(iter int, acc float64) {
			fmt.Fprintf(log, "iteration %d: %.2f%% of training tokens right\n", iter, 100*acc)
		},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "trained in %s: %d features, %d weights\n",
		time.Since(start).Round(time.Millisecond), len(m.keys), len(m.weights))

	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	// Evaluate the model as it will be loaded, so the reported accuracy is
	// that of the file and not of the in-memory model before saving.
	loaded, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return fmt.Errorf("pos: reloading the saved model: %w", err)
	}
	acc := NewTagger(loaded).Evaluate(dev)
	fmt.Fprintf(log, "dev %s: %d tokens, POS %.2f%%, lemma %.2f%%\n",
		devPath, acc.Tokens, 100*acc.POS(), 100*acc.Lemma())

	if err := perceptron.WriteFileAtomic(outPath, buf.Bytes(), ".pos-model-*"); err != nil {
		return fmt.Errorf("pos: write model: %w", err)
	}
	fmt.Fprintf(log, "wrote %s (%d bytes)\n", outPath, buf.Len())
	return nil
}
