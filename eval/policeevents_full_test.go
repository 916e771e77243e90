package eval

import (
	"context"
	"os"
	"testing"

	"github.com/khaldun/khaldun/engine"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

// TestSharedPoliceEventsFull scores the whole pipeline, as `khaldun eval
// policeevents` runs it (counts, their agents and the event coder with
// the embedded dictionaries), on IndiaPoliceEvents data/final/sents.jsonl.
// Reached: KILL P 0.938 R 0.792 (76 of 96), where the coder's
// caused-death rule names the police behind unnumbered deaths ("killed in
// police firing"); without it R was 0.688. The test fails when a change
// loses more than the margin. Another helper's lexicon work moves these
// figures too, so the margin is that of the count-only test.
func TestSharedPoliceEventsFull(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 21,391 sentences with the whole pipeline")
	}
	path := sharedtest.Path(t, "data/events/india_police_events/data/final/sents.jsonl")
	p, err := engine.New(engine.Options{KeepBoilerplate: true, AnyLanguage: true})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), "policeevents", Options{Gold: path}, timexCoder{p})
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KHALDUN_REPORT") != "" {
		rep.WriteText(os.Stdout)
	}
	if rep.Counts["kill_gold"] != 96 {
		t.Fatalf("kill_gold %d, want 96", rep.Counts["kill_gold"])
	}
	const margin = 0.005 // the floor is R ≥ 0.85 at P ≥ 0.80
	for k, v := range map[string]float64{"kill_p": 0.953, "kill_r": 0.854} {
		if rep.Metrics[k] < v-margin {
			t.Errorf("%s = %.3f, below %.3f − %.2f", k, rep.Metrics[k], v, margin)
		}
	}
}
