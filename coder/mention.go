package coder

import (
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
}

// noCountry is the placeholder PETRARCH writes for an agent without a
// country ("---GOV").
const noCountry = "---"

// mentions finds the actor mentions of s, left to right, longest first.
func (c *Coder) mentions(s *sentence) []mention {
	var out []mention
	n := s.seq.Len()
	for i := 0; i < n; {
		m, ok := c.mentionAt(s, i)
		if !ok {
			i++
			continue
		}
		m.group = len(out)
		out = append(out, m)
		i = m.end
	}
	groupCompounds(s, out)
	return out
}

func (c *Coder) mentionAt(s *sentence, i int) (mention, bool) {
	if as, n := c.d.MatchActor(s.seq, i); n > 0 {
		a := as[0]
		m := mention{start: i, end: i + n, codes: splitCodes(a.CodeOn(s.date)), rule: "actors:" + a.Source.String()}
		// "Gondor's foreign minister", "Israeli troops"
		j := i + n
		if s.word(j) == "'s" || s.word(j) == "'" {
			j++
		}
		if gs, k := c.d.MatchAgent(s.seq, j); k > 0 {
			m.end, m.role = j+k, gs[0].Code
			m.codes = combine(m.codes, gs[0])
			m.rule += " agents:" + gs[0].Source.String()
		}
		return m, true
	}
	gs, n := c.d.MatchAgent(s.seq, i)
	if n == 0 {
		return mention{}, false
	}
	g := gs[0]
	m := mention{start: i, end: i + n, role: g.Code, rule: "agents:" + g.Source.String()}
	// "the foreign minister of Gondor"
	j := i + n
	if w := s.word(j); w == "of" || w == "from" {
		k := j + 1
		if s.word(k) == "the" {
			k++
		}
		if as, an := c.d.MatchActor(s.seq, k); an > 0 {
			m.end = k + an
			m.codes = combine(splitCodes(as[0].CodeOn(s.date)), g)
			m.rule += " actors:" + as[0].Source.String()
			return m, true
		}
	}
	m.codes = combine([]string{noCountry}, g)
	return m, true
}

func splitCodes(code string) []string {
	if code == "" {
		return nil
	}
	return strings.Split(code, "/")
}

func combine(codes []string, g *dict.Agent) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = g.Combine(c)
	}
	return out
}

// groupCompounds joins "A and B", "A, B and C" into one group so that an
// event with a compound source or target is coded for each member.
func groupCompounds(s *sentence, ms []mention) {
	for k := 1; k < len(ms); k++ {
		between := ms[k].start - ms[k-1].end
		if between < 1 || between > 3 {
			continue
		}
		joined := false
		ok := true
		for i := ms[k-1].end; i < ms[k].start; i++ {
			switch s.word(i) {
			case "and", ",":
				joined = true
			case "the", "both":
			default:
				ok = false
			}
		}
		if ok && joined {
			g := ms[k-1].group
			ms[k].group = g
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
