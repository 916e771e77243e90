package coder

import (
	"slices"
	"strings"

	"github.com/khaldun/khaldun/dict"
)

type seqT = dict.Seq

// mention is an actor found in a sentence: a dictionary actor, an agent
// ("the foreign minister"), or both combined ("Gondor's foreign minister").
type mention struct {
	start, end int      // token range [start, end)
	codes      []string // several when the dictionary gives "A/B"
	role       string   // agent code, "" for a bare actor
	group      int      // mentions joined by "and"/"," share a group
	rule       string   // dictionary lines that named it
	resolved   string   // how a pronoun or short name was resolved, "" when named
	agent      *dict.Agent
	ofAgent    bool     // "the ambassadors of A, B and C": the role spreads to B and C
	person     bool     // names a person, for "he"/"she"
	name       [2]int   // tokens of an unknown name after a title, for later surname look-ups
	modifier   bool     // a bare agent modifying a noun: "military offensive", "terrorist activities"
	owner      []string // the actor codes an agent was combined with ("Danish media": DNK), for sharing
}

// noCountry is the placeholder PETRARCH writes for an agent without a
// country ("---GOV").
const noCountry = "---"

// mentions finds the actor mentions of s, left to right, longest first,
// then joins the pieces of one noun phrase that the dictionaries name
// separately: "MSF Arnor diplomat", "Prime Minister Romendacil".
func (c *Coder) mentions(s *sentence, mem *memory) []mention {
	var out []mention
	n := s.seq.Len()
	var pairs [][2]int // mentions standing for a remembered compound
	for i := 0; i < n; {
		m, ok := c.mentionAt(s, i)
		if !ok {
			m, ok = c.ledMention(s, i)
		}
		if !ok {
			if r, k, ok := subjectPronoun(s, i, out); ok {
				r.start, r.end, r.resolved = i, i+k, s.textOf(s.span(i, i+k))
				r.rule = "coref:" + strings.Join(r.codes, "/") + " " + r.rule
				out = append(out, r)
				i += k
				continue
			}
			rs, k := mem.resolve(s, i)
			if k == 0 {
				if r, ok := objectPronoun(s, i, out, mem); ok {
					r.start, r.end, r.resolved = i, i+1, s.word(i)
					r.rule = "coref:" + strings.Join(r.codes, "/") + " " + r.rule
					out = append(out, r)
				}
				i++
				continue
			}
			if len(rs) > 1 {
				pairs = append(pairs, [2]int{len(out), len(rs)})
			}
			for _, r := range rs {
				r.start, r.end, r.resolved = i, i+k, s.textOf(s.span(i, i+k))
				r.rule = "coref:" + strings.Join(r.codes, "/") + " " + r.rule
				out = append(out, r)
			}
			i += k
			continue
		}
		out = append(out, m)
		i = m.end
	}
	out = attachOwners(s, mergeAdjacent(s, out), !c.opts.KeepBare)
	if !c.opts.KeepBare {
		mem.definite(s, out)
		mem.possessed(s, out)
	}
	for k := range out {
		out[k].group = k
	}
	groupCompounds(s, out)
	for _, p := range pairs {
		for k := p[0]; k < p[0]+p[1] && k < len(out); k++ {
			out[k].group = out[p[0]].group
		}
	}
	if we := quotedWe(s, out); len(we) > 0 {
		for k := range we {
			we[k].group = len(out) + k
		}
		out = append(out, we...)
		slices.SortStableFunc(out, func(a, b mention) int { return a.start - b.start })
	}
	spreadOfAgent(out)
	shareOwner(s, out)
	markModifiers(s, out)
	return out
}

