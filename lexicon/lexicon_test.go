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
	for _, tt := range []struct{ code, text, rev string }{
		{"040", "meet with +", "040"}, {"046", "negotiate", "046"}, {"042", "visit +", ""}, {"190", "attack +", ""},
		{"062", "hold ... joint exercise with +", "062"}, {"060", "cooperation between $ and +", "060"},
		{"061", "supply ... oil to +", ""}, {"062", "grant ... basing rights ... bases to +", ""},
	} {
		if got := reciprocal(tt.code, tt.text); got != tt.rev {
			t.Errorf("reciprocal(%s, %q) = %q, want %q", tt.code, tt.text, got, tt.rev)
		}
	}
	for _, p := range d.NounPatterns("talks") {
		if p.Verb != -1 || len(p.Elems) == 0 || p.Elems[0].Text != "talks" {
			t.Errorf("bad noun pattern %+v", p)
		}
	}
}

// TestTargetPatternDefault checks that "VERB +" gives its verb a default
// code unless a bare-verb line does or the object decides the meaning.
func TestTargetPatternDefault(t *testing.T) {
	d := dict.New()
	if err := Load(d); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ verb, code string }{
		{"condemn", "111"},  // only "condemn +"
		{"strike", ""},      // "strike a deal": object-dependent
		{"announce", "010"}, // a bare-verb line
	} {
		fs := d.VerbForms(tt.verb)
		if len(fs) == 0 {
			t.Fatalf("no verb %q", tt.verb)
		}
		if got := fs[0].Block.Code; got != tt.code {
			t.Errorf("%s: default %q, want %q", tt.verb, got, tt.code)
		}
	}
}

// TestNullPatterns checks that a "---" line loads as a pattern that codes
// nothing, beside the verb's own default, and that only "---" is taken for
// the null code.
func TestNullPatterns(t *testing.T) {
	d := dict.New()
	if err := Load(d); err != nil {
		t.Fatal(err)
	}
	fs := d.VerbForms("fight")
	if len(fs) == 0 {
		t.Fatal("no verb fight")
	}
	b := fs[0].Block
	if b.Code != "190" {
		t.Errorf("fight: default %q, want 190", b.Code)
	}
	found := false
	for _, p := range b.Patterns {
		if p.Text == "fight ... epidemic" {
			found = true
			if p.Code != "---" || p.Reverse != "" {
				t.Errorf("fight ... epidemic: code %q reverse %q, want --- and none", p.Code, p.Reverse)
			}
		}
	}
	if !found {
		t.Error("no pattern fight ... epidemic")
	}
	for _, tt := range []struct {
		code string
		ok   bool
	}{{"---", true}, {"--", false}, {"999", false}, {"190", true}} {
		err := checkVerb([]string{tt.code, "verb", "fight ... epidemic"})
		if (err == nil) != tt.ok {
			t.Errorf("checkVerb(%q) = %v, want ok=%v", tt.code, err, tt.ok)
		}
	}
}
