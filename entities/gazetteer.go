package entities

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/khaldun/khaldun/lexicon"
	"github.com/khaldun/khaldun/perceptron"
)

// Gazetteer kinds: the dictionaries a phrase comes from. They are part of
// the model: a feature says "this token is the Last word of a country
// name", so renumbering them needs a new model.
const (
	kCountry = iota // countries.txt kind name
	kAdj            // kind adj ("Chinese")
	kDemonym        // kind people ("Palestinians")
	kCapital        // kind capital
	kSeat           // kind seat ("Kremlin")
	kOrg            // orgs.txt
	kPerson         // people*.txt
	kAgent          // agents.txt: role nouns, a strong left context for names
	nKinds
)

// gazetteer holds khaldun's own dictionaries in the form the tagger and
// the actor lookup need: phrases keyed by the hash of their normalised
// words, so that matching a sentence allocates nothing.
type gazetteer struct {
	// kinds maps a phrase hash to the bit set of its kinds; 0 marks a
	// proper prefix of a longer phrase, which tells matching to go on.
	kinds  map[uint64]uint8
	maxLen int
	// parts maps a word hash to partBits: single words of multi-word
	// person and organisation names, so that "Haniyeh" alone, or an
	// unknown "Ahmed" before a known surname, looks like part of a name.
	parts map[uint64]uint8
	// actors maps a phrase hash to its codes, in dictionary file order.
	actors map[uint64][]actorEntry
}

type actorEntry struct {
	code     string
	kind     int
	from, to string // YYYY-MM-DD or "" for open; people and organisations
}

// partBits for a person name; shifted left by 2 for an organisation.
const (
	partFirst = 1 << iota
	partLast
)

func phraseStep(h, word uint64) uint64 { return perceptron.Mix(h ^ word*0x9e3779b97f4a7c15) }

const phraseSeed = 0x6b68616c64756e // "khaldun"

var (
	gazOnce sync.Once
	gazVal  *gazetteer
	gazErr  error
)

// defaultGazetteer loads the lexicon once for all annotators and training.
func defaultGazetteer() (*gazetteer, error) {
	gazOnce.Do(func() { gazVal, gazErr = loadGazetteer() })
	return gazVal, gazErr
}

var countryKinds = map[string]int{"name": kCountry, "adj": kAdj, "people": kDemonym, "capital": kCapital, "seat": kSeat}

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{kinds: map[uint64]uint8{}, parts: map[uint64]uint8{}, actors: map[uint64][]actorEntry{}}
	names, err := lexicon.Files()
	if err != nil {
		return nil, fmt.Errorf("entities: gazetteer: %w", err)
	}
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".txt")
		if i := strings.IndexByte(base, '-'); i > 0 { // people-asia.txt is a people file
			base = base[:i]
		}
		if base != "countries" && base != "orgs" && base != "people" && base != "agents" {
			continue
		}
		// A bad line costs only itself: Entries returns the good ones,
		// and the lexicon's lint test is where dictionary errors are
		// reported, so one typo must not take entity recognition down.
		entries, _ := lexicon.Entries(name)
		for _, e := range entries {
			f := e.Fields
			a := actorEntry{kind: -1}
			switch base {
			case "countries":
				k, ok := countryKinds[f[2]]
				if !ok {
					continue
				}
				a = actorEntry{code: f[1], kind: k}
				if k == kSeat {
					a.code += "GOV"
				}
			case "orgs":
				a = actorEntry{code: f[1], kind: kOrg}
				if len(f) > 3 { // phrase, code, kind, from, to
					a.from = f[3]
				}
				if len(f) > 4 {
					a.to = f[4]
				}
			case "people":
				a = actorEntry{code: f[1], kind: kPerson}
				if len(f) > 2 {
					a.from = f[2]
				}
				if len(f) > 3 {
					a.to = f[3]
				}
			case "agents":
				a.kind = kAgent
			}
			h := g.add(f[0], a.kind)
			if a.code != "" {
				g.actors[h] = append(g.actors[h], a)
			}
		}
	}
	return g, nil
}

// add registers a phrase and returns its hash.
func (g *gazetteer) add(phrase string, kind int) uint64 {
	words := strings.Fields(phrase)
	h := uint64(phraseSeed)
	var buf []byte
	for i, w := range words {
		buf = normalize(buf[:0], w)
		h = phraseStep(h, perceptron.HashString(buf))
		if i < len(words)-1 {
			if _, ok := g.kinds[h]; !ok {
				g.kinds[h] = 0
			}
		}
	}
	g.kinds[h] |= 1 << kind
	if len(words) > 1 && (kind == kPerson || kind == kOrg) {
		shift := 0
		if kind == kOrg {
			shift = 2
		}
		buf = normalize(buf[:0], words[0])
		g.parts[perceptron.HashString(buf)] |= partFirst << shift
		buf = normalize(buf[:0], words[len(words)-1])
		g.parts[perceptron.HashString(buf)] |= partLast << shift
	}
	g.maxLen = max(g.maxLen, len(words))
	return h
}

// mark sets the gazetteer bits of a sentence: the longest phrase starting
// at each token wins and matching resumes after it, so "New York Times"
// does not also mark "York".
func (g *gazetteer) mark(info []tokInfo) {
	for i := range info {
		info[i].part = g.parts[info[i].word]
	}
	for i := 0; i < len(info); {
		best, bestKinds := 0, uint8(0)
		h := uint64(phraseSeed)
		for l := 1; l <= g.maxLen && i+l <= len(info); l++ {
			h = phraseStep(h, info[i+l-1].word)
			k, ok := g.kinds[h]
			if !ok {
				break
			}
			if k != 0 {
				best, bestKinds = l, k
			}
		}
		if best == 0 {
			i++
			continue
		}
		for j := i; j < i+best; j++ {
			pos := posI
			switch {
			case best == 1:
				pos = posU
			case j == i:
				pos = posB
			case j == i+best-1:
				pos = posL
			}
			for k := range nKinds {
				if bestKinds&(1<<k) != 0 {
					info[j].gaz |= 1 << (4*k + pos)
				}
			}
		}
		i += best
	}
}

// phraseOf hashes tokens info[start:end] as a phrase.
func phraseOf(info []tokInfo, start, end int) uint64 {
	h := uint64(phraseSeed)
	for i := start; i < end; i++ {
		h = phraseStep(h, info[i].word)
	}
	return h
}
