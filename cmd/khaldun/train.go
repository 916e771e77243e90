package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun/entities"
	"github.com/khaldun/khaldun/pos"
)

func trainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train the models khaldun ships",
	}
	var train, dev, out string
	posCmd := &cobra.Command{
		Use:   "pos",
		Short: "Train the part-of-speech tagger and lemmatiser on a UD treebank",
		Long: `Train the averaged-perceptron tagger and lemmatiser on the Universal
Dependencies English Web Treebank (CoNLL-U), print its accuracy on the dev
set and write the model file. Training is deterministic: the same treebank
gives the same file, which is how pos/model/en.bin.gz was made.`,
		Example: `  khaldun train pos --train ../shared/data/ud/en_ewt-ud-train.conllu \
    --dev ../shared/data/ud/en_ewt-ud-dev.conllu --out pos/model/en.bin.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return pos.TrainFiles(cmd.Context(), train, dev, out, os.Stderr)
		},
	}
	fl := posCmd.Flags()
	fl.StringVar(&train, "train", sharedPath("data/ud/en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	fl.StringVar(&dev, "dev", sharedPath("data/ud/en_ewt-ud-dev.conllu"), "dev treebank for the accuracy report (CoNLL-U)")
	fl.StringVar(&out, "out", "pos/model/en.bin.gz", "model file to write")
	cmd.AddCommand(posCmd, nerCmd())
	return cmd
}

func nerCmd() *cobra.Command {
	var train, dev, out string
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity recogniser on CoNLL-2003",
		Long: `Train the averaged-perceptron entity tagger on CoNLL-2003 English (tokens
re-tokenised and tagged by khaldun's own text layer, with gazetteer features
from the embedded dictionaries), print its span F1 on the dev set and write
the model file. Deterministic for the same data and dictionaries: retrain
after editing lexicon/data.`,
		Example: `  khaldun train ner --train ../shared/data/ner/conll2003/train.txt \
    --dev ../shared/data/ner/conll2003/dev.txt --out entities/model/en.bin.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return entities.TrainFiles(cmd.Context(), train, dev, out, os.Stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&train, "train", sharedPath("data/ner/conll2003/train.txt"), "training set (CoNLL-2003)")
	fl.StringVar(&dev, "dev", sharedPath("data/ner/conll2003/dev.txt"), "dev set for the F1 report (CoNLL-2003)")
	fl.StringVar(&out, "out", "entities/model/en.bin.gz", "model file to write")
	return cmd
}