// markModifiers flags bare agents used as a noun's modifier: "a military
// offensive", "terrorist activities", "the peacekeeping force's mandate"
// name no one that can be acted upon, so they are never a target; they
// may still be the author of the event noun they modify. So does a
// nationality naming a language ("the Greek language").
func markModifiers(s *sentence, ms []mention) {
	for k := range ms {
		m := &ms[k]
		if m.agent == nil && m.end-m.start == 1 && (s.word(m.end) == "language" || s.word(m.end) == "languages") {
			m.modifier = true // "lessons in the Greek language": a language, no one
			continue
		}
		if !m.bare() || m.ofAgent {
			continue
		}
		if t := s.pos(m.end); (t == "NN" || t == "NNS") && (k+1 == len(ms) || ms[k+1].start != m.end) {
			m.modifier = true
		}
	}
}

func (c *Coder) mentionAt(s *sentence, i int) (mention, bool) {
	if as, n := c.matchName(s, i); n > 0 {
		a := as[0]
		m := mention{start: i, end: i + n, codes: splitCodes(a.CodeOn(s.date)), rule: "actors:" + a.Source.String(), person: isPersonSource(a.Source)}
		// "Gondor's foreign minister", "Israeli troops", "Gondor's
		// first deputy prime minister": adjectives may come between.
		j := i + n
		if s.word(j) == "'s" || s.word(j) == "'" {
			j++
		}
		for k := 0; k < 4; k++ {
			if gs, g := c.d.MatchAgent(s.seq, j); g > 0 {
				m.end, m.role, m.agent = j+g, gs[0].Code, gs[0]
				m.owner = m.codes
				m.codes = combine(m.codes, gs[0])
				m.rule += " agents:" + gs[0].Source.String()
				m.person = false
				// "Danish Islamist media": an agent that is no common
				// noun (an adjective, a capitalised "Islamist") qualifies
				// the agent noun after it; both roles hold (DNKMUSMED).
				if !noun(s.pos(m.end - 1)) {
					if hs, h := c.d.MatchAgent(s.seq, m.end); h > 0 && noun(s.pos(m.end+h-1)) {
						m.owner = m.codes
						m.end, m.role, m.agent = m.end+h, hs[0].Code, hs[0]
						m.codes = combine(m.codes, hs[0])
						m.rule += " agents:" + hs[0].Source.String()
					}
				}
				break
			}
			if (s.word(j) == "and" || s.word(j) == ",") && j > i+n && adjective(s.pos(j-1)) && adjective(s.pos(j+1)) {
				j++ // "Ithilen's awful and evil minister": joined adjectives
				continue
			}
			if !adjective(s.pos(j)) && !(s.pos(j) == "NNP" && j > i+n) && s.pos(j) != "NN" {
				break // "Vestria's Deputy Trade Minister": a title word may come between
			}
			j++
		}
		return m, true
	}
	gs, n := c.d.MatchAgent(s.seq, i)
	if n == 0 {
		return mention{}, false
	}
	g := gs[0]
	m := mention{start: i, end: i + n, role: g.Code, agent: g, rule: "agents:" + g.Source.String()}
	// "the foreign minister of Gondor", "students at Cairo University",
	// but not "its troops from Gaza": a possessive already names the
	// owner.
	j := i + n
	if w := s.word(j); (w == "of" || w == "from" || ((w == "in" || w == "at") && !armed(g))) && s.pos(i-1) != "PRP$" {
		k := j + 1
		if s.word(k) == "the" {
			k++
		}
		if _, t := c.d.MatchAgent(s.seq, k); t > 0 && w == "of" {
			// "the cabinet of President Maro": a title before the name
			if _, an := c.d.MatchActor(s.seq, k+t); an > 0 {
				k += t
			}
		}
		if as, an := c.d.MatchActor(s.seq, k); an > 0 {
			m.end = k + an
			m.owner = splitCodes(as[0].CodeOn(s.date))
			m.codes = combine(m.owner, g)
			m.rule += " actors:" + as[0].Source.String()
			m.ofAgent = true
			if hs, h := c.d.MatchAgent(s.seq, m.end); h > 0 && hs[0].Code != g.Code && envoys[headOf(g)] {
				// "delegations from the Sudanese army": people sent by
				// a body code as that body (SDNMIL), and the adjective
				// is the army's; "relatives of army officers" are not
				// the army
				m.end, m.role, m.agent = m.end+h, hs[0].Code, hs[0]
				m.codes = combine(m.owner, hs[0])
				m.rule += " agents:" + hs[0].Source.String()
			}
			return m, true
		}
	}
	m.codes = combine([]string{noCountry}, g)
	return m, true
}

