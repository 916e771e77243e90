package gazetteer

import (
	"fmt"
	"strings"

	"github.com/khaldun/khaldun/lexicon"
)

// mergeLexicon indexes khaldun's own country vocabulary: the coder and the
// gazetteer then agree on what "Turkish" or "Ivory Coast" means, and names
// the data packages spell differently ("Türkiye") still resolve.
func (g *Gazetteer) mergeLexicon() error {
	entries, err := lexicon.Entries("data/countries.txt")
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	for _, e := range entries {
		if len(e.Fields) < 3 {
			continue
		}
		phrase, iso3, kind := e.Fields[0], e.Fields[1], e.Fields[2]
		c := g.countries[iso3]
		if c == nil {
			continue
		}
		switch kind {
		case "name":
			g.add(phrase, c, false)
		case "adj":
			g.add(phrase, c, true)
		case "capital":
			if capital := g.capital(c, phrase); capital != nil {
				g.addMatch(phrase, Match{Entry: capital, Capital: true})
			}
		}
		// "people" ("Syrians") and "seat" ("Oval Office") are actors and
		// buildings, not toponyms.
	}
	return nil
}

// capital finds the city called phrase in country c, preferring the one the
// country names as capital, else the most populous.
func (g *Gazetteer) capital(c *Entry, phrase string) *Entry {
	// GeoNames writes some capitals longer than news does
	// ("Washington, D.C.").
	if capital := g.byID[c.Capital]; capital != nil && strings.HasPrefix(Key(capital.Name), Key(phrase)) {
		return capital
	}
	var best *Entry
	for _, m := range g.names[Key(phrase)] {
		if m.Kind != City || m.Country != c.Country {
			continue
		}
		if m.ID == c.Capital {
			return m.Entry
		}
		if best == nil || m.Population > best.Population {
			best = m.Entry
		}
	}
	return best
}
