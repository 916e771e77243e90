package main

import (
	"os"

	"github.com/spf13/cobra"

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
	cmd.AddCommand(posCmd)
	return cmd
}
