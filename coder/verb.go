package coder

import (
	"github.com/khaldun/khaldun/dict"
)

// verbHit is a dictionary verb found in a sentence.
type verbHit struct {
	head       int // token carrying the verb tag
	start, end int // tokens covered by the (possibly phrasal) form
	form       *dict.VerbForm
}

// auxiliaries are skipped when another verb follows: in "has met" the
// event verb is "met".
var auxiliaries = map[string]bool{
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "am": true,
	"have": true, "has": true, "had": true, "having": true,
	"do": true, "does": true, "did": true,
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true, "may": true, "might": true, "must": true,
}

func (c *Coder) verbs(s *sentence) []verbHit {
	var out []verbHit
	for i := 0; i < s.seq.Len(); i++ {
		if !s.isVerb(i) {
			// "will not wire tap": the tagger gave the verb tag to the
			// particle of a phrasal verb and read its head as a noun
			if s.isVerb(i-1) && !auxiliaries[s.word(i-1)] {
				if h, ok := c.verbAt(s, i); ok && h.start < i {
					out = append(out, h)
					i = h.end - 1
				}
			}
			continue
		}
		if auxiliaries[s.word(i)] && s.isVerb(nextContent(s, i+1)) {
			continue
		}
		if (s.pos(i) == "VBN" || s.pos(i) == "VBG") && (s.pos(i-1) == "DT" || s.pos(i-1) == "PRP$" || s.pos(i-1) == "POS") {
			continue // "the disputed north", "Vestria's visiting envoy": an adjective
		}
		if h, ok := c.verbAt(s, i); ok {
			out = append(out, h)
			i = h.end - 1
		}
	}
	return out
}

// nextContent skips adverbs and negations after an auxiliary.
func nextContent(s *sentence, i int) int {
	for i < s.seq.Len() && (s.pos(i) == "RB" || s.word(i) == "n't" || s.word(i) == "not") {
		i++
	}
	return i
}

// verbAt returns the longest verb form whose head is token i.
func (c *Coder) verbAt(s *sentence, i int) (verbHit, bool) {
	var best verbHit
	found := false
	try := func(forms []*dict.VerbForm, byLemma bool) {
		for _, f := range forms {
			if byLemma && f.Surface {
				continue
			}
			start := i - f.Head
			if start < 0 || start+len(f.Words) > s.seq.Len() {
				continue
			}
			ok := true
			for k, w := range f.Words {
				if k != f.Head && !s.seq.Matches(start+k, w) {
					ok = false
					break
				}
			}
			if ok && (!found || len(f.Words) > best.end-best.start) {
				best = verbHit{head: i, start: start, end: start + len(f.Words), form: f}
				found = true
			}
		}
	}
	try(c.d.VerbForms(s.word(i)), false)
	if l := s.seq.Lemmas[i]; l != "" && l != s.word(i) {
		try(c.d.VerbForms(l), true)
	}
	return best, found
}

// capture is what a pattern match binds.
type capture struct {
	src, tgt, cmp int // mention indexes, -1 when unbound
	end           int // token after the last element matched
	word          int // token of the last literal word matched, -1 when none
	negated       bool
}

// matchPattern tries p around hit; elements may skip words unless joined.
func (c *Coder) matchPattern(s *sentence, ms []mention, p *dict.Pattern, hit verbHit) (capture, bool) {
	cp := capture{src: -1, tgt: -1, cmp: -1, word: -1}
	return c.matchFrom(s, ms, p, hit, 0, 0, cp)
}

func (c *Coder) matchFrom(s *sentence, ms []mention, p *dict.Pattern, hit verbHit, k, prevEnd int, cp capture) (capture, bool) {
	if k == len(p.Elems) {
		cp.end = prevEnd
		return cp, true
	}
	e := p.Elems[k]
	if e.Kind == dict.VerbEl {
		if prevEnd > hit.start || (k > 0 && e.Joined && prevEnd != hit.start) {
			return cp, false
		}
		return c.matchFrom(s, ms, p, hit, k+1, hit.end, cp)
	}
	lo, hi := prevEnd, min(s.seq.Len(), prevEnd+window)
	if k < p.Verb {
		hi = hit.start
		if k == 0 {
			lo = max(lo, hit.start-window)
		}
	} else if e.Kind == dict.TargetEl || e.Kind == dict.SourceEl {
		hi = min(hi, clauseEnd(s, lo))
	}
	if k > 0 && e.Joined {
		at := lo
		if timeAdjunct(s, at) {
			at++ // "sent a note Friday to Vestria", "met Monday with"
		}
		hi = min(hi, at+1)
		if e.Kind == dict.SourceEl || e.Kind == dict.TargetEl {
			hi = min(s.seq.Len(), at+1+modifiers(s, at, 3))
		}
	}
	for q := lo; q < hi; q++ {
		ns := c.elemAt(s, ms, e, q)
		tail := -1
		if e.Kind == dict.TargetEl && len(ns) == 0 && k > p.Verb+1 && p.Elems[k-1].Kind == dict.Word {
			// "opened an embassy in +" on "embassy in Ankara", one
			// mention (TURGOV) whose head the pattern's words matched:
			// the slot takes that mention
			if tail = mentionInside(ms, q, hit.end); tail >= 0 {
				ns = []int{ms[tail].end - q}
			}
		}
		for _, n := range ns {
			next := cp
			switch e.Kind {
			case dict.SourceEl:
				next.src = mentionStarting(ms, q)
			case dict.TargetEl:
				m := mentionStarting(ms, q)
				if tail >= 0 {
					m = tail
				}
				if tail < 0 && locative(s, q) && (k == 0 || p.Elems[k-1].Text != "in") {
					continue // "met in Moscow": a place, unless written "in +"
				}
				if ms[m].modifier {
					continue // "launch a military offensive": no target
				}
				if k == p.Verb+1 && prepositional(s, hit.end) {
					// "return +" is not "returned from the Trump
					// summit": a verb followed by a preposition has
					// no direct object
					continue
				}
				if k > p.Verb && !prepObject(s, q) && finiteNext(s, ms[m].end) {
					continue // "when it comes to policy, Z criticized": Z's clause
				}
				next.tgt = m
			case dict.CompoundEl:
				next.cmp = mentionStarting(ms, q)
			case dict.Word:
				next.word = q
			}
			if k < p.Verb || e.Kind == dict.Word {
				// "- &NEGATVAUXVRB * OVER EFFORTS [904]": a pattern
				// that spells out the negation codes the negated verb
				next.negated = next.negated || negatedSpan(s, q, q+n)
			}
			if k < p.Verb && q+n > hit.start {
				continue
			}
			if r, ok := c.matchFrom(s, ms, p, hit, k+1, q+n, next); ok {
				return r, true
			}
		}
	}
	return cp, false
}

