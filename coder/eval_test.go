// The suite tests live outside package coder: eval imports coder (for the
// per-record require_dyad switch), so an internal test importing eval
// would be an import cycle.
package coder_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/eval"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/petrarch"
	"github.com/khaldun/khaldun/pipeline"
)

// pipelineCoder codes eval inputs exactly as `khaldun eval` does: the whole
// pipeline with this coder as its only annotator.
func pipelineCoder(t testing.TB, c *coder.Coder) eval.Coder {
	p, err := pipeline.New(pipeline.Options{Annotators: []khaldun.Annotator{c}, KeepBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	return codeFunc(p.Process)
}

type codeFunc func(context.Context, khaldun.Input) (*khaldun.Document, error)

func (f codeFunc) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	return f(ctx, in)
}

// TestPetrarchSuites measures the coder on PETRARCH's unit-test records
// and UD-PETRARCH's validation records, each with the dictionaries its
// <Environment> names. Run with -v to read the full reports. The floors
// sit a little under the figures reached, so that a regression fails.
func TestPetrarchSuites(t *testing.T) {
	root := sharedtest.Dir(t)
	tests := []struct {
		name, gold        string
		minCoded, maxXtra float64
	}{
		// reached: 90.57 / 8.00 and 87.58 / 10.83
		{"petrarch2", "data/events/petrarch2/data/text/PETR.UnitTest.records.xml", 90.3, 8.5},
		{"ud-petrarch", "data/events/universalpetrarch/dev-validate/validate/PETR_Validate_records_2_02.xml", 87, 11.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gold := filepath.Join(root, tt.gold)
			fs, ok := petrarch.Environment(gold)
			if !ok {
				fs = petrarch.Validation(filepath.Join(filepath.Dir(gold), "..", "dictionaries"))
			}
			d, err := petrarch.LoadFiles(fs)
			if err != nil {
				t.Logf("dictionary errors (lines skipped):\n%v", err)
			}
			c := coder.New(d, coder.Options{Monadic: os.Getenv("KHALDUN_MONADIC") != ""})
			rep, err := eval.Run(context.Background(), "petrarch", eval.Options{Gold: gold}, pipelineCoder(t, c))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := rep.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			t.Log("\n" + b.String())
			if rep.Metrics["coded_pct"] < tt.minCoded || rep.Metrics["extra_pct"] > tt.maxXtra {
				t.Errorf("coded_pct = %.2f (floor %.1f), extra_pct = %.2f (ceiling %.1f)", rep.Metrics["coded_pct"], tt.minCoded, rep.Metrics["extra_pct"], tt.maxXtra)
			}
		})
	}
}
