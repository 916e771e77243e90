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
func (c *Coder) codeSentence(s *sentence, mem *memory) []khaldun.Event {
	ms := c.mentions(s, mem)
	defer mem.learn(s, ms)
	if c.tracing() {
		c.traceMentions(s, ms)
	}
	if len(ms) == 0 {
		return nil
	}
	var out []khaldun.Event
	shared := -1
	for _, h := range c.verbs(s) {
		if c.tracing() {
			c.trace(s, TraceVerb, h.start, h.end, fmt.Sprintf("block %s [%s] verbs:%s", h.form.Block.Name, h.form.EffectiveCode(), h.form.Source))
		}
		evs, src := c.codeVerb(s, ms, h, shared)
		out = append(out, evs...)
		shared = src
	}
	out = append(out, c.codeNouns(s, ms)...)
	return dedupe(out)
}

// role of a verb's participants, decided before codes are assigned.
type dyad struct {
	src, tgt []int // mention indexes (compound groups expanded)
	passive  bool
}

// codeVerb codes one verb; it also returns the subject it found (or -1)
// for a coordinated verb that follows.
func (c *Coder) codeVerb(s *sentence, ms []mention, h verbHit, shared int) ([]khaldun.Event, int) {
	var pat *dict.Pattern
	cp := capture{src: -1, tgt: -1, cmp: -1, end: h.end}
	for _, p := range c.patterns(h.form.Block) {
		r, ok := c.matchPattern(s, ms, p, h)
		if c.tracing() {
			c.opts.Trace(TraceEvent{Kind: TracePattern, Sentence: s.sent.Index, Matched: ok, Detail: fmt.Sprintf("%s - %s [%s] verbs:%s", h.form.Block.Name, p.Text, codePair(p.Code, p.Reverse), p.Source)})
		}
		if ok {
			pat, cp = p, r
			break
		}
	}
	code, reverse := h.form.EffectiveCode(), h.form.EffectiveReverse()
	if pat != nil {
		code, reverse = pat.Code, pat.Reverse
	}
	if nullCode(code) && nullCode(reverse) {
		c.drop(s, h, "null code")
		return nil, c.subject(s, ms, h, shared)
	}
	if negated(s, h) && !cp.negated {
		c.drop(s, h, "negated")
		return nil, c.subject(s, ms, h, shared)
	}
	mutual := reverse != "" && reverse == code
	dy := c.participants(s, ms, h, cp, shared, mutual)
	if len(dy.src) == 0 {
		c.drop(s, h, "no source")
		return nil, -1
	}
	if len(dy.tgt) == 0 && !c.opts.Monadic && !(mutual && len(dy.src) > 1) {
		c.drop(s, h, "no target")
		return nil, dy.src[0]
	}
	ev := evidence{start: h.start, end: h.end, pat: pat, rule: rule(h, pat)}
	return c.emit(s, ms, ev, dy, code, reverse), dy.src[0]
}

// evidence is the dictionary match behind an event: the tokens of the verb
// or event noun, the pattern that fired (nil for a bare verb) and the
// rule id.
type evidence struct {
	start, end int
	pat        *dict.Pattern
	rule       string
}

// emit codes every source × target pair of dy. A mutual code (reverse ==
// code: meetings, talks, agreements) with a compound subject and no
// object makes the members act on each other: "X and Y met".
func (c *Coder) emit(s *sentence, ms []mention, ev evidence, dy dyad, code, reverse string) []khaldun.Event {
	if len(dy.tgt) == 0 && len(dy.src) > 1 && reverse != "" && reverse == code {
		dy.tgt = dy.src
	}
	var out []khaldun.Event
	one := func(src, tgt int, code string) {
		if nullCode(code) {
			return
		}
		for _, sc := range ms[src].codes {
			if nullCode(sc) {
				continue
			}
			if tgt < 0 {
				if c.opts.Monadic {
					out = append(out, c.event(s, ms, ev, src, -1, sc, "", code, dy.passive))
				}
				continue
			}
			for _, tc := range ms[tgt].codes {
				if sc == tc || nullCode(tc) {
					continue // PETRARCH codes no event of an actor with itself
				}
				out = append(out, c.event(s, ms, ev, src, tgt, sc, tc, code, dy.passive))
			}
		}
	}
	for _, a := range dy.src {
		if len(dy.tgt) == 0 {
			one(a, -1, code)
		}
		for _, b := range dy.tgt {
			if a == b {
				continue
			}
			one(a, b, code)
			one(b, a, reverse)
		}
	}
	return out
}

func (c *Coder) drop(s *sentence, h verbHit, why string) {
	if c.tracing() {
		c.trace(s, TraceDrop, h.start, h.end, why)
	}
}

func nullCode(c string) bool { return c == "" || c == "---" || strings.Trim(c, "-+?") == "" }

// participants picks source and target mentions of a verb: the pattern's
// slots when it has them, else the subject before the verb and the first
// actor after it, swapped for a passive with a "by" agent. A passive
// without one has no known source ("a hafling was reported").
func (c *Coder) participants(s *sentence, ms []mention, h verbHit, cp capture, shared int, mutual bool) dyad {
	var dy dyad
	if cp.cmp >= 0 {
		// "% * ..." : a compound acting on itself, each member on each other
		g := members(ms, cp.cmp)
		return dyad{src: g, tgt: g}
	}
	src, tgt := cp.src, cp.tgt
	if src < 0 && passiveAt(s, h) {
		by := byAgent(s, ms, h.end)
		if by < 0 {
			return dy
		}
		dy.passive = true
		src = by
		if tgt < 0 {
			tgt = c.subject(s, ms, h, -1)
		}
	}
	if src < 0 {
		src = c.subject(s, ms, h, shared)
	}
	if src < 0 {
		return dy
	}
	if tgt < 0 && !dy.passive && !(mutual && len(members(ms, src)) > 1) {
		// "X and Y met …": a compound subject of a mutual event already
		// names both parties.
		tgt = objectAfter(s, ms, max(cp.end, h.end), src, mutual)
	}
	dy.src = members(ms, src)
	if tgt >= 0 {
		dy.tgt = members(ms, tgt)
	} else if len(dy.src) > 1 && c.opts.Reflexive {
		// "Gondor and Osgiliath renewed ties": a compound subject
		// without an object acts on itself.
		dy.tgt = dy.src
	}
	return dy
}

