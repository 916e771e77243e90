package entities

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/khaldun/khaldun/perceptron"
)

// TrainFiles trains on a CoNLL-2003 file with the default options, reports
// progress and the dev score to log, and writes the model to outPath. It
// is deterministic: the same files give the same bytes.
func TrainFiles(ctx context.Context, trainPath, devPath, outPath string, log io.Writer) error {
	train, err := ReadCoNLLFile(trainPath)
	if err != nil {
		return err
	}
	dev, err := ReadCoNLLFile(devPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "train: %d sentences from %s\n", len(train), trainPath)
	start := time.Now()
	m, err := Train(ctx, train, TrainOptions{
		Progress: func(iter int, acc float64) {
			fmt.Fprintf(log, "iteration %d: %.2f%% of training tokens right (%s)\n",
				iter, 100*acc, time.Since(start).Round(time.Second))
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
	// Score the model as it will be loaded, so the figure is that of the
	// file and not of the in-memory model before quantisation round trips.
	loaded, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return fmt.Errorf("entities: reloading the saved model: %w", err)
	}
	sc, err := loaded.Evaluate(dev)
	if err != nil {
		return err
	}
	WriteScore(log, "dev "+devPath, sc)
	if err := perceptron.WriteFileAtomic(outPath, buf.Bytes(), ".ner-model-*"); err != nil {
		return fmt.Errorf("entities: write model: %w", err)
	}
	fmt.Fprintf(log, "wrote %s (%d bytes)\n", outPath, buf.Len())
	return nil
}

// WriteScore writes the 4-type and 3-type figures and one line per type.
func WriteScore(w io.Writer, title string, sc Score) {
	p, r, f := sc.PRF()
	_, _, f3 := sc.PRF("PERSON", "ORG", "LOC")
	fmt.Fprintf(w, "%s: 4-type P %.4f R %.4f F1 %.4f; 3-type F1 %.4f\n", title, p, r, f, f3)
	for k, t := range Types {
		p, r, f := sc.PRF(t)
		fmt.Fprintf(w, "  %-6s gold %5d pred %5d  P %.4f R %.4f F1 %.4f\n", t, sc.Gold[k], sc.Pred[k], p, r, f)
	}
}
