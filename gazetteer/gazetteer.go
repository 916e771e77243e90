// Package gazetteer is khaldun's embedded world gazetteer: every country, the
// first-level regions whose names the data packages give, and every populated
// place of 1,000 people or more, from GeoNames via the npm packages pinned in
// scripts/gazetteer (see its README for sources and licences).
//
// The data file data/places.tsv.gz is generated, never edited by hand;
// khaldun's own country names, adjectives and capitals (lexicon/data/
// countries.txt) are merged in at load time so that the spellings the coder
// knows ("Turkey", "Ivory Coast", "U.S.") resolve too.
package gazetteer

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"sync"
)

// Kind is what an entry is.
type Kind uint8

const (
	City    Kind = iota // a populated place
	Admin1              // a first-level region (state, province, nation of the UK)
	Country             // a country or dependent territory
	Continent
)

// Entry is one place of the gazetteer.
type Entry struct {
	ID         int // GeoNames id; 0 for countries and regions (the packages lack it)
	Kind       Kind
	Name       string
	Country    string // ISO 3166-1 alpha-3; "" for continents
	Admin1     string // GeoNames admin1 code, "" for countries
	Lat, Lon   float64
	Population int
	FCode      string // GeoNames feature code (PPLC capital, PPLA admin seat, …)
	Capital    int    // for a country, the GeoNames id of its capital; else 0
}

// Match is an entry reachable under a name, and how the name refers to it.
type Match struct {
	*Entry
	// Adjective is set when the name is a demonym or adjective ("Syrian"),
	// which refers to the place without naming it.
	Adjective bool
	// Capital is set when khaldun's lexicon lists the name as its
	// country's capital: "Washington" is the capital before the state.
	Capital bool
}

// Gazetteer indexes entries by normalised name. It is read-only after
// loading and safe for concurrent use.
type Gazetteer struct {
	Entries   []Entry
	names     map[string][]Match
	countries map[string]*Entry // ISO3 → entry
	admin1    map[string]*Entry // "ISO3.code" → entry
	byID      map[int]*Entry
	maxWords  int
	pool      []Match // backing array of the index's one-reading slices
}

//go:embed data/places.tsv.gz
var embedded []byte

var (
	once    sync.Once
	def     *Gazetteer
	errLoad error
)

// Default returns the embedded gazetteer, loading it on first use.
func Default() (*Gazetteer, error) {
	once.Do(func() {
		def, errLoad = Load(bytes.NewReader(embedded), true)
		if errLoad == nil {
			errLoad = def.mergeLexicon()
		}
	})
	return def, errLoad
}

// Load reads a gazetteer file (places.tsv, gzipped when gz is true). A
// malformed line is an error naming it: the shipped file is generated, so
// damage means a bad build, not input to tolerate.
func Load(r io.Reader, gz bool) (*Gazetteer, error) {
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	g := &Gazetteer{
		names:     make(map[string][]Match, 300000),
		countries: map[string]*Entry{},
		admin1:    map[string]*Entry{},
		byID:      make(map[int]*Entry, 140000),
	}
	type pending struct{ alts, adjs string }
	var extra []pending
	// One string for the whole file: entries then hold substrings of it
	// instead of a copy per field.
	var buf strings.Builder
	buf.Grow(8 << 20)
	if _, err := io.Copy(&buf, r); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	text := buf.String()
	g.Entries = make([]Entry, 0, strings.Count(text, "\n"))
	extra = make([]pending, 0, cap(g.Entries))
	for line := 1; text != ""; line++ {
		s := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			s, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if s == "" || s[0] == '#' {
			continue
		}
		e, alts, adjs, err := parseLine(s)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: line %d: %w", line, err)
		}
		g.Entries = append(g.Entries, e)
		extra = append(extra, pending{alts, adjs})
	}
	// Pointers are taken only once the slice stops growing.
	g.pool = make([]Match, 0, len(g.Entries)+len(g.Entries)/4)
	for i := range g.Entries {
		e := &g.Entries[i]
		// The generator writes the name's own key among the alternates;
		// indexing that instead of the name spares a lower-cased copy.
		named := false
		for a := range splitAlts(extra[i].alts) {
			named = named || strings.EqualFold(a, e.Name)
			g.add(a, e, false)
		}
		if !named {
			g.add(e.Name, e, false)
		}
		for a := range splitAlts(extra[i].adjs) {
			g.add(a, e, true)
		}
		switch e.Kind {
		case Country:
			g.countries[e.Country] = e
		case Admin1:
			g.admin1[e.Country+"."+e.Admin1] = e
		}
		if e.ID != 0 {
			g.byID[e.ID] = e
		}
	}
	return g, nil
}

// splitAlts yields the |-separated names of s without allocating a slice.
func splitAlts(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			a, rest, _ := strings.Cut(s, "|")
			if !yield(a) {
				return
			}
			s = rest
		}
	}
}