// subject finds the subject of verb h: the subject shared with the verb
// it is coordinated with ("X condemned ... and promised ..."), else the
// nearest mention before the verb inside its clause, else, for a relative
// clause ("X, which attacked Y"), the antecedent before the relative
// pronoun.
func (c *Coder) subject(s *sentence, ms []mention, h verbHit, shared int) int {
	if shared >= 0 && coordinated(s, h) {
		return shared
	}
	if r := relativeBefore(s, h.start); r >= 0 {
		// "Vestria, which Eldoria attacked, met …": skip the clause
		return subjectBefore(s, ms, r, clauseStart(s, r))
	}
	b := clauseStart(s, h.start)
	if k := subjectBefore(s, ms, h.start, b); k >= 0 {
		return k
	}
	if b > 0 {
		switch s.word(b - 1) {
		case "who", "which", "that":
			return subjectBefore(s, ms, b-1, clauseStart(s, b-1))
		case "and", ",":
			// "X met Y and, after talks, signed": look past the break
			return subjectBefore(s, ms, b-1, clauseStart(s, b-1))
		}
	}
	return -1
}

// relativeBefore returns the comma opening ", which/who … ," when that
// relative clause ends right before token v (adverbs aside), else -1.
func relativeBefore(s *sentence, v int) int {
	i := v - 1
	for i >= 0 && (s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[s.word(i)]) {
		i--
	}
	if s.word(i) != "," {
		return -1
	}
	for j := i - 1; j > 0 && j >= i-15; j-- {
		switch s.word(j) {
		case "which", "who", "whom", "whose":
			if s.word(j-1) == "," {
				return j - 1
			}
			return -1
		case ",", ";", ".":
			return -1
		}
	}
	return -1
}

// clauseStart is the first token of the clause holding token v: the token
// after the nearest subordinator, relative pronoun or semicolon before it.
func clauseStart(s *sentence, v int) int {
	for i := v - 1; i >= 0 && i >= v-40; i-- {
		switch s.word(i) {
		case ";", ":", "--", "who", "which", "whereas", "because", "although", "while", "when", "after", "before", "since", "unless", "if":
			return i + 1
		case "that":
			if s.pos(i) == "IN" || s.pos(i) == "WDT" {
				return i + 1
			}
		}
	}
	return max(0, v-40)
}

// coordinated reports "and [adverbs] VERB": a verb that shares the
// subject of the verb before it.
func coordinated(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && (s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[s.word(i)]) {
		i--
	}
	if s.word(i) == "," && s.pos(h.head) == "VBG" {
		return true // "X met Y, recognizing ...": a participle of X
	}
	return s.word(i) == "and" || s.word(i) == "or" || s.word(i) == "but"
}

// subjectBefore is the nearest mention ending before token v and starting
// at or after token from.
func subjectBefore(s *sentence, ms []mention, v, from int) int {
	best := -1
	for k := range ms {
		if ms[k].end <= v && ms[k].start >= from {
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
// following verb ("X said Y attacked Z": Y is not X's target). For a
// mutual event a place after "in" is skipped ("X and Y met in Beijing").
func objectAfter(s *sentence, ms []mention, from, src int, mutual bool) int {
	for k := range ms {
		if ms[k].start < from || k == src || ms[k].group == ms[src].group {
			continue
		}
		for i := from; i < ms[k].start; i++ {
			if s.clauseBreak(i) || (s.isVerb(i) && !auxiliaries[s.word(i)] && s.pos(i) != "VBN" && s.pos(i) != "VBG") {
				return -1
			}
		}
		if mutual && locative(s, ms[k].start) {
			continue // "met in Beijing": a place, not a counterpart
		}
		g := members(ms, k)
		if !prepObject(s, ms[k].start) && subjectOfNext(s, ms[g[len(g)-1]].end) {
			return -1
		}
		return k
	}
	return -1
}

// locative reports a mention governed by "in" ("met in Beijing", "a
// ceasefire in Gaza"): the default object rule takes it for the place of
// the event; only a pattern slot can make it a target.
func locative(s *sentence, i int) bool {
	j := i - 1
	if s.pos(j) == "DT" {
		j--
	}
	return s.word(j) == "in" || s.word(j) == "inside"
}

// prepObject reports a mention governed by a preposition ("ties with
// Libya"): it cannot be the subject of a following clause, whatever the
// tagger makes of the next word.
func prepObject(s *sentence, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch s.pos(j) {
		case "DT", "PRP$":
			continue
		case "IN", "TO":
			return s.word(j) != "that"
		}
		return false
	}
	return false
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

func (c *Coder) event(s *sentence, ms []mention, ev evidence, src, tgt int, sc, tc, code string, passive bool) khaldun.Event {
	e := khaldun.Event{
		Sentence: s.sent.Index,
		Text:     s.textOf(s.sent.Span),
		Source:   c.actor(s, ms[src], sc),
		Code:     code,
		Date:     s.text.Published,
		Rule:     ev.rule,
	}
	lo, hi := min(ms[src].start, ev.start), max(ms[src].end, ev.end)
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
	e.Confidence = confidence(ev.pat, tgt >= 0, passive, hi-lo)
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
