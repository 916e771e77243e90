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

// From a coded verb to events: every source × target pair of the dyad the
// clause gave, each with its evidence (the verb or noun span, the pattern
// and its rule id), the actors as the output writes them and a confidence.

// emit codes every source × target pair of dy. A mutual code (reverse ==
// code: meetings, talks, agreements) with a compound subject and no
// object makes the members act on each other: "X and Y met". So does a
// cooperative code ("X and Y agreed to share information", "X and Y
// signed a treaty"): what a compound subject promises, agrees or does
// together with no one else named, its members do with each other; and
// so does a ceasefire violation (amongMembers) — for a pair that is a
// verb's subject: a list of supporters ("support from A, B, … and D") or
// of nine signatories does not act on itself.
func (c *Coder) emit(s *sentence, ms []mention, ev evidence, dy dyad, code, reverse string) []coded {
	if len(dy.tgt) == 0 && len(dy.src) > 1 && (reverse != "" && reverse == code || amongMembers(code) && len(dy.src) == 2 && !ev.noun) {
		dy.tgt = dy.src
		if reverse == "" {
			reverse = code
		}
	}
	var out []coded
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
			self, other := false, false
			for _, tc := range ms[tgt].codes {
				if sc == tc || nullCode(tc) {
					self = self || sc == tc
					continue // PETRARCH codes no event of an actor with itself
				}
				other = true
				out = append(out, c.event(s, ms, ev, src, tgt, sc, tc, code, dy.passive))
			}
			if self && !other && c.opts.Monadic {
				// "Eldoria threatened to shut polling booths in Ost": the act
				// happened, on no one the dictionaries tell apart
				out = append(out, c.event(s, ms, ev, src, -1, sc, "", code, dy.passive))
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

func (c *Coder) event(s *sentence, ms []mention, ev evidence, src, tgt int, sc, tc, code string, passive bool) coded {
	e := khaldun.Event{
		Sentence: s.sent.Index,
		Text:     s.textOf(s.sent.Span),
		Source:   c.actor(s, ms[src], sc),
		Code:     code,
		Date:     s.text.Published,
		Rule:     ev.rule,
	}
	lo, hi := min(ms[src].start, ev.start), max(ms[src].end, ev.end)
	if sc2 := c.resolveBare(s, ms, sc); sc2 != sc {
		e.Source = c.actor(s, ms[src], sc2)
	}
	if tgt >= 0 {
		a := c.actor(s, ms[tgt], c.resolveBare(s, ms, tc))
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
	return coded{Event: e, verb: s.span(ev.start, ev.end)}
}

// resolveBare gives an agent without a country ("---GOV") the one
// country the sentence names: "officials said" in a sentence about
// Hungary alone are Hungarian officials, and "police arrested Syrian
// activists" are Syria's police. The agent may belong to the same
// country as the other party: most such events are domestic.
func (c *Coder) resolveBare(s *sentence, ms []mention, code string) string {
	if c.opts.KeepBare || !strings.HasPrefix(code, noCountry) {
		return code
	}
	if k := soleCountry(ms); k != "" {
		return k + code[len(noCountry):]
	}
	if s == nil || namesCountry(ms) {
		return code
	}
	switch {
	case s.placeCountry != "":
		// "protesters marched through Boston", "authorities in Tamil
		// Nadu": no actor names a country, the places do
		return s.placeCountry + code[len(noCountry):]
	case s.articleCountry != "":
		// "the Senate voted", "the court agreed" in an article that is
		// plainly about one country
		return s.articleCountry + code[len(noCountry):]
	}
	return code
}

// namesCountry reports a named actor of the sentence with a country.
func namesCountry(ms []mention) bool {
	for _, m := range ms {
		if m.agent != nil && m.bare() {
			continue
		}
		for _, c := range m.codes {
			if len(c) >= 3 && isCountry(c[:3]) {
				return true
			}
		}
	}
	return false
}

// soleCountry is the one country the named actors of a sentence belong
// to, or "" when they name none or several. An agent is not given the
// country of an earlier sentence's actor; only the places (resolveBare)
// reach past the sentence.
func soleCountry(ms []mention) string {
	k := ""
	for _, m := range ms {
		if m.agent != nil && m.bare() {
			continue
		}
		for _, c := range m.codes {
			if len(c) < 3 || !isCountry(c[:3]) {
				continue
			}
			if k != "" && k != c[:3] {
				return ""
			}
			k = c[:3]
		}
	}
	return k
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
//
// A one-sided event is also dropped when the same source has the same
// code with a target: "went on a hunger strike to shame Vestria" is coded
// through the verb with its target, and the noun "hunger strike" alone
// would repeat it without one.
func dedupe(evs []coded) []coded {
	seen := map[string]bool{}
	dyadic := map[string]bool{}
	for _, e := range evs {
		if e.Target != nil {
			dyadic[e.Source.Code+"|"+e.Code] = true
		}
	}
	out := evs[:0]
	for _, e := range evs {
		if e.Target == nil && dyadic[e.Source.Code+"|"+e.Code] {
			continue
		}
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
