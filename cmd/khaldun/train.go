package main

import (
	"context"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun/entities"
	"github.com/khaldun/khaldun/parse"
	"github.com/khaldun/khaldun/pos"
)

func trainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train the models khaldun ships",
	}
	cmd.AddCommand(
		modelCmd(model{
			name:  "pos",
			short: "Train the part-of-speech tagger and lemmatiser on a UD treebank",
			long: `Train the averaged-perceptron tagger and lemmatiser on the Universal
Dependencies English Web Treebank (CoNLL-U), print its accuracy on the dev
set and write the model file. Training is deterministic: the same treebank
gives the same file, which is how pos/model/en.bin.gz was made.`,
			train: "data/ud/en_ewt-ud-train.conllu",
			dev:   "data/ud/en_ewt-ud-dev.conllu",
			out:   "pos/model/en.bin.gz",
			run:   pos.TrainFiles,
		}),
		modelCmd(model{
			name:  "ner",
			short: "Train the named-entity recogniser on CoNLL-2003",
			long: `Train the averaged-perceptron entity tagger on CoNLL-2003 English (tokens
re-tokenised and tagged by khaldun's own text layer, with gazetteer features
from the embedded dictionaries), print its span F1 on the dev set and write
the model file. Deterministic for the same data and dictionaries: retrain
after editing lexicon/data.`,
			train: "data/ner/conll2003/train.txt",
			dev:   "data/ner/conll2003/dev.txt",
			out:   "entities/model/en.bin.gz",
			run:   entities.TrainFiles,
		}),
		modelCmd(model{
			name:  "parse",
			short: "Train the dependency parser on a UD treebank",
			long: `Train the arc-eager dependency parser on the UD English Web Treebank, with
the training set tagged 4-fold by taggers trained on the other folds (so the
parser learns from tags as good as it will see), print dev UAS/LAS and write
the model file. Deterministic; about ten minutes on two cores.`,
			train: "data/ud/en_ewt-ud-train.conllu",
			dev:   "data/ud/en_ewt-ud-dev.conllu",
			out:   "parse/model/en.bin.gz",
			run:   parse.TrainFiles,
		}),
	)
	return cmd
}

// model describes a shipped model and the function that trains it; every
// model trains from a train and a dev file of the shared sets into one file.
type model struct {
	name, short, long string
	train, dev, out   string // train and dev relative to the shared sets
	run               func(ctx context.Context, train, dev, out string, log io.Writer) error
}

func modelCmd(m model) *cobra.Command {
	var train, dev, out string
	cmd := &cobra.Command{
		Use:     m.name,
		Short:   m.short,
		Long:    m.long,
		Example: "  khaldun train " + m.name + " --train ../shared/" + m.train + " --dev ../shared/" + m.dev + " --out " + m.out,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return m.run(cmd.Context(), train, dev, out, os.Stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&train, "train", sharedPath(m.train), "training set")
	fl.StringVar(&dev, "dev", sharedPath(m.dev), "dev set for the accuracy report")
	fl.StringVar(&out, "out", m.out, "model file to write")
	return cmd
}
