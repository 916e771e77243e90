package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
)

// seed adds the fixture of the given kind plus a few nasty inputs.
func seed(f *testing.F, file string) {
	if b, err := os.ReadFile(filepath.Join("testdata", file)); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{"", "[", "]", "+", "---", "- * [", "<!--", "&", "!A! =", "X {[}] [~", "~ a (", "\x00\xff"} {
		f.Add(s)
	}
}

// fuzzLoad checks the loader's contract: no panic, and every error names
// the file and a line.
func fuzzLoad(f *testing.F, kind Kind, file string) {
	seed(f, file)
	f.Fuzz(func(t *testing.T, s string) {
		err := Load(dict.New(), kind, strings.NewReader(s), "f.txt")
		if err != nil && !strings.HasPrefix(err.Error(), "f.txt:") {
			t.Fatalf("error without position: %v", err)
		}
	})
}

func FuzzLoadActors(f *testing.F)   { fuzzLoad(f, Actors, "middle.actors.txt") }
func FuzzLoadAgents(f *testing.F)   { fuzzLoad(f, Agents, "middle.agents.txt") }
func FuzzLoadVerbs(f *testing.F)    { fuzzLoad(f, Verbs, "middle.verbs.txt") }
func FuzzLoadDiscards(f *testing.F) { fuzzLoad(f, Discards, "middle.discards.txt") }