// envoys are the agents who speak or act for the body they come from.
var envoys = map[string]bool{
	"delegation": true, "delegations": true, "delegate": true, "delegates": true, "envoy": true,
	"envoys": true, "official": true, "officials": true, "representative": true, "representatives": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "emissary": true, "emissaries": true,
	"negotiator": true, "negotiators": true, "member": true, "members": true,
}

// armed reports an armed role: "troops in Gaza" may be anyone's troops,
// while "lawmakers in Gondor" are Gondor's.
func armed(g *dict.Agent) bool {
	switch g.Code {
	case "MIL", "PKO", "REB", "INS", "IMG", "UAF", "SPY":
		return true
	}
	return false
}

func noun(pos string) bool { return pos == "NN" || pos == "NNS" }

func adjective(pos string) bool {
	switch pos {
	case "JJ", "JJR", "JJS", "VBN", "CD":
		return true
	}
	return false
}

// isPersonSource tells people entries from country and organisation
// entries, for pronoun resolution: "he" is never Gondor.
func isPersonSource(src dict.Source) bool {
	return strings.Contains(src.File, "people") || strings.Contains(src.File, "Phoenix.International")
}

// bare reports a mention that is an agent with no country yet ("---GOV").
func (m *mention) bare() bool {
	return m.agent != nil && len(m.codes) > 0 && strings.Contains(m.codes[0], noCountry)
}

// mergeAdjacent joins mentions that touch and belong to one noun phrase: a
// bare agent before an actor ("MSF Arnor", "Prime Minister Romendacil")
// takes the actor's country; a titled actor followed by a name keeps its
// code and covers the name ("Bree Prime Minister Romendacil").
func mergeAdjacent(s *sentence, ms []mention) []mention {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		// A prefix agent also joins an actor that has its own agent: "an
		// MSF Arnor diplomat" is NGOARNGOV.
		for k+1 < len(ms) && ms[k+1].start == m.end && m.agent != nil && (ms[k+1].agent == nil || m.agent.Prefix && m.bare()) && !ms[k+1].bare() {
			nx := ms[k+1]
			if m.bare() {
				m.owner = nx.codes
				m.codes = combine(nx.codes, m.agent)
			} else if nx.person {
				// "Hamas political leader Ismail Haniyeh": a named
				// person keeps the code the people files give them
				m.codes = nx.codes
			}
			m.end = nx.end
			m.rule += " " + nx.rule
			m.person = m.person || nx.person
			k++
		}
		if m.agent != nil && !m.agent.Prefix && m.resolved == "" {
			// "Chinese diplomat Wang Kejian": an unknown name after a
			// title is the titled person. (Not for "both sides" standing
			// for a remembered pair: its members share the phrase.)
			j := m.end
			for j < s.seq.Len() && j < m.end+3 && s.pos(j) == "NNP" && upper(s.toks[j].Text) {
				j++
			}
			if j > m.end {
				m.name = [2]int{m.end, j}
				m.end, m.person = j, true
			}
			for k+1 < len(ms) && ms[k+1].start < m.end {
				k++ // "Harbour Master Ivo Prince": "Prince" is the name
			}
		}
		out = append(out, m)
	}
	return out
}

func upper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func splitCodes(code string) []string {
	if code == "" {
		return nil
	}
	return strings.Split(code, "/")
}

func combine(codes []string, g *dict.Agent) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		if member(g) && organisation(c) {
			// "Hamas representatives" are Hamas (PSEREB), not its
			// government: a generic member adds no role to a group
			out[i] = c
			continue
		}
		out[i] = g.Combine(c)
	}
	return out
}

