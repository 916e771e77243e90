package coder

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/cameo"
	"github.com/khaldun/khaldun/dict"
)

// codeSentence returns the events of one sentence.
func (c *Coder) codeSentence(s *sentence) []khaldun.Event {
	ms := c.mentions(s)
	if len(ms) == 0 {
		return nil
	}
	var out []khaldun.Event
	for _, h := range c.verbs(s) {
		out = append(out, c.codeVerb(s, ms, h)...)
	}
	return dedupe(out)
}

// role of a verb's participants, decided before codes are assigned.
type dyad struct {
	src, tgt []int // mention indexes (compound groups expanded)
	passive  bool
}

func (c *Coder) codeVerb(s *sentence, ms []mention, h verbHit) []khaldun.Event {
	var pat *dict.Pattern
	cp := capture{src: -1, tgt: -1, cmp: -1, end: h.end}
	for _, p := range c.patterns(h.form.Block) {
		if r, ok := c.matchPattern(s, ms, p, h); ok {
			pat, cp = p, r
			break
		}
	}
	code, reverse := h.form.EffectiveCode(), ""
	if pat != nil {
		code, reverse = pat.Code, pat.Reverse
	}
	if nullCode(code) && nullCode(reverse) {
		return nil
	}
	if negated(s, h) && !cp.negated {
		return nil
	}
	dy := c.participants(s, ms, h, cp)
	if len(dy.src) == 0 {
		return nil
	}
	var out []khaldun.Event
	emit := func(src, tgt int, code string) {
		if nullCode(code) {
			return
		}
		for _, sc := range ms[src].codes {
			if tgt < 0 {
				if !c.opts.Monadic {
					continue
				}
				out = append(out, c.event(s, ms, h, pat, src, -1, sc, "", code, dy.passive))
				continue
			}
			for _, tc := range ms[tgt].codes {
				if sc == tc {
					continue // PETRARCH codes no event of an actor with itself
				}
				out = append(out, c.event(s, ms, h, pat, src, tgt, sc, tc, code, dy.passive))
			}
		}
	}
	for _, a := range dy.src {
		if len(dy.tgt) == 0 {
			emit(a, -1, code)
		}
		for _, b := range dy.tgt {
			if a == b {
				continue
			}
			emit(a, b, code)
			emit(b, a, reverse)
		}
	}
	return out
}

func nullCode(c string) bool { return c == "" || c == "---" || strings.Trim(c, "-+?") == "" }

// participants picks source and target mentions of a verb: the pattern's
// slots when it has them, else the subject before the verb and the first
// actor after it, swapped for a passive with a "by" agent.
func (c *Coder) participants(s *sentence, ms []mention, h verbHit, cp capture) dyad {
	var dy dyad
	if cp.cmp >= 0 {
		// "% * ..." : a compound acting on itself, each member on each other
		g := members(ms, cp.cmp)
		return dyad{src: g, tgt: g}
	}
	src, tgt := cp.src, cp.tgt
	if src < 0 && tgt < 0 && passiveAt(s, h) {
		if by := byAgent(s, ms, h.end); by >= 0 {
			dy.passive = true
			src = by
			tgt = subjectBefore(s, ms, h.start)
		}
	}
	if src < 0 {
		src = subjectBefore(s, ms, h.start)
	}
	if src < 0 {
		return dy
	}
	if tgt < 0 && !dy.passive {
		tgt = objectAfter(s, ms, max(cp.end, h.end), src)
	}
	dy.src = members(ms, src)
	if tgt >= 0 {
		dy.tgt = members(ms, tgt)
	} else if len(dy.src) > 1 {
		// "Gondor and Osgiliath renewed ties": a compound subject
		// without an object acts on itself.
		dy.tgt = dy.src
	}
	return dy
}

// subjectBefore is the nearest mention ending before token v.
func subjectBefore(s *sentence, ms []mention, v int) int {
	best := -1
	for k := range ms {
		if ms[k].end <= v {
			best = k
		}
	}
	if best < 0 {
		return -1
	}
	// the subject of "A and B met" is the whole group; return its head
	return members(ms, best)[0]
}

// objectAfter is the first mention after token from, unless a clause
// boundary comes first or the mention is itself the subject of a
// following verb ("X said Y attacked Z": Y is not X's target).
func objectAfter(s *sentence, ms []mention, from, src int) int {
	for k := range ms {
		if ms[k].start < from || k == src || ms[k].group == ms[src].group {
			continue
		}
		for i := from; i < ms[k].start; i++ {
			if s.clauseBreak(i) || (s.isVerb(i) && !auxiliaries[s.word(i)] && s.pos(i) != "VBN" && s.pos(i) != "VBG") {
				return -1
			}
		}
		g := members(ms, k)
		if subjectOfNext(s, ms[g[len(g)-1]].end) {
			return -1
		}
		return k
	}
	return -1
}

