package coder

import (
	"strings"

	"github.com/khaldun/khaldun/dict"
)

// Actor attachment beyond adjacent dictionary phrases: the owner of an
// agent may be written in a compound adjective ("Quorvian-led
// brigades"), after a person's name ("Queen Amara of Vestria"), or once
// for two nouns ("Eldorian drones and gunboats").

// ledMention reads "COUNTRY-led AGENT" at token i ("Quorvian-led
// brigades", "U.S.-led coalition"): the leader is the owner, unlike
// "Syrian-backed", which names a sponsor.
func (c *Coder) ledMention(s *sentence, i int) (mention, bool) {
	w := s.word(i)
	stem, ok := strings.CutSuffix(w, "-led")
	if !ok || stem == "" {
		return mention{}, false
	}
	as, n := c.d.MatchActor(dict.Seq{Words: []string{stem}}, 0)
	if n != 1 {
		return mention{}, false
	}
	codes := splitCodes(as[0].CodeOn(s.date))
	if len(codes) == 0 || nullCode(codes[0]) {
		return mention{}, false
	}
	m := mention{start: i, end: i + 1, codes: codes, rule: "actors:" + as[0].Source.String()}
	j := i + 1
	for k := 0; k < 2 && adjective(s.pos(j)); k++ {
		j++
	}
	if gs, g := c.d.MatchAgent(s.seq, j); g > 0 {
		m.end, m.role, m.agent, m.owner = j+g, gs[0].Code, gs[0], m.codes
		m.codes = combine(m.codes, gs[0])
		m.rule += " agents:" + gs[0].Source.String()
	}
	return m, true
}

// attachOwners gives bare agents the owner the sentence writes for them
// away from the agent noun; ms is changed in place and may shrink. With
// inPlace an armed agent in a country is that country's ("peacekeepers
// in Iraq" are IRQPKO), as khaldun's gold sets code it; PETRARCH's
// records leave it "---" (mentionAt).
func attachOwners(s *sentence, ms []mention, inPlace bool) []mention {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if inPlace && m.bare() && s.word(m.end) == "in" && s.pos(m.start-1) != "PRP$" && k+1 < len(ms) {
			// not "its forces in Lebanon": the possessive is the owner
			at := m.end + 1
			if s.pos(at) == "DT" {
				at++
			}
			if nx := ms[k+1]; nx.start == at && countryOnly(nx) {
				m.owner = nx.codes
				m.codes = combine(nx.codes, m.agent)
				m.end, m.rule = nx.end, m.rule+" "+nx.rule
				k++
			}
		}
		if m.bare() && m.name[1] > m.name[0] && k+1 < len(ms) {
			// "Queen Amara of Vestria": the "of" the agent rule reads
			// right after the title comes after the name here
			at := m.end + 1
			if s.word(at) == "the" {
				at++
			}
			nx := ms[k+1]
			if s.word(m.end) == "of" && nx.start == at && nx.agent == nil && named(nx) {
				m.owner = nx.codes
				m.codes = combine(nx.codes, m.agent)
				m.end, m.rule = nx.end, m.rule+" "+nx.rule
				k++
			}
		}
		if m.bare() && len(out) > 0 {
			// "Eldorian drones and gunboats": the country adjective
			// owns every noun of the coordination
			p := out[len(out)-1]
			if p.agent == nil && p.end < m.start && countryOnly(p) && nounsThenConj(s, p.end, m.start) {
				m.owner = p.codes
				m.codes = combine(p.codes, m.agent)
			}
		}
		out = append(out, m)
	}
	return out
}

// countryOnly reports a mention that is a bare country, as adjectives
// ("Israeli") are.
func countryOnly(m mention) bool {
	for _, c := range m.codes {
		if len(c) != 3 || !isCountry(c) {
			return false
		}
	}
	return len(m.codes) > 0
}

// nounsThenConj reports tokens [i, j) that are one or two common nouns
// and then "and"/"or": "helicopters and".
func nounsThenConj(s *sentence, i, j int) bool {
	if j-i < 2 || j-i > 3 {
		return false
	}
	for k := i; k < j-1; k++ {
		if !noun(s.pos(k)) {
			return false
		}
	}
	w := s.word(j - 1)
	return w == "and" || w == "or"
}

// anonymousAuthor reports an event noun's author that is only a bare
// agent modifying it, with no country the sentence could give it:
// "military occupation", "militant attacks". Without the dictionary's
// wish to keep bare agents (Options.KeepBare) such an event names no one.
func (c *Coder) anonymousAuthor(s *sentence, ms []mention, src int) bool {
	if c.opts.KeepBare || !ms[src].modifier {
		return false
	}
	for _, code := range ms[src].codes {
		if !strings.HasPrefix(c.resolveBare(s, ms, code), noCountry) {
			return false
		}
	}
	return true
}