// memberHeads are agent nouns that say only "someone of": "officials",
// "representatives", "leaders", "delegation". They give a country its
// government (CHN → CHNGOV), but change nothing of an organisation.
var memberHeads = map[string]bool{
	"official": true, "officials": true, "representative": true, "representatives": true,
	"member": true, "members": true, "leader": true, "leaders": true, "leadership": true,
	"delegation": true, "delegate": true, "delegates": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "envoy": true, "envoys": true, "chief": true, "head": true,
}

func member(g *dict.Agent) bool {
	return !g.Prefix && g.Code == "GOV" && len(g.Phrase) > 0 && memberHeads[g.Phrase[len(g.Phrase)-1]]
}

// organisation reports an actor code that is more than a country: a
// group (PSEREB), an IGO or NGO, or a country's institution (USAGOV).
func organisation(code string) bool {
	return code != noCountry && code != "" && (len(code) > 3 || !isCountry(code))
}

// groupCompounds joins "A and B", "A, B and C", "neither A nor B" into
// one group so that an event with a compound source or target is coded for
// each member. Determiners and adjectives may open a member ("Gondor and
// the embattled Arnor"); an adjective counts only after the conjunction,
// so an apposition ("Gondor, ...") is not read as a list.
//
// A list is closed by its conjunction: after "A and B" a comma opens
// something else ("A and B, the Osgiliath newspaper said"), not a member.
func groupCompounds(s *sentence, ms []mention) {
	closed := make([]bool, len(ms)) // mention k ended a list with "and"/"nor"
	for k := 1; k < len(ms); k++ {
		ok, joined, conj := link(s, ms[k-1], ms[k], false)
		if !ok && asideLink(s, ms[k-1], ms[k]) {
			ok, joined, conj = true, true, true
		}
		if !ok && joined && !conj && k+1 < len(ms) && s.word(ms[k].end) == "," {
			// "Mordor, the awful Arnor, and good Gondor": an adjective
			// after a bare comma is a list member when the list goes on
			// with ", and" right after it; an apposition does not.
			if ok2, _, conj2 := link(s, ms[k], ms[k+1], false); ok2 && conj2 {
				ok, _, _ = link(s, ms[k-1], ms[k], true)
			}
		}
		if ok && joined && !conj && subjectOfNext(s, ms[k].end) && s.word(ms[k].end) != "," {
			// "seized rifles from local gangs, the Vestrian police
			// said": a comma before a new subject and its verb closes
			// the clause; it opens no list
			ok = false
		}
		if ok && joined && !conj && ms[k-1].bare() && !ms[k].bare() && named(ms[k]) && !listGoesOn(s, ms, k) {
			// "the largest militia, the Greyband, said": a name
			// after a bare agent and a comma, with no list going on,
			// is an apposition naming the agent, not a second actor;
			// the agent is the one named
			ok = false
			ms[k-1].codes = slices.Clone(ms[k].codes)
		}
		if ok && joined && !(closed[k-1] && !conj) {
			g := ms[k-1].group
			ms[k].group = g
			closed[k] = conj
		}
	}
}

// listGoesOn reports mention k joined to the next by a comma or a
// conjunction: "rebels, Hamas and Fatah" is a list.
func listGoesOn(s *sentence, ms []mention, k int) bool {
	if k+1 >= len(ms) {
		return false
	}
	ok, joined, _ := link(s, ms[k], ms[k+1], false)
	return ok && joined
}

// link reads the tokens between mentions a and b: ok when they may join a
// list, joined when a comma or conjunction is among them, conj when the
// conjunction is. Adjectives may open b only after the conjunction, or
// anywhere when adj is set.
func link(s *sentence, a, b mention, adj bool) (ok, joined, conj bool) {
	between := b.start - a.end
	if between < 1 || between > 5 {
		return false, false, false
	}
	ok = true
	for i := a.end; i < b.start; i++ {
		switch w := s.word(i); {
		case w == "and" || w == "nor":
			joined, conj = true, true
		case w == ",":
			joined = true
		case w == "the" || w == "both":
		case (conj || adj) && (s.pos(i) == "JJ" || s.pos(i) == "RB"):
		case conj && (s.pos(i) == "DT" || quantities[w] || w == "of"):
			// "Lorn and a group of senators": a quantity opens the
			// member, as it opens a subject (quantityOf)
		default:
			ok = false
		}
	}
	return ok, joined, conj
}

