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

// TestDatedOrgs checks that an organisation whose role changed codes by the
// article's date, and that a bad range in orgs.txt is an error.
func TestDatedOrgs(t *testing.T) {
	d := dict.New()
	if err := Load(d); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, date, code string }{
		{"taliban", "1998-05-01", "AFGGOV"},
		{"taliban", "2001-12-08", "AFGREB"},
		{"taliban", "2015-06-30", "AFGREB"},
		{"taliban", "2021-08-15", "AFGGOV"},
		{"taliban", "", "AFGREB"},
		{"hts", "2020-01-01", "SYRREB"},
		{"hts", "2025-02-01", "SYRGOV"},
		{"rapid support forces", "2019-06-03", "SDNMIL"},
		{"rapid support forces", "2023-04-15", "SDNREB"},
		{"unita", "1995-01-01", "AGOREB"},
		{"unita", "2010-01-01", "AGOPTY"},
		{"china", "1998-05-01", "CHN"},
	}
	for _, tt := range tests {
		actors, n := d.MatchActor(dict.Seq{Words: strings.Fields(tt.name)}, 0)
		if len(actors) != 1 || n != len(strings.Fields(tt.name)) {
			t.Errorf("%q: %d actors over %d words, want one actor", tt.name, len(actors), n)
			continue
		}
		if got := actors[0].CodeOn(tt.date); got != tt.code {
			t.Errorf("%q on %q = %s, want %s", tt.name, tt.date, got, tt.code)
		}
	}
	for _, line := range []string{
		"taliban\tAFGGOV\tarmed\t2021-13-01",
		"taliban\tAFGGOV\tarmed\t2021-08-15\t2001-01-01",
		"taliban\tAFGGOV\tarmed\tsoon",
		"taliban\tAFGGOV\tarmed\t2001-01-01\t2002-01-01\textra",
	} {
		if _, err := Parse("orgs.txt", strings.NewReader(line), specs["orgs"]); err == nil {
			t.Errorf("%q parsed without error", line)
		}
	}
}

// TestVerbPatternsUnique holds verbs.txt to one code per pattern: the same
// pattern under two codes would code by file order, not by meaning.
func TestVerbPatternsUnique(t *testing.T) {
	entries, err := Entries("data/verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]Entry{}
	for _, e := range entries {
		key := e.Fields[1] + "\t" + e.Fields[2]
		if prev, dup := seen[key]; dup {
			t.Errorf("%s: %s %q also at %s as %s", e.Pos(), e.Fields[0], e.Fields[2], prev.Pos(), prev.Fields[0])
			continue
		}
		seen[key] = e
	}
}