// mentionInside is the mention that runs through token q having begun
// before it, at or after token from; -1 if none.
func mentionInside(ms []mention, q, from int) int {
	for k := range ms {
		if ms[k].start >= from && ms[k].start < q && q < ms[k].end {
			return k
		}
	}
	return -1
}

// timeAdjunct reports a bare time word at token i, a day's name or
// "today": news writes it between a verb or noun and its preposition.
func timeAdjunct(s *sentence, i int) bool {
	w := s.word(i)
	return timeWords[w] || weekdays[w]
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// elemAt returns the token lengths element e can match at q.
func (c *Coder) elemAt(s *sentence, ms []mention, e dict.Elem, q int) []int {
	switch e.Kind {
	case dict.Word:
		if s.word(q) == e.Text || (!c.opts.LiteralPatterns && s.seq.Matches(q, e.Text)) {
			return one
		}
	case dict.SynsetEl:
		return c.d.MatchSynset(e.Text, s.seq, q)
	case dict.SkipEl:
		// "^" skips a noun phrase: an actor with its determiner ("warned
		// at the Gondor of the Prince": ^ is "the Gondor") or one word
		if m := mentionStarting(ms, q+modifiers(s, q, 2)); m >= 0 && ms[m].end-q > 1 {
			return []int{ms[m].end - q, 1}
		}
		if q < s.seq.Len() {
			return one
		}
	case dict.SourceEl, dict.TargetEl:
		if m := mentionStarting(ms, q); m >= 0 {
			return []int{ms[m].end - q}
		}
	case dict.CompoundEl:
		if m := mentionStarting(ms, q); m >= 0 && len(members(ms, m)) > 1 {
			last := members(ms, m)
			return []int{ms[last[len(last)-1]].end - q}
		}
	}
	return nil
}

var one = []int{1}

// window caps how far an element may be looked for, so that a sentence of
// thousands of tokens costs time linear in its length.
const window = 12

// clauseEnd is the first token from i on that closes the clause: a slot
// after the verb cannot bind an actor beyond it, nor the speaker of a
// closing attribution ("killing nine, army sources said").
func clauseEnd(s *sentence, i int) int {
	for j := i; j < s.seq.Len() && j < i+window; j++ {
		if s.clauseBreak(j) || attribution(s, j) || (j > i && (s.pos(j) == "VBD" || s.pos(j) == "VBZ" || s.pos(j) == "VBP")) || j > i && conjoinedVerb(s, j) {
			return j
		}
	}
	return min(s.seq.Len(), i+window)
}

// conjoinedVerb reports "and"/"or" opening a second predicate at token j:
// "killing one and arresting two officials" arrests the officials, it
// does not kill them.
func conjoinedVerb(s *sentence, j int) bool {
	if s.word(j) != "and" && s.word(j) != "or" {
		return false
	}
	k := j + 1
	for s.pos(k) == "RB" {
		k++
	}
	return s.pos(k) == "VBG" || s.pos(k) == "VBD"
}

// modifiers counts the determiners and modifiers (at most n) from token i
// on: a joined slot may stand after them ("urged the new government").
func modifiers(s *sentence, i, n int) int {
	k := 0
	for k < n {
		switch s.pos(i + k) {
		case "DT", "PRP$", "JJ", "JJR", "JJS", "RB", "CD", "POS", "PDT":
			k++
			continue
		}
		break
	}
	return k
}

// prepositional reports a preposition right after the verb ending before
// token i, adverbs aside.
func prepositional(s *sentence, i int) bool {
	for s.pos(i) == "RB" {
		i++
	}
	return (s.pos(i) == "IN" || s.pos(i) == "TO") && s.word(i) != "that"
}

// finiteNext reports a finite verb (after auxiliaries and adverbs) right
// after token i: the actor before it is that verb's subject.
func finiteNext(s *sentence, i int) bool {
	for ; i < s.seq.Len(); i++ {
		switch {
		case s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[s.word(i)]:
			continue
		case s.pos(i) == "VBD" || s.pos(i) == "VBZ" || s.pos(i) == "VBP":
			return true
		}
		return false
	}
	return false
}

// negatedSpan reports a negation word among tokens [i, j).
func negatedSpan(s *sentence, i, j int) bool {
	for ; i < j; i++ {
		if negation[s.word(i)] {
			return true
		}
	}
	return false
}

var negation = map[string]bool{"not": true, "n't": true, "never": true, "no": true}
