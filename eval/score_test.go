package eval

import (
	"math"
	"testing"

	"github.com/khaldun/khaldun"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func tr(src, tgt, code string) triple { return triple{src, tgt, code, cameoRoot(code)} }

func TestMatchMultiset(t *testing.T) {
	A, B, C := tr("FRD", "SYL", "042"), tr("SYL", "FRD", "111"), tr("FRD", "", "010")
	cases := []struct {
		name       string
		gold, pred []triple
		level      int
		p, r, f1   float64
	}{
		// {A,B} vs {A,C}: 1 match of 2 and 2 → P=R=F1=1/2.
		{"one of two", []triple{A, B}, []triple{A, C}, levelExact, 0.5, 0.5, 0.5},
		// Gold has A once, prediction twice: 1 match, 1 false positive → P=1/2, R=1, F1=2/3.
		{"duplicate prediction", []triple{A}, []triple{A, A}, levelExact, 0.5, 1, 2.0 / 3},
		// Gold has A twice, prediction once: P=1, R=1/2, F1=2/3.
		{"duplicate gold", []triple{A, A}, []triple{A}, levelExact, 1, 0.5, 2.0 / 3},
		// Nothing predicted: P=0 by the 0/0 convention, R=0, F1=0.
		{"empty prediction", []triple{A}, nil, levelExact, 0, 0, 0},
		// Nothing in gold: R=0 by convention, P=0/1=0.
		{"empty gold", nil, []triple{A}, levelExact, 0, 0, 0},
		{"both empty", nil, nil, levelExact, 0, 0, 0},
		// Headline keeps 3 characters of each actor and the 2-digit root:
		// FRDGOV→SYL 0311 and FRDMIL→SYLREB 0312 both read FRD,SYL,03 → 1/1.
		{"headline truncation", []triple{tr("FRDGOV", "SYL", "0311")}, []triple{tr("FRDMIL", "SYLREB", "0312")}, levelHeadline, 1, 1, 1},
		// ...but not at the exact level.
		{"exact differs", []triple{tr("FRDGOV", "SYL", "0311")}, []triple{tr("FRDMIL", "SYLREB", "0312")}, levelExact, 0, 0, 0},
		// Root ignores the actors entirely: {04,11} vs {04,01,11}: 2 matches, P=2/3, R=1, F1=0.8.
		{"root only", []triple{A, B}, []triple{tr("X", "Y", "043"), C, tr("", "", "11")}, levelRoot, 2.0 / 3, 1, 0.8},
		// A missing target is "" on both sides and matches.
		{"no target", []triple{tr("SYL", "", "190")}, []triple{tr("SYL", "", "190")}, levelExact, 1, 1, 1},
	}
	for _, c := range cases {
		got := matchMultiset(c.gold, c.pred, c.level)
		if !near(got.p(), c.p) || !near(got.r(), c.r) || !near(got.f1(), c.f1) {
			t.Errorf("%s: P/R/F1 = %.4f/%.4f/%.4f, want %.4f/%.4f/%.4f", c.name, got.p(), got.r(), got.f1(), c.p, c.r, c.f1)
		}
	}
}

func TestExpand(t *testing.T) {
	cases := []struct {
		name             string
		sources, targets []string
		want             []triple
	}{
		// 2 sources × 1 target = 2 triples.
		{"two sources", []string{"HUNGOV", "ROUGOV"}, []string{"IGO"},
			[]triple{tr("HUNGOV", "IGO", "030"), tr("ROUGOV", "IGO", "030")}},
		// 2 × 2 = 4.
		{"two by two", []string{"A", "B"}, []string{"C", "D"},
			[]triple{tr("A", "C", "030"), tr("A", "D", "030"), tr("B", "C", "030"), tr("B", "D", "030")}},
		// No target is one empty target; PETRARCH's "---" is the same thing.
		{"no target", []string{"USA"}, nil, []triple{tr("USA", "", "030")}},
		{"dashes", []string{"USA"}, []string{"---"}, []triple{tr("USA", "", "030")}},
		{"nothing", nil, nil, []triple{tr("", "", "030")}},
		// The isolated-agent spelling "~GOV" reads as "---GOV", lower case is upper.
		{"agent", []string{"~gov"}, nil, []triple{tr("---GOV", "", "030")}},
	}
	for _, c := range cases {
		got := expand(c.sources, c.targets, "030", "03")
		if len(got) != len(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: triple %d = %v, want %v", c.name, i, got[i], c.want[i])
			}
		}
	}
}

func TestEventTallyNull(t *testing.T) {
	var tl eventTally
	A := tr("FRD", "SYL", "042")
	tl.add([]triple{A}, []triple{A})               // hit
	tl.add(nil, []triple{tr("FRD", "", "010"), A}) // null sentence, 2 false events
	tl.add(nil, nil)                               // null sentence, silent
	tl.add([]triple{A}, nil)                       // miss
	// Exact: gold 2, pred 3, match 1 → P=1/3 (the null-sentence events stay
	// in precision), R=1/2, F1=0.4. false_on_null = 1 of 2 null sentences.
	e := tl.level[levelExact]
	if !near(e.p(), 1.0/3) || !near(e.r(), 0.5) || !near(e.f1(), 0.4) {
		t.Errorf("exact P/R/F1 = %v/%v/%v, want 1/3, 1/2, 0.4", e.p(), e.r(), e.f1())
	}
	if tl.nullSents != 2 || tl.nullHit != 1 || tl.nullFalse != 2 || !near(tl.falseOnNull(), 0.5) {
		t.Errorf("null: sents %d hit %d false %d share %v, want 2 1 2 0.5", tl.nullSents, tl.nullHit, tl.nullFalse, tl.falseOnNull())
	}
	r := newReport("x", Options{})
	tl.fill(r)
	for _, k := range []string{"exact_p", "exact_r", "exact_f1", "headline_p", "headline_r", "headline_f1", "root_p", "root_r", "root_f1", "false_on_null"} {
		if _, ok := r.Metrics[k]; !ok {
			t.Errorf("metric %s missing", k)
		}
	}
}

func TestCameoTriples(t *testing.T) {
	if got := cameoTriples(nil); len(got) != 0 {
		t.Fatal(got)
	}
	evs := cameoTriples([]khaldun.Event{ev("FRDGOV", "", "0311"), ev(" syl ", "---", "19")})
	want := []triple{tr("FRDGOV", "", "0311"), tr("SYL", "", "19")}
	for i := range want {
		if evs[i] != want[i] {
			t.Errorf("triple %d = %v, want %v", i, evs[i], want[i])
		}
	}
}
