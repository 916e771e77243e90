package boiler_test

// An external test package: source reads HTML through extract, which uses
// boiler, so an internal test importing source would be an import cycle.

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/boiler"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/source"
)

// TestStripCorpora runs Strip over clean corpora: nothing may go from the
// BBC texts; what goes from AllSides (scraped, with real boilerplate) is
// logged by reason.
func TestStripCorpora(t *testing.T) {
	root := sharedtest.Dir(t)
	paths := []string{filepath.Join(root, "corpora", "bbc"), filepath.Join(root, "corpora", "allsides", "allsides-00.jsonl.gz")}
	// A title option keeps each BBC file whole, headline included.
	n, byReason := 0, map[string]int{}
	for in, err := range source.Read(context.Background(), paths, source.Options{Title: "-"}) {
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		n++
		_, dropped := boiler.Strip(string(in.Body))
		for _, d := range dropped {
			byReason[d.Reason]++
			if strings.Contains(in.Origin.File, "bbc") {
				t.Errorf("%v: dropped line %d %q (%s) from a clean BBC text", in.Origin, d.Line, d.Text, d.Reason)
			}
		}
	}
	t.Logf("%d articles; dropped by reason: %v", n, byReason)
}
