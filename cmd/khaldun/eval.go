package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/eval"
	"github.com/khaldun/khaldun/petrarch"
)

// defaultGold is where each suite's gold set lies in the shared sets.
var defaultGold = map[string]string{
	"petrarch":         "data/events/petrarch2/data/text/PETR.UnitTest.records.xml",
	"plover":           "data/events/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt",
	"conflibert-class": "data/events/conflibert/cameo_class/train.tsv",
	"conflibert-spans": "data/events/conflibert/cameo_ner/train.txt",
	"timeml":           "data/time/TBAQ-cleaned",
	"extract":          "data/extract/trafilatura-en",
	"geo":              "data/geo/GWN.xml",
	"conll":            "data/ner/conll2003/dev.txt",
	"polnear":          "data/quotes/polnear/dev",
	"policeevents":     "data/events/india_police_events/data/final/sents.jsonl",
	"ecbplus":          "corpora/ecbplus/DERIVED-ecbplus-docs.jsonl.gz",
}

func evalCmd() *cobra.Command {
	var (
		opt     eval.Options
		asJSON  bool
		dicts   dictFlags
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "eval SUITE --gold PATH",
		Short: "Score khaldun against a public gold standard",
		Long: `Eval codes every item of a gold set through the full pipeline and scores
the result. Suites: ` + strings.Join(eval.Suites(), ", ") + `.

Event suites report precision, recall and F1 at three levels — exact
(source, target, code), headline (first 3 characters of each actor code and
the 2-digit root) and root only — micro-averaged over per-sentence multisets
of triples, compound actors expanded to one triple each; false_on_null is the
share of no-event sentences given an event. --json prints one object:
{"suite", "gold", "n", "metrics"}.`,
		Example: `  khaldun eval petrarch --gold ../shared/data/events/petrarch2/data/text/PETR.UnitTest.records.xml \
    --petrarch-actors ../shared/data/events/petrarch2/data/dictionaries/PETR.Validate.actors.txt ...
  khaldun eval conflibert-class --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			suite := args[0]
			if opt.Gold == "" {
				rel, ok := defaultGold[suite]
				if !ok {
					return fmt.Errorf("eval %s: --gold is required", suite)
				}
				opt.Gold = sharedPath(rel)
			}
			if suite == "petrarch" && !dicts.petrarch() {
				// The PETRARCH records are written for the dictionaries
				// beside them; coding them with other dictionaries measures
				// nothing. Use those unless the user chose.
				dicts.opt.Petrarch = petrarchValidation(opt.Gold)
			}
			// ecbplus saves what it codes into a store, which needs the
			// analysed text.
			p, err := dicts.pipeline(suite == "ecbplus", true)
			if err != nil {
				return err
			}
			if verbose {
				opt.Progress = os.Stderr
			}
			rep, err := eval.Run(cmd.Context(), suite, opt, coderFunc(p.Process))
			if err != nil {
				return err
			}
			if asJSON {
				b, err := json.Marshal(rep)
				if err != nil {
					return err
				}
				fmt.Println(string(b))
				return nil
			}
			return rep.WriteText(os.Stdout)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opt.Gold, "gold", "", "gold file (default: the suite's set under $KHALDUN_SHARED or ../shared)")
	fl.StringVar(&opt.PloverTable, "plover-table", "", "CAMEO→PLOVER table for the plover suite (default: beside the gold set)")
	fl.IntVar(&opt.Limit, "limit", 0, "score only the first N items (0: all)")
	fl.IntVar(&opt.Workers, "workers", 0, "sentences coded in parallel (0: one per core)")
	fl.BoolVar(&asJSON, "json", false, "print one machine-readable JSON object")
	fl.BoolVarP(&verbose, "verbose", "v", false, "report progress on standard error")
	dicts.register(fl)
	return cmd
}

// coderFunc adapts a pipeline to the eval.Coder interface.
type coderFunc func(context.Context, khaldun.Input) (*khaldun.Document, error)

func (f coderFunc) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	return f(ctx, in)
}

// petrarchValidation finds the dictionaries a records file was written for:
// those its <Environment> block names (beside it or in ../dictionaries), else
// the PETR.Validate.* files in ../dictionaries, as the PETRARCH repository
// lays out.
func petrarchValidation(gold string) petrarch.Files {
	if fs, ok := petrarch.Environment(gold); ok {
		return fs
	}
	dir := filepath.Join(filepath.Dir(gold), "..", "dictionaries")
	p := func(k string) []string { return []string{filepath.Join(dir, "PETR.Validate."+k+".txt")} }
	return petrarch.Files{Actors: p("actors"), Agents: p("agents"), Verbs: p("verbs"), Discards: p("discards")}
}
