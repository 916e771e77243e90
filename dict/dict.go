// Package dict is khaldun's in-memory dictionary model for the event coder:
// actors, agents, verbs with their patterns, synonym sets and discards,
// independent of the file format they were read from.
//
// Every phrase is stored as a sequence of lower-case words so that matching
// works on tokens directly; PETRARCH's "UPPER_CASE" spelling is a file-format
// concern handled by the loaders (package petrarch). Entries are indexed once,
// when added, so that matching a sentence costs a few map look-ups per token.
package dict

import "fmt"

// Source locates an entry in the file it was read from, so that every coded
// event can name the line that produced it.
type Source struct {
	File string
	Line int
}

func (s Source) String() string {
	if s.File == "" {
		return ""
	}
	if s.Line > 0 {
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return s.File
}

// Dictionary holds every kind of entry with its match index. The zero value
// is not usable; call New.
type Dictionary struct {
	actors Trie[*Actor]
	agents Trie[*Agent]
	// surfaceAgents hold the agents that never match through lemmas.
	surfaceAgents Trie[*Agent]
	discards      Trie[*Discard]
	// verbs is keyed by the head word of each verb form (base and
	// irregular forms alike), because the coder finds verbs by their head
	// token and then checks the particles around it.
	verbs      map[string][]*VerbForm
	nouns      map[string][]*Pattern
	nnouns     int
	blocks     []*VerbBlock
	synsets    map[string]*Synset
	nforms     int
	transforms []*Transform

	// RequireDyad says the verb dictionary was written for a coder that
	// codes only events with both a source and a target (PETRARCH's
	// require_dyad): its patterns leave one-sided readings uncoded on
	// purpose, so the coder drops target-less events by default.
	RequireDyad bool
}

// New returns an empty dictionary.
func New() *Dictionary {
	return &Dictionary{
		verbs:   map[string][]*VerbForm{},
		nouns:   map[string][]*Pattern{},
		synsets: map[string]*Synset{},
	}
}

// Stats counts the entries of a dictionary.
type Stats struct {
	Actors, ActorPhrases int
	Agents               int
	VerbBlocks           int
	VerbForms            int
	Patterns             int
	NounPatterns         int
	Synsets              int
	Discards             int
}

// Stats counts what the dictionary holds. ActorPhrases counts every synonym,
// Actors the distinct entries.
func (d *Dictionary) Stats() Stats {
	s := Stats{
		ActorPhrases: d.actors.Len(),
		Agents:       d.agents.Len() + d.surfaceAgents.Len(),
		VerbBlocks:   len(d.blocks),
		VerbForms:    d.nforms,
		Synsets:      len(d.synsets),
		Discards:     d.discards.Len(),
		NounPatterns: d.nnouns,
	}
	seen := map[*Actor]bool{}
	d.actors.Each(func(a *Actor) {
		if !seen[a] {
			seen[a] = true
			s.Actors++
		}
	})
	for _, b := range d.blocks {
		s.Patterns += len(b.Patterns)
	}
	return s
}

// AddTransform stores a transformation.
func (d *Dictionary) AddTransform(t *Transform) { d.transforms = append(d.transforms, t) }

// Transforms returns the transformations in file order.
func (d *Dictionary) Transforms() []*Transform { return d.transforms }
