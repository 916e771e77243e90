package petrarch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
)

func load(t *testing.T, kind Kind, file string) (*dict.Dictionary, []*LineError) {
	t.Helper()
	d := dict.New()
	err := LoadFile(d, kind, filepath.Join("testdata", file))
	var les []*LineError
	if err != nil {
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var le *LineError
			if !errors.As(e, &le) {
				t.Fatalf("error %v is not a *LineError", e)
			}
			les = append(les, le)
		}
	}
	return d, les
}

func errLines(les []*LineError) []int {
	var out []int
	for _, e := range les {
		out = append(out, e.Line)
	}
	return out
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func words(s string) dict.Seq { return dict.Seq{Words: strings.Fields(s)} }

func TestLoadActors(t *testing.T) {
	d, les := load(t, Actors, "middle.actors.txt")
	if want := []int{21, 21, 23, 24, 23, 25}; !sameInts(errLines(les), want) {
		t.Errorf("error lines = %v, want %v\n%v", errLines(les), want, les)
	}
	tests := []struct {
		text, date, code string
		n                int
	}{
		{"kingdom of eldoria", "", "ELD", 3},
		{"eldorian", "", "ELD", 1},
		{"minister bellwether", "2003-05-01", "ELDGOV", 2},
		{"zarn bellwether", "2006-01-01", "ELDOPP", 2},
		{"zarn bellwether", "2005-12-31", "ELDGOV", 2},
		{"zarn bellwether", "2000-12-31", "ELDCIV", 2},
		{"quorvia", "1999-06-01", "QRVGOV", 1},
		{"quorvia", "2000-06-01", "QRV", 1},
		{"twin cities", "", "ELD/QRV", 2},
		{"nobody important", "", "---", 2},
		{"second name", "", "SHARED", 2},
		{"first name", "", "SHARED", 2},
		{"orphan synonym is fine", "", "", 0}, // belongs to the broken actor
	}
	for _, tt := range tests {
		as, n := d.MatchActor(words(tt.text), 0)
		if n != tt.n {
			t.Errorf("%q: matched %d words, want %d", tt.text, n, tt.n)
			continue
		}
		if n > 0 && as[0].CodeOn(tt.date) != tt.code {
			t.Errorf("%q on %q = %q, want %q", tt.text, tt.date, as[0].CodeOn(tt.date), tt.code)
		}
	}
	if les[0].Error() != "middle.actors.txt:21: date range ends before it starts in [ELD 20050101-20040101]" {
		t.Errorf("error text = %q", les[0].Error())
	}
}

func TestLoadAgents(t *testing.T) {
	d, les := load(t, Agents, "middle.agents.txt")
	if want := []int{9, 10, 11}; !sameInts(errLines(les), want) {
		t.Errorf("error lines = %v, want %v\n%v", errLines(les), want, les)
	}
	tests := []struct {
		text, code string
		prefix     bool
		n          int
	}{
		{"foreign minister", "GOVFRM", false, 2},
		{"foreign ministers", "GOVFRM", false, 2},
		{"troops", "MIL", false, 1},
		{"troopses", "", false, 0},
		{"geese herds", "AGR", false, 2},
		{"farmhands", "AGR", false, 1},
		{"farmworkwoman", "AGR", false, 1},
		{"relief agencies", "NGO", true, 2},
		{"police patrol", "COP", false, 2},
	}
	for _, tt := range tests {
		gs, n := d.MatchAgent(words(tt.text), 0)
		if n != tt.n {
			t.Errorf("%q: matched %d words, want %d", tt.text, n, tt.n)
			continue
		}
		if n > 0 && (gs[0].Code != tt.code || gs[0].Prefix != tt.prefix) {
			t.Errorf("%q = %+v", tt.text, gs[0])
		}
	}
	// "{}" means the written form only: a token whose lemma is the
	// phrase ("militias" → "militia") is not the agent, while an agent
	// without braces still matches through the lemma.
	lemmaTests := []struct {
		words, lemmas string
		n             int
	}{
		{"militia", "militia", 1},
		{"militias", "militia", 0},
		{"troop", "troop", 0},
		{"police patrolled", "police patrol", 2},
	}
	for _, tt := range lemmaTests {
		seq := dict.Seq{Words: strings.Fields(tt.words), Lemmas: strings.Fields(tt.lemmas)}
		if _, n := d.MatchAgent(seq, 0); n != tt.n {
			t.Errorf("%q (lemmas %q): matched %d words, want %d", tt.words, tt.lemmas, n, tt.n)
		}
	}
}

func TestLoadVerbs(t *testing.T) {
	d, les := load(t, Verbs, "middle.verbs.txt")
	if want := []int{20, 21, 22, 24, 29}; !sameInts(errLines(les), want) {
		t.Errorf("error lines = %v, want %v\n%v", errLines(les), want, les)
	}
	if got := d.Stats(); got.VerbBlocks != 1 || got.Patterns != 5 || got.Synsets != 2 {
		t.Errorf("stats = %+v", got)
	}
	forms := d.VerbForms("saluted")
	if len(forms) != 1 || !forms[0].Surface || forms[0].EffectiveCode() != "041" {
		t.Errorf("saluted forms = %+v", forms)
	}
	if fs := d.VerbForms("greets"); len(fs) != 1 {
		t.Errorf("regular inflection not generated: %v", fs)
	}
	if fs := d.VerbForms("wave"); len(fs) != 1 || fs[0].Words[1] != "at" || fs[0].EffectiveCode() != "042" {
		t.Errorf("phrasal form = %+v", fs)
	}
	if fs := d.VerbForms("carpet"); len(fs) == 0 || fs[0].Head != 1 {
		t.Errorf("head marker ignored: %+v", fs)
	}
	b := d.Blocks()[0]
	p := b.Patterns[1]
	if p.Text != "$ * + (IN CAPITAL)" || p.Code != "045" || p.Verb != 1 || !p.Elems[3].Prep || p.Source.Line != 16 {
		t.Errorf("pattern = %+v", p)
	}
	if p := b.Patterns[2]; p.Code != "046" || p.Reverse != "047" || p.Elems[0].Kind != dict.CompoundEl {
		t.Errorf("pair pattern = %+v", p)
	}
	if p := b.Patterns[3]; !p.Elems[1].Joined || !p.Elems[2].Joined || p.Elems[0].Joined {
		t.Errorf("joined flags = %+v", p.Elems)
	}
	if p := b.Patterns[4]; p.Code != "" || p.Reverse != "048" || !p.Elems[2].Joined || p.Elems[1].Joined {
		t.Errorf("noun phrase pattern = %+v", p)
	}
	if got := d.MatchSynset("GREETING", words("embrace"), 0); len(got) != 1 {
		t.Errorf("nested synset not followed: %v", got)
	}
	if got := d.MatchSynset("GREETING", words("warm welcome"), 0); len(got) != 1 || got[0] != 2 {
		t.Errorf("multi-word member: %v", got)
	}
	if tr := d.Transforms(); len(tr) != 1 || tr[0].Verb != "SAY" || tr[0].InnerVerb != "GREET" || tr[0].Code != "010" {
		t.Errorf("transforms = %+v", tr)
	}
}

func TestLoadDiscards(t *testing.T) {
	d, les := load(t, Discards, "middle.discards.txt")
	if want := []int{4}; !sameInts(errLines(les), want) {
		t.Errorf("error lines = %v, want %v", errLines(les), want)
	}
	if xs, n := d.MatchDiscard(words("football league"), 0); n != 2 || !xs[0].Story {
		t.Errorf("story discard: %v %d", xs, n)
	}
	if xs, n := d.MatchDiscard(words("cup final"), 0); n != 2 || xs[0].Story {
		t.Errorf("sentence discard: %v %d", xs, n)
	}
}

func TestLoadFileMissing(t *testing.T) {
	if err := LoadFile(dict.New(), Actors, filepath.Join("testdata", "nope.txt")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
	if err := Load(dict.New(), Kind("weird"), strings.NewReader(""), "x"); err == nil {
		t.Error("unknown kind accepted")
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"minister": "ministers", "authority": "authorities", "day": "days", "press": "presses", "chairman": "chairmen", "church": "churches"} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}
