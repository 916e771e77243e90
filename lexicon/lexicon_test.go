package lexicon

import (
	"testing"

	"github.com/khaldun/khaldun/dict"
)

// TestLoadNouns checks that nominal patterns reach the dictionary and that
// mutual codes are marked both ways.
func TestLoadNouns(t *testing.T) {
	d := dict.New()
	if err := Load(d); err != nil {
		t.Fatal(err)
	}
	if d.Stats().NounPatterns == 0 {
		t.Fatal("no nominal patterns loaded")
	}
	if d.RequireDyad {
		t.Error("khaldun's lexicon must not require dyads")
	}
	for _, tt := range []struct{ code, rev string }{{"040", "040"}, {"046", "046"}, {"042", ""}, {"190", ""}} {
		if got := reciprocal(tt.code); got != tt.rev {
			t.Errorf("reciprocal(%s) = %q, want %q", tt.code, got, tt.rev)
		}
	}
	for _, p := range d.NounPatterns("talks") {
		if p.Verb != -1 || len(p.Elems) == 0 || p.Elems[0].Text != "talks" {
			t.Errorf("bad noun pattern %+v", p)
		}
	}
}
