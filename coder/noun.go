package coder

import (
	"fmt"

	"github.com/khaldun/khaldun/dict"
)

// nounHit is a nominal event found in a sentence: "talks between X and
// Y", "an air strike on Z".
type nounHit struct {
	start, end int
	pat        *dict.Pattern
	src, tgt   int // mention indexes bound by "$" and "+", -1 when unbound
}

// maxGap is how many words "..." may skip in a nominal pattern.
const maxGap = 3

// codeNouns codes the event nouns of s, except those inside the content
// of a demand, refusal or threat (see contentEnd).
func (c *Coder) codeNouns(s *sentence, ms []mention, content map[int]bool) []coded {
	var out []coded
	for i := 0; i < s.seq.Len(); i++ {
		if s.isVerb(i) {
			continue // "called for talks" is the verb's business
		}
		h, ok := c.nounAt(s, ms, i)
		if !ok {
			continue
		}
		if c.inActorName(s, ms, h.start, h.end) {
			if c.tracing() {
				c.trace(s, TraceDrop, h.start, h.end, "event noun inside an actor's name (\"riot police\")")
			}
			continue
		}
		if content[h.start] {
			if c.tracing() {
				c.trace(s, TraceDrop, h.start, h.end, "event noun inside words already coded (a pattern, or the content of a demand, refusal or threat)")
			}
			i = h.end - 1
			continue
		}
		if c.tracing() {
			c.trace(s, TraceVerb, h.start, h.end, fmt.Sprintf("event noun [%s] verbs:%s %s", codePair(h.pat.Code, h.pat.Reverse), h.pat.Source, h.pat.Text))
		}
		out = append(out, c.codeNoun(s, ms, h)...)
		i = h.end - 1
	}
	return out
}

// inActorName reports an event noun [i, end) lying within a mention and
// holding a word of an actor or agent phrase of the dictionaries: "riot"
// in "riot police" names the actor, not an event. A noun phrase that
// runs past the mention is an event ("military aid to Egypt").
func (c *Coder) inActorName(s *sentence, ms []mention, i, end int) bool {
	for _, m := range ms {
		if i < m.start || end > m.end {
			continue
		}
		for j := m.start; j <= i; j++ {
			if _, n := c.d.MatchAgent(s.seq, j); n > 0 && j+n > i && j+n <= m.end {
				return true
			}
			if _, n := c.d.MatchActor(s.seq, j); n > 0 && j+n > i && j+n <= m.end {
				return true
			}
		}
	}
	return false
}

func (c *Coder) nounAt(s *sentence, ms []mention, i int) (nounHit, bool) {
	try := func(ps []*dict.Pattern) (nounHit, bool) {
		for _, p := range ps {
			if h, ok := matchNoun(s, ms, p, i); ok {
				return h, true
			}
		}
		return nounHit{}, false
	}
	if h, ok := try(c.d.NounPatterns(s.word(i))); ok {
		return h, true
	}
	if l := s.seq.Lemmas[i]; l != "" && l != s.word(i) {
		return try(c.d.NounPatterns(l))
	}
	return nounHit{}, false
}

// matchNoun matches p from token i, left to right, without backtracking
// beyond the "..." gaps: nominal patterns are short and literal.
func matchNoun(s *sentence, ms []mention, p *dict.Pattern, i int) (nounHit, bool) {
	h := nounHit{start: i, pat: p, src: -1, tgt: -1}
	q := i
	for k, e := range p.Elems {
		span := maxGap + 1
		if e.Joined || k == 0 {
			span = 1
		}
		found := false
		for g := 0; g < span && !found; g++ {
			at := q + g
			if g > 0 && (s.word(at-1) == "," || s.clauseBreak(at-1)) {
				break // "raid on Sunday, officials said": not the target
			}
			switch e.Kind {
			case dict.Word:
				if s.seq.Matches(at, e.Text) {
					q, found = at+1, true
				}
			case dict.SourceEl, dict.TargetEl:
				if s.pos(at) == "DT" || s.pos(at) == "PRP$" {
					at++
				}
				if m := mentionStarting(ms, at); m >= 0 {
					if e.Kind == dict.SourceEl {
						h.src = m
					} else {
						h.tgt = m
					}
					q, found = ms[m].end, true
				}
			}
		}
		if !found {
			return h, false
		}
	}
	h.end = q
	return h, true
}

