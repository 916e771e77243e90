package geo

import (
	"math"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/gazetteer"
)

// mention is a recognised and resolved toponym.
type mention struct {
	candidate
	entry *gazetteer.Entry
}

// context is what the article says about where it is.
type scene struct {
	countries map[string]int // ISO3 → mentions
	regions   map[string]int // "ISO3.admin1" → mentions
	// anchors are the towns and regions of a first reading of the
	// article; a namesake near one of them is the likelier reading.
	anchors []*gazetteer.Entry
	// persons are names the article uses for a person ("Tom Tyler"),
	// which are then no town's.
	persons map[string]bool
}

// share is the country's part of all country mentions in the article.
func (c scene) share(iso3 string) float64 {
	total := 0
	for _, n := range c.countries {
		total += n
	}
	if total == 0 {
		return 0
	}
	return float64(c.countries[iso3]) / float64(total)
}

// nearKM is how close a town must be to another place of the article to
// count as its neighbour.
const nearKM = 100

// Population gates for towns, by how much the text supports reading the
// name as a place.
const (
	bigTown   = 100000 // fires on the name alone
	smallTown = 10000  // fires with a cue or its country named in the article
)

// resolveAll recognises and resolves the toponyms of t in text order, and
// returns the article context it read them with.
func (a *Annotator) resolveAll(t *khaldun.Text) ([]mention, scene) {
	var cands []candidate
	persons := map[string]bool{}
	for si, s := range t.Sentences {
		cands = append(cands, a.candidates(t.Body, si, s.Tokens, persons)...)
	}
	ctx := a.context(cands)
	ctx.persons = persons
	if len(cands) == 0 {
		return nil, ctx
	}
	// One sense per discourse: every mention of a name resolves alike, and
	// a cue or pattern at one mention counts for all.
	type group struct {
		c     candidate
		entry *gazetteer.Entry
		ok    bool
	}
	// order lists the groups by first mention: resolving them in map
	// order made the anchors, and so the readings, differ between runs.
	groups := map[string]*group{}
	var order []*group
	for _, c := range cands {
		g := groups[c.key]
		if g == nil {
			g = &group{c: c}
			groups[c.key] = g
			order = append(order, g)
			continue
		}
		g.c.prep = g.c.prep || c.prep
		if g.c.in.country == "" {
			g.c.in = c.in
		}
	}
	for _, g := range order {
		g.entry = a.best(g.c, ctx)
		g.ok = g.entry != nil && a.gate(g.c, g.entry, ctx)
		if g.ok && (g.entry.Kind == gazetteer.City || g.entry.Kind == gazetteer.Admin1) {
			ctx.anchors = append(ctx.anchors, g.entry)
		}
	}
	if len(ctx.anchors) > 1 {
		for _, g := range order {
			if len(g.c.matches) > 1 {
				g.entry = a.best(g.c, ctx)
				g.ok = g.entry != nil && a.gate(g.c, g.entry, ctx)
			}
		}
	}
	var out []mention
	for _, c := range cands {
		g := groups[c.key]
		if !g.ok {
			continue
		}
		e := g.entry
		if c.in.country != "" && c.in.country != g.c.in.country {
			e = a.best(c, ctx) // "Paris, Texas" and "Paris, France" in one article
		}
		if e != nil {
			out = append(out, mention{candidate: c, entry: e})
		}
	}
	return out, ctx
}

// context counts the countries and regions the article names outright:
// country names, demonyms, regions, and towns too large to be anything else.
func (a *Annotator) context(cands []candidate) scene {
	ctx := scene{countries: map[string]int{}, regions: map[string]int{}}
	empty := scene{}
	for _, c := range cands {
		e := a.best(c, empty)
		if e == nil {
			continue
		}
		switch {
		case e.Kind == gazetteer.Country:
			ctx.countries[e.Country]++
		case e.Kind == gazetteer.Admin1:
			ctx.countries[e.Country]++
			ctx.regions[e.Country+"."+e.Admin1]++
		case e.Population >= 1000000:
			ctx.countries[e.Country]++
		}
		if c.in.country != "" {
			ctx.countries[c.in.country]++
			if c.in.admin1 != "" {
				ctx.regions[c.in.country+"."+c.in.admin1]++
			}
		}
	}
	return ctx
}

