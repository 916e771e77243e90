package petrarch

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
)

func TestEnvironment(t *testing.T) {
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const env = `<Sentences>
# Use <Sentence ... evaluate="false"> to bypass a case
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a1.txt, a2.txt</Actorfile>
    <Agentfile>g.txt</Agentfile>
    <Discardfile>d.txt</Discardfile>
    <Errorfile>e.txt</Errorfile>
</Environment>
<Sentence id="x">
`
	tests := []struct {
		name   string
		layout map[string]string // path under the temp dir -> content
		gold   string
		want   func(root string) Files
		ok     bool
	}{
		{
			name: "beside the records",
			layout: map[string]string{"val/r.xml": env, "val/v.txt": "", "val/a1.txt": "", "val/a2.txt": "",
				"val/g.txt": "", "val/d.txt": ""},
			gold: "val/r.xml",
			want: func(r string) Files {
				j := func(n string) []string { return []string{filepath.Join(r, "val", n)} }
				return Files{Actors: append(j("a1.txt"), j("a2.txt")...), Agents: j("g.txt"), Verbs: j("v.txt"), Discards: j("d.txt")}
			},
			ok: true,
		},
		{
			name: "in ../dictionaries",
			layout: map[string]string{"data/text/r.xml": env, "data/dictionaries/v.txt": "", "data/dictionaries/a1.txt": "",
				"data/dictionaries/a2.txt": "", "data/dictionaries/g.txt": "", "data/dictionaries/d.txt": ""},
			gold: "data/text/r.xml",
			want: func(r string) Files {
				j := func(n string) []string { return []string{filepath.Join(r, "data/text/../dictionaries", n)} }
				return Files{Actors: append(j("a1.txt"), j("a2.txt")...), Agents: j("g.txt"), Verbs: j("v.txt"), Discards: j("d.txt")}
			},
			ok: true,
		},
		{
			name: "a coding ontology",
			layout: map[string]string{"u/r.xml": "<Environment>\n<Verbfile>v.txt</Verbfile>\n<PICOfile>o.txt</PICOfile>\n</Environment>\n",
				"u/v.txt": "", "u/o.txt": ""},
			gold: "u/r.xml",
			want: func(r string) Files {
				return Files{Verbs: []string{filepath.Join(r, "u", "v.txt")}, Ontology: []string{filepath.Join(r, "u", "o.txt")}}
			},
			ok: true,
		},
		{
			name:   "a named file is missing",
			layout: map[string]string{"m/r.xml": env, "m/v.txt": ""},
			gold:   "m/r.xml",
			ok:     false,
		},
		{
			name:   "no environment",
			layout: map[string]string{"n/r.xml": "<Sentences>\n<Sentence id=\"x\">\n"},
			gold:   "n/r.xml",
			ok:     false,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for p, s := range tc.layout {
				write(filepath.Join(root, p), s)
			}
			got, ok := Environment(filepath.Join(root, tc.gold))
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			if want := tc.want(root); !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestPatternWithoutDash reads a pattern line whose "- " was dropped
// ("* (TO QUESTION) [110]", as in UniversalPetrarch's validation verbs) as
// the pattern it can only be, instead of rejecting it as a verb form.
func TestPatternWithoutDash(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		ok         bool
	}{
		{"dash dropped", "--- BEGIN [---] ---\nBEGIN {BEGINS BEGAN}\n* (TO QUESTION) [110]\n", true},
		{"star outside a block", "* (TO QUESTION) [110]\n", false},
	} {
		d := dict.New()
		err := Load(d, Verbs, strings.NewReader(tc.text), "v.txt")
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok = %v", tc.name, err, tc.ok)
		}
	}
}