// codeNoun assigns the participants of a nominal event: the "$" slot, else
// an actor right before the noun ("Israeli air strike", "Israel's
// military campaign"), else the subject of a light verb governing it
// ("Hamas held talks with Fatah").
func (c *Coder) codeNoun(s *sentence, ms []mention, h nounHit) []coded {
	src := h.src
	if src < 0 {
		src = actorBefore(s, ms, h.start)
	}
	if src < 0 {
		if v := lightVerbBefore(s, h.start); v >= 0 {
			src = c.subject(s, ms, verbHit{head: v, start: v, end: v + 1}, -1)
		}
	}
	if src >= 0 && c.anonymousAuthor(s, ms, src) {
		src = -1
	}
	if src == h.tgt && src >= 0 && len(members(ms, src)) < 2 {
		src = -1
	}
	if src < 0 {
		if c.tracing() {
			c.trace(s, TraceDrop, h.start, h.end, "event noun without source")
		}
		return nil
	}
	dy := dyad{src: members(ms, src)}
	if h.tgt >= 0 {
		dy.tgt = members(ms, h.tgt)
	}
	if len(dy.tgt) == 0 && !c.opts.Monadic && !(h.pat.Reverse != "" && len(dy.src) > 1) {
		return nil
	}
	ev := evidence{start: h.start, end: h.end, pat: h.pat, rule: fmt.Sprintf("verbs:%s %s [%s]", h.pat.Source, h.pat.Text, codePair(h.pat.Code, h.pat.Reverse)), noun: true}
	return c.emit(s, ms, ev, dy, h.pat.Code, h.pat.Reverse)
}

// actorBefore is a mention that ends at the noun or holds it, allowing a
// possessive, a determiner and two adjectives between.
func actorBefore(s *sentence, ms []mention, i int) int {
	for k := range ms {
		if ms[k].start < i && ms[k].end > i {
			return k
		}
	}
	endingAt := func(j int) int {
		for k := range ms {
			if ms[k].end == j {
				return k
			}
		}
		return -1
	}
	j := i
	for n := 0; n < 3; n++ {
		if w := s.word(j - 1); w == "'s" || w == "'" {
			j--
		}
		if k := endingAt(j); k >= 0 {
			return k
		}
		if j == 0 || !adjective(s.pos(j-1)) {
			break
		}
		j--
	}
	return -1
}

// lightVerbs carry no event of their own: the event is their object noun.
var lightVerbs = map[string]bool{
	"hold": true, "have": true, "make": true, "issue": true, "conduct": true, "launch": true,
	"carry": true, "stage": true, "begin": true, "start": true, "continue": true, "resume": true,
	"open": true, "express": true, "voice": true, "send": true, "pay": true, "give": true,
	"deliver": true, "renew": true, "host": true, "mount": true, "wage": true, "level": true,
	"lodge": true, "file": true, "extend": true, "reiterate": true, "repeat": true, "step": true,
	"intensify": true, "escalate": true, "expand": true, "announce": true, "sign": true, "reach": true,
	"join": true, "attend": true, "lead": true, "order": true, "end": true,
	"declare": true, "approve": true, "authorize": true, "authorise": true, "undertake": true,
	"perform": true, "complete": true, "conclude": true, "initiate": true, "finalize": true,
}

// lightVerbBefore returns a light verb shortly before token i whose object
// the noun is, or -1.
func lightVerbBefore(s *sentence, i int) int {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if s.isVerb(j) {
			if lightVerbs[s.seq.Lemmas[j]] || lightVerbs[s.word(j)] {
				return j
			}
			return -1
		}
		switch s.pos(j) {
		case "DT", "JJ", "JJR", "JJS", "CD", "PRP$", "RB", "NN", "NNS", "POS", "RP":
			continue
		}
		return -1
	}
	return -1
}
