package lexicon

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	spec := Spec{Min: 2, Max: 3}
	tests := []struct {
		name    string
		in      string
		entries int
		errs    []string
	}{
		{"good", "# header\nchina\tCHN\tname\n\nbeijing\tCHN # capital\n", 2, nil},
		{"too few fields", "china\n", 0, []string{"x.txt:1: 1 fields"}},
		{"too many", "a\tb\tc\td\n", 0, []string{"x.txt:1: 4 fields"}},
		{"stray space", "china \tCHN\n", 0, []string{"x.txt:1: field 1"}},
		{"goes on after error", "bad\nchina\tCHN\nworse\n", 1, []string{"x.txt:1:", "x.txt:3:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("x.txt", strings.NewReader(tt.in), spec)
			if len(got) != tt.entries {
				t.Errorf("got %d entries, want %d", len(got), tt.entries)
			}
			if len(tt.errs) == 0 && err != nil {
				t.Errorf("unexpected error %v", err)
			}
			for _, want := range tt.errs {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("error %v lacks %q", err, want)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("china\tCHN\tname\n# c\n\x00\xff\tx")
	f.Fuzz(func(t *testing.T, s string) {
		entries, _ := Parse("f", strings.NewReader(s), Spec{Min: 1, Max: 4})
		for _, e := range entries {
			if len(e.Fields) < 1 || len(e.Fields) > 4 || e.Line < 1 {
				t.Fatalf("bad entry %+v", e)
			}
		}
	})
}
