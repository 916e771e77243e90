package lexicon

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
)

// TestLint holds every embedded dictionary to the rules of doc.go: each line
// parses, lines are sorted and unique, phrases are lower case.
func TestLint(t *testing.T) {
	names, err := Files()
	if err != nil || len(names) == 0 {
		t.Fatalf("no dictionary files: %v", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			if _, err := Entries(name); err != nil {
				t.Fatal(err)
			}
			b, _ := files.ReadFile(name)
			sc := bufio.NewScanner(bytes.NewReader(b))
			prev, line := "", 0
			for sc.Scan() {
				line++
				text := sc.Text()
				if i := strings.IndexByte(text, '#'); i >= 0 {
					text = strings.TrimRight(text[:i], " \t")
				}
				if text == "" {
					continue
				}
				if text <= prev {
					t.Errorf("%s:%d: %q not after %q (sorted, unique)", name, line, text, prev)
				}
				prev = text
				phrase := text
				if kindOf(name) == "verbs" {
					phrase = strings.SplitN(text, "\t", 3)[2]
				} else {
					phrase = strings.SplitN(text, "\t", 2)[0]
				}
				if phrase != strings.ToLower(phrase) {
					t.Errorf("%s:%d: phrase %q not lower case", name, line, phrase)
				}
			}
		})
	}
}

func TestLoad(t *testing.T) {
	d := dict.New()
	if err := Load(d); err != nil {
		t.Fatal(err)
	}
	seq := func(s string) dict.Seq { return dict.Seq{Words: strings.Fields(s)} }
	tests := []struct {
		text string
		code string
		n    int
	}{
		{"china", "CHN", 1},
		{"kremlin", "RUSGOV", 1},
		{"palestinians", "PSE", 1},
	}
	for _, tt := range tests {
		actors, n := d.MatchActor(seq(tt.text), 0)
		if n != tt.n || len(actors) == 0 || actors[0].CodeOn("") != tt.code {
			t.Errorf("MatchActor(%q) = %v, %d; want %s", tt.text, actors, n, tt.code)
		}
	}
	if agents, _ := d.MatchAgent(seq("troops"), 0); len(agents) == 0 || agents[0].Code != "MIL" {
		t.Errorf("troops: %v", agents)
	}
	if forms := d.VerbForms("meet"); len(forms) == 0 {
		t.Error("no verb block for meet")
	}
}

func TestVersionStable(t *testing.T) {
	if Version == "" || Version != version() {
		t.Errorf("version %q unstable", Version)
	}
}