// subjectOfNext reports whether a finite verb follows token i closely.
func subjectOfNext(s *sentence, i int) bool {
	for ; i < s.seq.Len(); i++ {
		switch {
		case s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[s.word(i)]:
			continue
		case s.pos(i) == "VBD" || s.pos(i) == "VBZ" || s.pos(i) == "VBP" || (s.pos(i) == "VBN" && s.word(i+1) != "by"):
			return true
		}
		return false
	}
	return false
}

// passiveAt reports "was/were/been/is ... VBN".
func passiveAt(s *sentence, h verbHit) bool {
	if s.pos(h.head) != "VBN" {
		return false
	}
	for i := h.start - 1; i >= 0 && i >= h.start-3; i-- {
		switch s.word(i) {
		case "was", "were", "been", "is", "are", "be", "being", "got":
			return true
		}
		if s.pos(i) != "RB" {
			return false
		}
	}
	return false
}

// byAgent finds "by ACTOR" shortly after a passive verb.
func byAgent(s *sentence, ms []mention, from int) int {
	for i := from; i < s.seq.Len() && i < from+6; i++ {
		if s.clauseBreak(i) {
			return -1
		}
		if s.word(i) == "by" {
			for k := range ms {
				if ms[k].start > i && ms[k].start <= i+3 {
					return k
				}
			}
			return -1
		}
	}
	return -1
}

// negated reports a negation right before the verb ("did not meet").
func negated(s *sentence, h verbHit) bool {
	for i := h.start - 1; i >= 0 && i >= h.start-3; i-- {
		w := s.word(i)
		if negation[w] {
			return true
		}
		if !auxiliaries[w] && s.pos(i) != "RB" {
			return false
		}
	}
	return false
}

func (c *Coder) event(s *sentence, ms []mention, h verbHit, p *dict.Pattern, src, tgt int, sc, tc, code string, passive bool) khaldun.Event {
	e := khaldun.Event{
		Sentence: s.sent.Index,
		Text:     s.textOf(s.sent.Span),
		Source:   c.actor(s, ms[src], sc),
		Code:     code,
		Date:     s.text.Published,
		Rule:     rule(h, p),
	}
	lo, hi := min(ms[src].start, h.start), max(ms[src].end, h.end)
	if tgt >= 0 {
		a := c.actor(s, ms[tgt], tc)
		e.Target = &a
		lo, hi = min(lo, ms[tgt].start), max(hi, ms[tgt].end)
	}
	e.Span = s.span(lo, hi)
	if cc, ok := cameo.Lookup(code); ok {
		e.Root, e.Name, e.Plover, e.QuadClass, e.Goldstein = cc.Root, cc.Name, cc.Plover, cc.QuadClass, cc.Goldstein
	} else {
		e.Root = cameo.Root(code)
	}
	e.Confidence = confidence(p, tgt >= 0, passive, hi-lo)
	sum := sha1.Sum([]byte(fmt.Sprintf("%d|%d|%d|%s|%s|%s|%s", e.Sentence, e.Span.Start, e.Span.End, e.Source.Code, tc, code, e.Rule)))
	e.ID = hex.EncodeToString(sum[:8])
	return e
}

// confidence is a heuristic in [0, 1]: a pattern match with both actors
// close together is the strongest evidence a shallow coder has.
func confidence(p *dict.Pattern, dyadic, passive bool, width int) float64 {
	c := 0.55
	if p != nil {
		c += 0.2
	}
	if dyadic {
		c += 0.1
	}
	if passive {
		c -= 0.05
	}
	if width > 25 {
		c -= 0.1
	}
	return max(0.05, min(c, 1))
}

func rule(h verbHit, p *dict.Pattern) string {
	b := h.form.Block
	if p != nil {
		return fmt.Sprintf("verbs:%s %s - %s [%s]", p.Source, b.Name, p.Text, codePair(p.Code, p.Reverse))
	}
	return fmt.Sprintf("verbs:%s %s [%s]", h.form.Source, strings.Join(h.form.Words, " "), h.form.EffectiveCode())
}

func codePair(a, b string) string {
	if b == "" {
		return a
	}
	return a + ":" + b
}

func (c *Coder) actor(s *sentence, m mention, code string) khaldun.Actor {
	sp := s.span(m.start, m.end)
	a := khaldun.Actor{Text: s.textOf(sp), Code: code, Span: sp, Role: m.role}
	if len(code) >= 3 && isCountry(code[:3]) {
		a.Country = code[:3]
		if a.Role == "" && len(code) >= 6 {
			a.Role = code[3:6]
		}
	}
	return a
}

// isCountry rejects the three-letter prefixes CAMEO uses for non-state
// actors; everything else upper-case is taken as a country code.
func isCountry(p string) bool {
	switch p {
	case "---", "IGO", "NGO", "IMG", "MNC", "UNO", "NGM":
		return false
	}
	for _, r := range p {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// dedupe drops repeated (source, target, code) triples within a sentence,
// keeping the first (most specific) evidence.
func dedupe(evs []khaldun.Event) []khaldun.Event {
	seen := map[string]bool{}
	out := evs[:0]
	for _, e := range evs {
		t := ""
		if e.Target != nil {
			t = e.Target.Code
		}
		k := e.Source.Code + "|" + t + "|" + e.Code
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}