// asideLink reads "A, and on certain terms, B" or "A and, to a
// lesser extent, B": a conjunction, then a short aside closed by a comma
// before the last member. The aside holds no finite verb or clause break,
// and B opens no clause of its own ("Y and, in response, Z fired").
func asideLink(s *sentence, a, b mention) bool {
	i := a.end
	if s.word(i) == "," {
		i++
	}
	if w := s.word(i); w != "and" && w != "or" {
		return false
	}
	i++
	if s.word(i) == "," {
		i++
	}
	end := b.start - 1
	for end > i && (s.pos(end) == "DT" || s.pos(end) == "JJ") {
		end-- // "..., the embattled Arnor"
	}
	if s.word(end) != "," || end-i < 1 || end-i > 5 || subjectOfNext(s, b.end) {
		return false
	}
	for j := i; j < end; j++ {
		if w := s.word(j); w == "," || w == "and" || w == "or" || finite(s.pos(j)) || s.clauseBreak(j) || s.pos(j) == "WDT" || s.pos(j) == "WP" {
			return false
		}
	}
	return true
}

// spreadOfAgent gives the other members of "the ambassadors of A, B and
// C" the role of the first.
func spreadOfAgent(ms []mention) {
	for k := range ms {
		if !ms[k].ofAgent {
			continue
		}
		for _, o := range members(ms, k) {
			// only the members listed after the "of": in "Ithilen and
			// the government of Gondor" Ithilen is no government
			if o > k && ms[o].agent == nil {
				ms[o].owner = ms[o].codes
				ms[o].codes = combine(ms[o].codes, ms[k].agent)
				ms[o].agent, ms[o].role = ms[k].agent, ms[k].role
			}
		}
	}
}

// members returns the mentions of the group of m, in order.
func members(ms []mention, m int) []int {
	var out []int
	for k := range ms {
		if ms[k].group == ms[m].group {
			out = append(out, k)
		}
	}
	return out
}

// mentionStarting returns the mention starting at token i, or -1.
func mentionStarting(ms []mention, i int) int {
	for k := range ms {
		if ms[k].start == i {
			return k
		}
		if ms[k].start > i {
			break
		}
	}
	return -1
}

// shareOwner gives a bare agent joined to an owned one the same owner: in
// "Danish media and government" and "lawmakers and officials in Arnor and
// Gondor" the country is written once for both nouns, as CAMEO coders read
// it. Only a bare "and"/"or"/"," may stand between the two nouns: "the
// Danish media and the government" may well be another government.
func shareOwner(s *sentence, ms []mention) {
	for k := range ms {
		if !ms[k].bare() {
			continue
		}
		var owners []string
		switch {
		case k+1 < len(ms) && ms[k+1].group == ms[k].group && ms[k+1].ofAgent && onlyConj(s, ms[k].end, ms[k+1].start):
			// the owner follows: every member of the "of" list owns it
			for o := k + 1; o < len(ms) && ms[o].group == ms[k].group; o++ {
				owners = append(owners, ms[o].owner...)
			}
		case k > 0 && ms[k-1].group == ms[k].group && ms[k-1].agent != nil && !ms[k-1].ofAgent && onlyConj(s, ms[k-1].end, ms[k].start):
			owners = ms[k-1].owner
		}
		if len(owners) > 0 {
			ms[k].owner = owners
			ms[k].codes = combine(owners, ms[k].agent)
		}
	}
}

// onlyConj reports tokens [i, j) that are nothing but one conjunction or
// comma.
func onlyConj(s *sentence, i, j int) bool {
	if j-i != 1 {
		return false
	}
	switch s.word(i) {
	case "and", "or", ",":
		return true
	}
	return false
}
