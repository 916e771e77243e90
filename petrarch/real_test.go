package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

func petrarchDicts(t testing.TB) string {
	return sharedtest.Path(t, "data/events/petrarch2/data/dictionaries")
}

func TestRealFiles(t *testing.T) {
	dir := petrarchDicts(t)
	up := sharedtest.Path(t, "data/events/universalpetrarch")
	tests := []struct {
		kind Kind
		path string
		// minimum counts: the files grow, exact numbers would rot
		min     func(dict.Stats) int
		atLeast int
		// maximum malformed lines tolerated
		maxErrs int
	}{
		{Actors, filepath.Join(dir, "PETR.Validate.actors.txt"), func(s dict.Stats) int { return s.Actors }, 120, 3},
		{Agents, filepath.Join(dir, "PETR.Validate.agents.txt"), func(s dict.Stats) int { return s.Agents }, 150, 0},
		{Verbs, filepath.Join(dir, "PETR.Validate.verbs.txt"), func(s dict.Stats) int { return s.Patterns }, 450, 5},
		{Discards, filepath.Join(dir, "PETR.Validate.discards.txt"), func(s dict.Stats) int { return s.Discards }, 8, 0},
		{Verbs, filepath.Join(dir, "CAMEO.2.0.txt"), func(s dict.Stats) int { return s.Patterns }, 4000, 20},
		{Verbs, filepath.Join(dir, "CAMEO.verbpatterns.150430.txt"), func(s dict.Stats) int { return s.Patterns }, 1000, 50},
		{Actors, filepath.Join(dir, "Phoenix.Countries.actors.txt"), func(s dict.Stats) int { return s.Actors }, 5000, 20},
		{Actors, filepath.Join(dir, "Phoenix.International.actors.txt"), func(s dict.Stats) int { return s.Actors }, 1000, 20},
		{Actors, filepath.Join(dir, "Phoenix.MilNonState.actors.txt"), func(s dict.Stats) int { return s.Actors }, 300, 20},
		{Agents, filepath.Join(dir, "Phoenix.agents.txt"), func(s dict.Stats) int { return s.Agents }, 2000, 10},
		{Discards, filepath.Join(dir, "Phoenix.discards.txt"), func(s dict.Stats) int { return s.Discards }, 400, 5},
		{Actors, filepath.Join(up, "dev-validate", "validate", "PETR_Validate_actors_2_02.txt"), func(s dict.Stats) int { return s.Actors }, 120, 3},
		{Agents, filepath.Join(up, "dev-validate", "validate", "PETR_Validate_agents_2_02.txt"), func(s dict.Stats) int { return s.Agents }, 150, 0},
		{Verbs, filepath.Join(up, "dev-validate", "validate", "PETR_Validate_verbs_2_02.txt"), func(s dict.Stats) int { return s.Patterns }, 300, 20},
		{Verbs, filepath.Join(up, "master", "data", "dictionaries", "PETR.Validate.verbs.2.0.txt"), func(s dict.Stats) int { return s.Patterns }, 400, 20},
		{Discards, filepath.Join(up, "dev-validate", "validate", "PETR_Validate_discards_2_02.txt"), func(s dict.Stats) int { return s.Discards }, 8, 0},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip("missing")
			}
			d := dict.New()
			err := LoadFile(d, tt.kind, tt.path)
			n := 0
			if err != nil {
				n = strings.Count(err.Error(), "\n") + 1
				t.Logf("%d errors:\n%s", n, err)
			}
			st := d.Stats()
			t.Logf("%+v", st)
			if n > tt.maxErrs {
				t.Errorf("%d malformed lines, want at most %d", n, tt.maxErrs)
			}
			if got := tt.min(st); got < tt.atLeast {
				t.Errorf("count = %d, want at least %d", got, tt.atLeast)
			}
		})
	}
}
