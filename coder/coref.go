package coder

import (
	"strings"

	"github.com/khaldun/khaldun/dict"
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
	heads  map[string]mention // an agent's head noun → the last actor named with it
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
		if m.agent != nil && !m.bare() && len(m.agent.Phrase) > 0 {
			if mem.heads == nil {
				mem.heads = map[string]mention{}
			}
			mem.heads[headOf(m.agent)] = m
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

// quotedWe finds "we" inside a quotation whose attribution in the same
// sentence names the speaker ("\"We urge both parties …,\" Saudi foreign
// ministry spokesman Faisal al-Harbi told reporters"): the speaker's
// side is who "we" are. It returns a mention of "we" with the speaker's
// codes for each such pronoun; ms are the sentence's mentions so far.
func quotedWe(s *sentence, ms []mention) []mention {
	var out []mention
	open := -1
	for i := 0; i < s.seq.Len(); i++ {
		switch w := s.word(i); {
		case w == "\"" && !s.quoteEnd(i) || w == "\u201c" || w == "``":
			open = i
		case s.quoteEnd(i):
			open = -1
		case (w == "we") && s.pos(i) == "PRP" && open >= 0:
			end := i + 1
			for end < s.seq.Len() && !s.quoteEnd(end) {
				end++
			}
			if sp := speakerAfter(s, ms, end+1); sp >= 0 {
				m := ms[sp]
				m.start, m.end, m.resolved = i, i+1, s.word(i)
				m.rule = "quote-speaker:" + strings.Join(m.codes, "/") + " " + m.rule
				out = append(out, m)
			}
		}
	}
	return out
}

// speakerAfter is the mention that a closing attribution starting at
// token i names: "Saudi spokesman X told reporters", "said X", or -1.
func speakerAfter(s *sentence, ms []mention, i int) int {
	if i >= s.seq.Len() {
		return -1
	}
	if s.isVerb(i) && reportVerbs[s.seq.Lemmas[i]] {
		// "…," said the spokesman
		if k := mentionAfterDet(s, ms, i+1); k >= 0 && named(ms[k]) {
			return k
		}
		return -1
	}
	if !reportingClause(s, i) {
		return -1
	}
	if k := mentionAfterDet(s, ms, i); k >= 0 && named(ms[k]) {
		return k
	}
	return -1
}

// definite resolves "the ministry", "the army", "the spokesman": a bare
// agent after "the" is the actor last named with the same head noun
// ("Saudi Arabia's foreign ministry … The ministry said"), not whatever
// country the sentence happens to name.
func (mem *memory) definite(s *sentence, ms []mention) {
	if mem == nil || len(mem.heads) == 0 {
		return
	}
	for k := range ms {
		m := &ms[k]
		if !m.bare() || m.ofAgent || m.resolved != "" || len(m.agent.Phrase) != m.end-m.start || s.word(m.start-1) != "the" {
			continue
		}
		r, ok := mem.heads[headOf(m.agent)]
		if !ok {
			continue
		}
		m.codes, m.owner, m.resolved = r.codes, r.owner, s.textOf(s.span(m.start-1, m.end))
		m.rule = "coref:" + strings.Join(r.codes, "/") + " " + m.rule
	}
}

// objectPronoun resolves "him" or "her" as an object at token i: a person
// named earlier in the sentence who is not its subject ("X met Y and
// urged him to return": Y), else the last person of the article. ms are
// the sentence's mentions so far.
func objectPronoun(s *sentence, i int, ms []mention, mem *memory) (mention, bool) {
	if w := s.word(i); w != "him" && !(w == "her" && s.pos(i) == "PRP") {
		return mention{}, false
	}
	for k := len(ms) - 1; k > 0; k-- {
		if ms[k].person && ms[k].resolved == "" {
			return ms[k], true
		}
	}
	if mem != nil && mem.person != nil && (len(ms) == 0 || !ms[0].person) {
		return *mem.person, true
	}
	return mention{}, false
}

// subjectPronoun resolves "he" or "she" right after a reporting verb of
// the main subject ("X declined to see Y, saying he would …", "X said he
// would …"), or "his"/"her" before a noun in subject position ("his office
// said"), to the first person the sentence names: the one who speaks. In
// other clauses ("after he annexed", "who said he") the pronoun is left to
// the article memory. It returns the person and how many tokens the
// phrase covers.
func subjectPronoun(s *sentence, i int, ms []mention) (mention, int, bool) {
	k := 1
	switch w := s.word(i); {
	case (w == "he" || w == "she") && reportedBy(s, i):
	case (w == "his" || w == "her") && s.pos(i) == "PRP$" && noun(s.pos(i+1)) && subjectVerb(s, i+2) && s.word(i-1) == ",":
		k = 2
	default:
		return mention{}, 0, false
	}
	for n, m := range ms {
		if m.person && m.resolved == "" && n == 0 {
			for j := m.end; j < i; j++ {
				if w := s.word(j); w == "who" || w == "whom" || w == "whose" {
					return mention{}, 0, false // the relative clause's own subject
				}
			}
			return m, k, true
		}
	}
	return mention{}, 0, false
}

// reportedBy reports a pronoun at token i that is the subject of the
// clause a reporting verb right before it introduces ("saying he", "said
// that she").
func reportedBy(s *sentence, i int) bool {
	j := i - 1
	if s.word(j) == "that" {
		j--
	}
	return j >= 0 && s.isVerb(j) && reportVerbs[s.seq.Lemmas[j]]
}

// subjectVerb reports a finite verb or modal at token i, as follows a
// subject.
func subjectVerb(s *sentence, i int) bool {
	switch s.pos(i) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// headOf is an agent phrase's head noun, lower-case: "ministry" for
// "foreign ministry" (PETRARCH files write phrases in capitals).
func headOf(g *dict.Agent) string { return strings.ToLower(g.Phrase[len(g.Phrase)-1]) }

// possessed gives a bare agent after "his" or "her" the country of the
// person it belongs to: the first person the sentence names before it
// ("Pena Nieto said his government remains committed": MEXGOV), else the
// article's last person.
func (mem *memory) possessed(s *sentence, ms []mention) {
	for k := range ms {
		m := &ms[k]
		// "her" right before the agent noun is possessive, whatever the
		// tagger says
		if w := s.word(m.start - 1); !m.bare() || m.resolved != "" || w != "his" && w != "her" {
			continue
		}
		var owner *mention
		for o := 0; o < k; o++ {
			if ms[o].person && ms[o].resolved == "" {
				owner = &ms[o]
				break
			}
		}
		if owner == nil && mem != nil {
			owner = mem.person
		}
		if owner == nil || len(owner.codes) == 0 || len(owner.codes[0]) < 3 || !isCountry(owner.codes[0][:3]) {
			continue
		}
		m.owner = []string{owner.codes[0][:3]}
		m.codes = combine(m.owner, m.agent)
		m.resolved = s.textOf(s.span(m.start-1, m.end))
		m.rule = "possessor:" + m.owner[0] + " " + m.rule
	}
}
