package lexicon

import (
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
)

// TestDatedPeople checks that office holders code only over their offices,
// that a name listed in two people files (people-history.txt for the
// 1975-2005 archive, people.txt for later offices) loads as one actor
// holding the lines of both, and that undated entries hold on any date.
func TestDatedPeople(t *testing.T) {
	d := dict.New()
	if err := Load(d); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, date, code string }{
		{"bush", "1990-06-01", "USAGOV"},
		{"bush", "1996-06-01", ""}, // between the two presidencies
		{"bush", "2005-06-01", "USAGOV"},
		{"ehud barak", "2000-01-01", "ISRGOV"}, // prime minister (people-history.txt)
		{"ehud barak", "2010-01-01", "ISRMIL"}, // defence minister (people.txt)
		{"kofi annan", "2000-01-01", "IGOUNO"},
		{"eduard shevardnadze", "1988-01-01", "RUSGOV"},
		{"eduard shevardnadze", "1995-01-01", "GEOGOV"},
		{"mohammad khatami", "2000-01-01", "IRNGOV"},
		{"mohammad khatami", "2010-01-01", "IRNELI"}, // the undated line
		{"desmond tutu", "2010-01-01", "ZAFREL"},
		{"bush administration", "2003-03-20", "USAGOV"},
		{"massob", "", "NGASEP"},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.name)
		actors, n := d.MatchActor(dict.Seq{Words: words}, 0)
		if len(actors) != 1 || n != len(words) {
			t.Errorf("%q: %d actors over %d words, want one actor over %d", tt.name, len(actors), n, len(words))
			continue
		}
		if got := actors[0].CodeOn(tt.date); got != tt.code {
			t.Errorf("%q on %q = %q, want %q", tt.name, tt.date, got, tt.code)
		}
	}
}