func parseLine(s string) (e Entry, alts, adjs string, err error) {
	var f [12]string
	n := 0
	for ; n < len(f)-1; n++ {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			break
		}
		f[n], s = s[:i], s[i+1:]
	}
	f[n] = s
	if n != len(f)-1 || strings.IndexByte(s, '\t') >= 0 {
		return e, "", "", fmt.Errorf("%d fields, want 12", strings.Count(s, "\t")+n+1)
	}
	switch f[0] {
	case "P":
		e.Kind = City
	case "A":
		e.Kind = Admin1
	case "C":
		e.Kind = Country
	case "L":
		e.Kind = Continent
	default:
		return e, "", "", fmt.Errorf("unknown kind %q", f[0])
	}
	if e.ID, err = strconv.Atoi(f[1]); err != nil {
		return e, "", "", fmt.Errorf("geonameid: %w", err)
	}
	if e.Lat, err = strconv.ParseFloat(f[7], 64); err != nil || e.Lat < -90 || e.Lat > 90 {
		return e, "", "", fmt.Errorf("latitude %q", f[7])
	}
	if e.Lon, err = strconv.ParseFloat(f[8], 64); err != nil || e.Lon < -180 || e.Lon > 180 {
		return e, "", "", fmt.Errorf("longitude %q", f[8])
	}
	if e.Population, err = strconv.Atoi(f[9]); err != nil || e.Population < 0 {
		return e, "", "", fmt.Errorf("population %q", f[9])
	}
	if f[11] != "" {
		if e.Capital, err = strconv.Atoi(f[11]); err != nil {
			return e, "", "", fmt.Errorf("capital: %w", err)
		}
	}
	if f[2] == "" || (len(f[5]) != 3 && e.Kind != Continent) {
		return e, "", "", fmt.Errorf("missing name or ISO3 country")
	}
	e.Name, e.Country, e.Admin1, e.FCode = f[2], f[5], f[6], f[10]
	return e, f[3], f[4], nil
}

// add indexes e under name unless it is already there the same way.
func (g *Gazetteer) add(name string, e *Entry, adj bool) {
	g.addMatch(name, Match{Entry: e, Adjective: adj})
}

// addMatch indexes m under name; a second indexing of the same entry only
// adds the Capital mark.
func (g *Gazetteer) addMatch(name string, m Match) {
	k := Key(name)
	if k == "" {
		return
	}
	ms := g.names[k]
	for i := range ms {
		if ms[i].Entry == m.Entry && ms[i].Adjective == m.Adjective {
			ms[i].Capital = ms[i].Capital || m.Capital
			return
		}
	}
	if ms == nil && len(g.pool) < cap(g.pool) {
		// Most names have one reading: carve their one-element slices from
		// one array rather than allocate each. The capacity limit makes a
		// second reading copy out instead of overwriting a neighbour.
		g.pool = append(g.pool, m)
		n := len(g.pool)
		g.names[k] = g.pool[n-1 : n : n]
	} else {
		g.names[k] = append(ms, m)
	}
	if n := strings.Count(k, " ") + 1; n > g.maxWords {
		g.maxWords = n
	}
}

// Key normalises a name for lookup: lower case, typographic apostrophes and
// dashes made plain, runs of spaces made one. Diacritics are kept because
// the generator indexes every name under its diacritic-free form as well.
func Key(s string) string {
	if plain(s) {
		return s
	}
	if simple(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case '’', '‘', 'ʼ', 'ʻ', '`':
			r = '\''
		case '‐', '‑', '–', '—':
			r = '-'
		case ' ', '\t', '\n', '\u00a0':
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// plain reports whether s is already a key: lower-case ASCII letters and
// single inner spaces, the common case worth skipping the rewrite for.
func plain(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c == '-', c == '.', c == '\'':
		case c == ' ':
			if s[i-1] == ' ' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// simple reports whether lower-casing alone makes s a key: single inner
// spaces and no apostrophes, dashes or spaces to rewrite. strings.ToLower
// then returns s itself when it is lower case already.
func simple(s string) bool {
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '`' || c == '\t' || c == '\n' || (c == ' ' && s[i-1] == ' '):
			return false
		case c == 0xE2 || c == 0xC2 || c == 0xCA:
			// lead bytes of the typographic quotes, dashes and spaces
			// Key rewrites (U+2010–2019, U+00A0, U+02BB–02BC)
			return false
		}
	}
	return true
}

// Lookup returns the entries a name may refer to, nil when none.
func (g *Gazetteer) Lookup(name string) []Match { return g.names[Key(name)] }

// LookupKey is Lookup for a name already normalised with Key.
func (g *Gazetteer) LookupKey(key string) []Match { return g.names[key] }

// MaxWords is the number of words of the longest indexed name.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Country returns the country with the ISO 3166-1 alpha-3 code, or nil.
func (g *Gazetteer) Country(iso3 string) *Entry { return g.countries[iso3] }

// Region returns the first-level region code of country iso3, or nil.
func (g *Gazetteer) Region(iso3, code string) *Entry { return g.admin1[iso3+"."+code] }

// ByID returns the place with the GeoNames id, or nil.
func (g *Gazetteer) ByID(id int) *Entry { return g.byID[id] }
