package coder

import (
	"strings"
)

// memory is what the coder remembers of an article so far, to resolve
// mentions that name no one by themselves: "the two sides", "he", "the
// group", or a surname after the full name. It lives for one Annotate
// call, so concurrent articles never share it.
type memory struct {
	pair   []mention // the last compound of two or more actors
	person *mention
	org    *mention
	names  map[string]mention // a word of a person's name → that person
}

// pairPhrases name the last compound pair.
var pairPhrases = [][]string{
	{"the", "two", "sides"}, {"both", "sides"}, {"the", "two", "factions"}, {"both", "factions"},
	{"the", "two", "groups"}, {"both", "groups"}, {"the", "two", "parties"}, {"both", "parties"},
	{"the", "two", "movements"}, {"both", "movements"}, {"the", "two", "countries"}, {"both", "countries"},
	{"the", "two", "rivals"}, {"the", "rivals"}, {"the", "factions"}, {"they"},
}

// orgPhrases name the last organisation.
var orgPhrases = [][]string{{"the", "group"}, {"the", "movement"}, {"the", "organization"}, {"the", "organisation"}, {"the", "militant", "group"}}

// resolve returns the remembered mentions a phrase at token i stands for,
// and the phrase length.
func (mem *memory) resolve(s *sentence, i int) ([]mention, int) {
	if mem == nil {
		return nil, 0
	}
	if len(mem.pair) > 1 {
		for _, p := range pairPhrases {
			if matchWords(s, i, p) {
				return mem.pair, len(p)
			}
		}
	}
	if mem.org != nil {
		for _, p := range orgPhrases {
			if matchWords(s, i, p) {
				return []mention{*mem.org}, len(p)
			}
		}
	}
	switch w := s.word(i); {
	case (w == "he" || w == "she") && mem.person != nil:
		return []mention{*mem.person}, 1
	case upper(s.toks[i].Text) && !s.isVerb(i) && s.pos(i) != "DT" && s.pos(i) != "IN":
		// not only NNP: the tagger often misses a foreign name
		// opening a sentence ("Haniyeh, in turn, …" tagged UH)
		if m, ok := mem.names[w]; ok {
			return []mention{m}, 1
		}
	}
	return nil, 0
}

func matchWords(s *sentence, i int, ws []string) bool {
	for k, w := range ws {
		if s.word(i+k) != w {
			return false
		}
	}
	return true
}

// learn remembers the actors of a coded sentence.
func (mem *memory) learn(s *sentence, ms []mention) {
	if mem == nil {
		return
	}
	for k := range ms {
		m := ms[k]
		if m.resolved != "" || len(m.codes) == 0 || strings.HasPrefix(m.codes[0], noCountry) {
			continue
		}
		if g := members(ms, k); len(g) > 1 && g[0] == k {
			mem.pair = mem.pair[:0]
			for _, o := range g {
				mem.pair = append(mem.pair, ms[o])
			}
		}
		switch {
		case m.person:
			mem.person = &ms[k]
			lo, hi := m.start, m.end
			if m.name[1] > m.name[0] {
				lo, hi = m.name[0], m.name[1]
			}
			for i := lo; i < hi; i++ {
				if s.pos(i) == "NNP" && len(s.word(i)) > 2 {
					mem.names[s.word(i)] = m
				}
			}
		case m.role != "" || len(m.codes[0]) > 3 || !isCountry(m.codes[0]):
			mem.org = &ms[k]
		}
	}
}