// best chooses the entry a candidate most likely means. A ", Country"
// pattern that rules every reading out is ignored: the following name may
// be a town itself.
func (a *Annotator) best(c candidate, ctx scene) *gazetteer.Entry {
	var best *gazetteer.Entry
	top := math.Inf(-1)
	// A region called exactly this ("Scotland") beats a country that the
	// lexicon merely lets the name stand for.
	region := false
	for _, m := range c.matches {
		region = region || (m.Kind == gazetteer.Admin1 && gazetteer.Key(m.Name) == c.key)
	}
	for pass := 0; pass < 2 && best == nil; pass++ {
		for _, m := range c.matches {
			if region && m.Kind == gazetteer.Country && gazetteer.Key(m.Name) != c.key {
				continue
			}
			if pass == 0 && c.in.country != "" {
				if m.Country != c.in.country || (c.in.admin1 != "" && m.Kind != gazetteer.Country && m.Admin1 != c.in.admin1) {
					continue
				}
			}
			s := score(m, ctx)
			if region && m.Kind == gazetteer.City && m.Population >= 1000000 {
				s += 3 // "New York", "São Paulo": the city before its namesake region
			}
			if s > top || (s == top && m.ID < best.ID) {
				best, top = m.Entry, s
			}
		}
	}
	return best
}

// score is the log population plus bonuses for the kind of place and for
// agreeing with the article; the weights were set on invented examples,
// then checked against the gold sets (see eval/geo.go).
func score(m gazetteer.Match, ctx scene) float64 {
	e := m.Entry
	s := math.Log10(float64(e.Population) + 1)
	switch e.Kind {
	case gazetteer.Country, gazetteer.Continent:
		s += 5
	case gazetteer.Admin1:
		s += 2
	}
	switch e.FCode {
	case "PPLC":
		s += 1.5
	case "PPLA":
		s += 0.7
	case "PPLA2":
		s += 0.2
	case "PPLX", "PPLL", "PPLQ", "PPLH", "PPLW":
		s -= 1 // sections of towns, abandoned and historical places
	}
	if m.Capital {
		s += 4
	}
	if m.Adjective {
		s -= 0.5 // a demonym means its country before any namesake town
	}
	if n := ctx.countries[e.Country]; n > 0 {
		// Weighted by the country's share of the article's mentions: one
		// passing "U.S. envoy" in a Sudan story must not move Geneva to
		// Illinois, while a story about the U.S. keeps its namesakes home.
		s += 0.5 + 1.5*ctx.share(e.Country) + 0.1*float64(min(n, 5))
	}
	if e.Kind == gazetteer.Admin1 && ctx.countries[e.Country] > 0 {
		s += 1.5 // "Georgia" in an American story is the state
	}
	if e.Kind == gazetteer.City && ctx.regions[e.Country+"."+e.Admin1] > 0 {
		s += 2
	}
	if e.Kind == gazetteer.City && near(e, ctx.anchors) {
		s += 1.5
	}
	if e.Kind == gazetteer.Admin1 && holds(e, ctx.anchors) {
		s += 2.5 // "Atlanta … Georgia": the state that holds the town
	}
	return s
}

// gate decides whether a resolved town is worth reporting: countries and
// regions always are, towns by size and by the support of the text.
func (a *Annotator) gate(c candidate, e *gazetteer.Entry, ctx scene) bool {
	if e.Kind != gazetteer.City {
		return true
	}
	if near(e, ctx.anchors) && e.Population >= 1000 {
		return true
	}
	cue := c.prep || c.in.country == e.Country
	if (needsCue[c.key] || ctx.persons[c.key]) && !cue {
		return false
	}
	named := ctx.countries[e.Country] > 0
	switch {
	case e.Population >= bigTown:
		return true
	case c.in.country == e.Country:
		return true
	case c.multi:
		return cue || named
	case e.Population >= smallTown:
		// One word naming a town of this size is as often a surname
		// ("Tyler", "Conway"): it needs a cue of its own.
		return cue
	default:
		return cue && named
	}
}

// near reports whether e lies within nearKM of another anchor.
func near(e *gazetteer.Entry, anchors []*gazetteer.Entry) bool {
	for _, o := range anchors {
		if o != e && o.Name != e.Name && math.Abs(o.Lat-e.Lat) < 1 && km(e.Lat, e.Lon, o.Lat, o.Lon) <= nearKM {
			return true
		}
	}
	return false
}

// holds reports whether region e contains one of the anchor towns.
func holds(e *gazetteer.Entry, anchors []*gazetteer.Entry) bool {
	for _, o := range anchors {
		if o.Kind == gazetteer.City && o.Country == e.Country && o.Admin1 == e.Admin1 && e.Admin1 != "" {
			return true
		}
	}
	return false
}

// km is the great-circle distance.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
