package coder

import (
	"fmt"
	"slices"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
)

// codeSentence returns the events of one sentence.
func (c *Coder) codeSentence(s *sentence, mem *memory) []coded {
	ms := c.mentions(s, mem)
	defer mem.learn(s, ms)
	if c.tracing() {
		c.traceMentions(s, ms)
	}
	if len(ms) == 0 {
		return nil
	}
	if c.opts.FutureIntent && question(s) {
		// "Would he reject a deal that can pass?": asked, not told
		// (khaldun's reading; PETRARCH's records code questions)
		if c.tracing() {
			c.trace(s, TraceDrop, 0, s.seq.Len(), "a question asserts no event")
		}
		return nil
	}
	var out []coded
	shared := -1
	governed := map[int]bool{} // heads of infinitives coded by their governor
	content := map[int]bool{}  // tokens already accounted for: a demand's, refusal's or threat's content, a pattern's words
	lastCode := ""             // code of the last verb that coded events
	lastTgt := -1              // the mention that verb's first event targets
	mainCoded := false         // a verb has coded an event other than a statement
	for i := 0; i < s.seq.Len() && c.opts.FutureIntent; i++ {
		// what is believed, feared, suggested or denied is not reported
		// as done, whether or not the dictionary knows the verb
		// (khaldun's reading; PETRARCH's records code it)
		if irrealis[lemmaAt(s, i)] && s.isVerb(i) || attitudes[s.word(i)] && beAdjective(s, i) {
			for j, end := i+1, contentEnd(s, verbHit{head: i, start: i, end: i + 1}); j < end; j++ {
				content[j] = true
			}
		}
	}
	for _, h := range c.verbs(s) {
		if c.tracing() {
			c.trace(s, TraceVerb, h.start, h.end, fmt.Sprintf("block %s [%s] verbs:%s", h.form.Block.Name, h.form.EffectiveCode(), h.form.Source))
		}
		if governed[h.head] {
			c.drop(s, h, "complement of a governing verb (coded there)")
			continue
		}
		if mainCoded && background(s, h) {
			c.drop(s, h, "background clause (when/as/while/where) of a coded event")
			if family(c.codeOf(s, ms, h)) != "" {
				// "as the strikers threatened to occupy": the
				// infinitive goes with its governor
				if comp := complementAt(s, h.end); comp >= 0 {
					governed[comp] = true
				}
			}
			continue
		}
		if content[h.head] {
			c.drop(s, h, "content of a demand, refusal or threat (not an event)")
			continue
		}
		evs, src, comp, covered := c.codeVerb(s, ms, h, shared, tollTarget(s, h, lastCode, lastTgt))
		if consequence(s, h, lastCode, evs) {
			c.drop(s, h, "participle of the result of the attack before it (one event)")
			evs = nil
		}
		if riotManner(s, h, rootOf(lastCode), evs) {
			c.drop(s, h, "participle of how the protest before it went (one event)")
			evs = nil
		}
		if protestAim(s, h, rootOf(lastCode), out, evs) {
			// its content is still no event of its own
			for i, end := h.end, contentEnd(s, h); i < end; i++ {
				content[i] = true
			}
			c.drop(s, h, "participle of the demand a protest before it makes (one event)")
			evs = nil
		}
		if len(evs) > 0 {
			lastCode, lastTgt = evs[0].Code, targetMention(s, ms, evs[0])
			mainCoded = mainCoded || rootOf(lastCode) != "01"
		}
		out = append(out, evs...)
		if len(evs) > 0 && governsContent(evs[0].Code) {
			for i, end := h.end, contentEnd(s, h); i < end; i++ {
				content[i] = true
			}
		}
		if len(evs) == 0 && covered > h.end && c.nullPattern(s, ms, h) {
			// "ending its dispute with Y" (END - end ... dispute
			// [---]): a pattern that says the phrase is no event
			// speaks for its nouns too
			for i := h.end; i < covered; i++ {
				content[i] = true
			}
		}
		if len(evs) > 0 || unreal(s, h) != "" || negated(s, h) {
			// "pledged to keep up food aid": the noun is a word
			// of the pattern that coded the verb or its complement,
			// not a second event; "able to mount raids on", "did not
			// launch an attack on": what the verb
			// does not assert, its noun does not either
			for i := h.end; i < max(covered, c.complementEnd(s, ms, comp)); i++ {
				content[i] = true
			}
		}
		shared = src
		if comp >= 0 {
			governed[comp] = true
		}
		// a verb among the words of a pattern that matched ("ALLOW - *
		// LEAVE": "allowed to leave") is part of that verb's phrase, as
		// in PETRARCH, whether or not the phrase found its actors
		for i := h.end; i < covered; i++ {
			governed[i] = true
		}
	}
	out = append(out, c.codeNouns(s, ms, content)...)
	out = append(out, c.codeCausedDeaths(s, ms)...)
	return dedupe(out)
}

// role of a verb's participants, decided before codes are assigned.
type dyad struct {
	src, tgt []int // mention indexes (compound groups expanded)
	passive  bool
}

// codeVerb codes one verb; it also returns the subject it found (or -1)
// for a coordinated verb that follows, and the head of the infinitive it
// governs (or -1), which is not to be coded on its own, and the end of
// the words its pattern matched after it (-1 without a pattern).
//
// toll is the target of the attack a participle of its toll follows
// (tollTarget), or -1: "killing two and detaining 30" arrests the people
// attacked.
func (c *Coder) codeVerb(s *sentence, ms []mention, h verbHit, shared, toll int) ([]coded, int, int, int) {
	pat, cp := c.match(s, ms, h)
	covered := -1
	if pat != nil {
		covered = cp.end
	}
	code, reverse := h.form.EffectiveCode(), h.form.EffectiveReverse()
	if pat != nil {
		code, reverse = pat.Code, pat.Reverse
	}
	if nullCode(code) && nullCode(reverse) && c.opts.FutureIntent {
		if t, ok := conditionalThreat(s, h, ""); ok {
			code = t // "will withdraw its force unless …"
		}
	}
	if nullCode(code) && nullCode(reverse) {
		c.drop(s, h, "null code")
		return nil, c.subject(s, ms, h, shared), -1, covered
	}
	why := unreal(s, h)
	if why == "" && c.opts.FutureIntent {
		// khaldun's own reading; PETRARCH's records code these
		why = unrealInfinitive(s, h)
	}
	if why != "" {
		c.drop(s, h, why)
		return nil, c.subject(s, ms, h, shared), -1, covered
	}
	if othersDuty(s, ms, h, shared) {
		c.drop(s, h, "obligation of another (he/she must), not the speaker's act")
		return nil, c.subject(s, ms, h, shared), -1, covered
	}
	served := -1 // the uncoded verb h is the purpose of
	if g := purposeOf(s, h); c.opts.FutureIntent && rootOf(code) != "04" && g >= 0 {
		served = g
	}
	if served >= 0 && (c.codes(s, ms, served) || !purpose(s, ms, h) || !enabling(code)) {
		// a verb that codes nothing ("opened the crossing to let aid
		// through") leaves its purpose the only event, unless an
		// actor before "to" is the infinitive's own subject
		// ("persuade the council to vote"): what it is asked
		// to do. Only a material act counts: opening a road lets
		// aid through, but building missiles "to threaten" a
		// country is no threat made
		c.drop(s, h, "infinitive of purpose")
		return nil, c.subject(s, ms, h, shared), -1, covered
	}
	if failedTo(s, h) && !negated(s, h) {
		// "failed to reach agreement": no agreement, a refusal at most
		r := refine("12", code)
		if r == "" {
			c.drop(s, h, "failed to")
			return nil, c.subject(s, ms, h, shared), -1, covered
		}
		if reverse == code {
			// "X and Y failed to agree on a truce": a joint failure
			// stays mutual, each side's with the other
			reverse = r
		} else {
			reverse = ""
		}
		code = r
	}
	if negated(s, h) && !cp.negated {
		// "will not release" is a refusal (1243); "did not release"
		// reports that nothing happened.
		r := c.opts.Negations[code]
		if r == "" && (modalRefusal(s, h) || negatedInfinitive(s, h)) {
			r = refine("12", code)
		}
		if r == "" {
			c.drop(s, h, "negated")
			return nil, c.subject(s, ms, h, shared), -1, covered
		}
		code, reverse = r, ""
	}
	threat := false
	if c.opts.FutureIntent {
		if t, ok := conditionalThreat(s, h, code); ok {
			code, reverse, threat = t, "", true
		}
	}
	if c.opts.FutureIntent && violent(rootOf(code)) && preparedTo(s, h) {
		// "the militia got ready to renew its raids": a show of
		// force (150), not the raids
		code, reverse, threat = "150", "", true
	}
	if !threat && (cuedIntent(s, h.head) || (c.opts.FutureIntent && futureAt(s, h)) || (served >= 0 && (cuedIntent(s, served) || futureAt(s, verbHit{head: served, start: served, end: served + 1})))) {
		// "is willing to withdraw": intent (0356), not the withdrawal;
		// "is ready to ship spare parts to help protect Y": the purpose
		// of an intended act is intended too
		fam := "03"
		if r := rootOf(code); r >= "14" {
			fam = "13"
		}
		if r := refine(fam, code); r != "" {
			code, reverse = r, ""
		}
	}
	comp := -1
	var ch verbHit
	if fam := family(code); fam != "" {
		if comp = complementAt(s, h.end); comp >= 0 {
			var ok bool
			if ch, ok = c.verbAt(s, comp); ok && generic(code) {
				if r := refine(fam, c.codeOf(s, ms, ch)); r != "" {
					code, reverse = r, ""
					if fam == "12" && s.seq.Lemmas[h.head] == "fail" && c.mutualOf(s, ms, ch) {
						reverse = r // "failed to reach agreement": mutual, as above
					}
				}
			}
		}
	}
	mutual := reverse != "" && reverse == code
	dy := c.participants(s, ms, h, cp, shared, mutual, withdrawal(code))
	if len(dy.src) == 0 {
		c.drop(s, h, "no source")
		return nil, -1, comp, covered
	}
	if withdrawal(code) && peacekeepers(ms[dy.src[0]]) {
		// "UN peacekeepers withdrew from Bosnia": CAMEO's withdrawal of
		// peacekeepers (1661), as "withdraw … peacekeepers" codes
		code, reverse = "1661", ""
	}
	if rootOf(code) == "01" && cp.tgt < 0 && !dy.passive {
		if t, v := demandAfter(s, ms, h.end, dy.src[0]); len(t) > 0 {
			// "X said Y must withdraw" is X's demand on Y (10x);
			// the withdrawal is its content, not an event
			code, reverse, dy.tgt, comp = c.demandCode(s, ms, v), "", t, v
		}
	}
	if rootOf(code) == "01" && cp.tgt < 0 && len(dy.tgt) > 0 && (dy.passive || ms[dy.tgt[0]].start > h.end+modifiers(s, h.end, 3)) {
		// A statement's target is its addressee ("told Gondor"), never
		// an actor of the clause it introduces ("said it had expelled
		// diplomats from Poland") nor the subject of a passive
		// reporting clause ("X met Y, as confirmed by Z").
		dy.tgt = nil
	}
	for first := true; len(dy.tgt) > 0 && !dy.passive && !forceful(code) && (ownForces(s, ms[dy.tgt[0]]) || first && mobilized(code, ms[dy.tgt[0]]) && !prepObject(s, ms[dy.tgt[0]].start)); first = false {
		// "will pull its monitors out of the border zone": the
		// subject's own forces are what it moves; the target is where.
		// The forces a mobilisation moves are its direct object
		// ("deployed soldiers against rebels"): armed men after a
		// preposition are whom it is aimed at.
		g := dy.tgt
		dy.tgt = nil
		if t := objectAfter(s, ms, ms[g[len(g)-1]].end, dy.src[0], mutual); t >= 0 {
			dy.tgt = members(ms, t)
		}
	}
	if len(dy.tgt) == 0 && toll >= 0 && rootOf(code) == "17" && !slices.Contains(dy.src, toll) {
		dy.tgt = members(ms, toll)
	}
	if len(dy.tgt) == 0 && ch.form != nil {
		// "agreed to lift the ban on India": the complement's object is
		// the governor's target.
		if t := c.complementTarget(s, ms, ch, dy.src[0]); t >= 0 {
			dy.tgt = members(ms, t)
		}
	}
	if len(dy.tgt) == 0 && !c.opts.Monadic && !(mutual && len(dy.src) > 1 || amongMembers(code) && len(dy.src) == 2) {
		c.drop(s, h, "no target")
		return nil, dy.src[0], comp, covered
	}
	if c.opts.FutureIntent && verbalAttack(s, ms, h, dy, code) {
		// "Trump attacked Biden": one named person attacking another
		// in the news is criticism (khaldun's reading)
		code, reverse = "111", ""
	}
	ev := evidence{start: h.start, end: h.end, pat: pat, rule: rule(h, pat)}
	subj := dy.src[0]
	if dy.passive {
		// "was censured by the assembly and will step down": a verb
		// coordinated with a passive shares its subject, not the agent
		subj = c.subject(s, ms, h, shared)
	}
	return c.emit(s, ms, ev, dy, code, reverse), subj, comp, covered
}

// match returns the first (most specific) pattern of h's block that fires,
// or nil, with what it bound.
func (c *Coder) match(s *sentence, ms []mention, h verbHit) (*dict.Pattern, capture) {
	for _, p := range c.patterns(h.form.Block) {
		r, ok := c.matchPattern(s, ms, p, h)
		if c.tracing() {
			c.opts.Trace(TraceEvent{Kind: TracePattern, Sentence: s.sent.Index, Matched: ok, Detail: fmt.Sprintf("%s - %s [%s] verbs:%s", h.form.Block.Name, p.Text, codePair(p.Code, p.Reverse), p.Source)})
		}
		if ok {
			return p, r
		}
	}
	return nil, capture{src: -1, tgt: -1, cmp: -1, end: h.end, word: -1}
}

// complementEnd is the end of the words the governed infinitive at
// token comp matched with its pattern, or -1.
func (c *Coder) complementEnd(s *sentence, ms []mention, comp int) int {
	if comp < 0 {
		return -1
	}
	ch, ok := c.verbAt(s, comp)
	if !ok {
		return -1
	}
	if p, cp := c.match(s, ms, ch); p != nil {
		return cp.end
	}
	return -1
}

// codes reports a verb at token i that the dictionary gives a code.
func (c *Coder) codes(s *sentence, ms []mention, i int) bool {
	h, ok := c.verbAt(s, i)
	return ok && !nullCode(c.codeOf(s, ms, h))
}

// nullPattern reports a verb whose most specific pattern codes nothing
// ("---"): a sense of the verb that is no political event.
func (c *Coder) nullPattern(s *sentence, ms []mention, h verbHit) bool {
	p, _ := c.match(s, ms, h)
	return p != nil && nullCode(p.Code) && nullCode(p.Reverse)
}

// mutualOf reports a verb whose own code is mutual (reach ... agreement,
// meet): what its parties do, they do with each other.
func (c *Coder) mutualOf(s *sentence, ms []mention, h verbHit) bool {
	if p, _ := c.match(s, ms, h); p != nil {
		return p.Reverse != "" && p.Reverse == p.Code
	}
	r := h.form.EffectiveReverse()
	return r != "" && r == h.form.EffectiveCode()
}

// codeOf is the code verb h would get on its own.
func (c *Coder) codeOf(s *sentence, ms []mention, h verbHit) string {
	if p, _ := c.match(s, ms, h); p != nil {
		return p.Code
	}
	return h.form.EffectiveCode()
}

// complementTarget is the target of a governed infinitive: its pattern's
// "+" slot, else its object.
func (c *Coder) complementTarget(s *sentence, ms []mention, h verbHit, src int) int {
	p, cp := c.match(s, ms, h)
	if p != nil && cp.tgt >= 0 && cp.tgt != src {
		return cp.tgt
	}
	return objectAfter(s, ms, max(cp.end, h.end), src, false)
}

// coded is an event with the span of the verb or event noun that coded
// it. The event's own span starts at its source actor, so the location
// hook needs this to anchor on the predicate ("met" in "X met Y in
// Beijing", "onslaught" in "Israeli onslaught on Gaza").
type coded struct {
	khaldun.Event
	verb khaldun.Span
}

// evidence is the dictionary match behind an event: the tokens of the verb
// or event noun, the pattern that fired (nil for a bare verb) and the
// rule id.
type evidence struct {
	start, end int
	pat        *dict.Pattern
	rule       string
	noun       bool // an event noun: its "$" slot lists the source, no subject
}

func (c *Coder) drop(s *sentence, h verbHit, why string) {
	if c.tracing() {
		c.trace(s, TraceDrop, h.start, h.end, why)
	}
}

// attitudes are the adjectives after "be" whose clause is feared or hoped
// for, not done: "is concerned (that) detainees will rejoin".
var attitudes = map[string]bool{
	"concerned": true, "worried": true, "afraid": true, "fearful": true, "hopeful": true,
	"optimistic": true, "pessimistic": true, "confident": true, "convinced": true, "sure": true,
	"certain": true, "doubtful": true, "skeptical": true, "sceptical": true,
}

// question reports a sentence that ends in a question mark, inside a
// closing quotation mark or not.
func question(s *sentence) bool {
	for i := s.seq.Len() - 1; i >= 0; i-- {
		switch w := s.word(i); w {
		case "\"", "\u201d", "''", "'", "\u2019", ")":
			continue
		case "?":
			return true
		}
		return false
	}
	return false
}

// irrealis are the verbs whose clause is not asserted as done: denied
// ("denied that the minister criticised Y" is no criticism), believed,
// feared, hoped, expected or suggested ("suggested the government could
// seal its border"). Saying is different: "X said Y attacked Z" reports
// the attack.
var irrealis = map[string]bool{
	"deny": true, "refute": true, "dismiss": true, "disprove": true, "believe": true, "think": true,
	"fear": true, "hope": true, "expect": true, "predict": true, "doubt": true, "suggest": true,
	"speculate": true, "wonder": true, "imagine": true, "assume": true, "worry": true, "wish": true,
}

// verbalAttack reports "attack" or "assail" by a named person on named
// persons only, with the force roots' code: in political news that is a
// war of words. Armed men ("a gunman attacked the senator") are agents,
// not named people, and countries or groups as either party keep the
// force.
func verbalAttack(s *sentence, ms []mention, h verbHit, dy dyad, code string) bool {
	if r := rootOf(code); r != "18" && r != "19" || len(dy.tgt) == 0 {
		return false
	}
	if l := lemmaAt(s, h.head); l != "attack" && l != "assail" {
		return false
	}
	for _, k := range append(slices.Clone(dy.src), dy.tgt...) {
		if !ms[k].person || ms[k].agent != nil && ms[k].name[1] == ms[k].name[0] {
			return false
		}
	}
	return true
}

// enabling reports the codes of an act that the means taken for it carry
// out ("crossed the border to attack", "opened the crossing to let aid
// through", "sent experts to investigate"): material cooperation (06–08),
// investigation (09) and material conflict (14–20). What is only said is
// not done by preparing it ("built missiles to threaten").
func enabling(code string) bool {
	r := rootOf(code)
	return r >= "06" && r <= "09" || r >= "14" && r <= "20"
}

// joint reports the codes of cooperation a compound subject does among its
// members when no one else is named: intents to cooperate (03), consulting
// (04), diplomatic (05) and material (06) cooperation.
func joint(code string) bool {
	switch rootOf(code) {
	case "03", "04", "05", "06":
		return true
	}
	return false
}

// namedForces reports armed forces whose side is named: "UN
// peacekeepers", "Israeli troops", not "the troops".
func namedForces(m mention) bool {
	if m.bare() {
		return false
	}
	if m.agent != nil && armed(m.agent) {
		return true
	}
	for _, c := range m.codes {
		if strings.HasSuffix(c, "MIL") || strings.HasSuffix(c, "PKO") {
			return true
		}
	}
	return false
}

// peacekeepers reports a peacekeeping force ("UN peacekeepers", PKO).
func peacekeepers(m mention) bool {
	for _, c := range m.codes {
		if strings.HasSuffix(c, "PKO") {
			return true
		}
	}
	return false
}

// withdrawal reports a military withdrawal (087): what is withdrawn is
// the withdrawing side's own.
func withdrawal(code string) bool { return strings.HasPrefix(code, "087") }

// amongMembers reports the codes a compound subject with no one else
// named does among its members: cooperation (joint), and the violation of
// a ceasefire, which binds the parties to it ("both the army and the
// rebels violated the ceasefire": each against the other).
func amongMembers(code string) bool { return joint(code) || code == "196" }

func nullCode(c string) bool { return c == "" || c == "---" || strings.Trim(c, "-+?") == "" }

// participants picks source and target mentions of a verb: the pattern's
// slots when it has them, else the subject before the verb and the first
// actor after it, swapped for a passive with a "by" agent. A passive
// without one has no known source ("a hafling was reported").
//
// A passive withdrawal without an agent ("the monitors were brought home
// from the border") is the withdrawal of its subject by its own side: the
// subject is the source (moved).
func (c *Coder) participants(s *sentence, ms []mention, h verbHit, cp capture, shared int, mutual, moved bool) dyad {
	var dy dyad
	if cp.cmp >= 0 {
		// "% * ..." : a compound acting on itself, each member on each other
		g := members(ms, cp.cmp)
		if ms[cp.cmp].start >= h.end {
			// "* WITH %" after a subject: "X agrees with Y and Z" is X's
			// act on each of them; only a verb without a subject of its
			// own leaves the compound acting on itself.
			if src := c.subject(s, ms, h, shared); src >= 0 && ms[src].group != ms[cp.cmp].group {
				return dyad{src: members(ms, src), tgt: g}
			}
		}
		return dyad{src: g, tgt: g}
	}
	src, tgt := cp.src, cp.tgt
	if src < 0 && passiveAt(s, h) {
		switch by := byAgent(s, ms, h.end); {
		case by >= 0:
			dy.passive = true
			src = by
			if tgt < 0 {
				tgt = c.subject(s, ms, h, -1)
			}
		case moved:
			if src = c.subject(s, ms, h, -1); src < 0 || tgt < 0 || !namedForces(ms[src]) {
				return dy
			}
			return dyad{src: members(ms, src), tgt: members(ms, tgt)}
		default:
			return dy
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
		tgt = insidePattern(s, ms, h.end, cp, src)
		if tgt < 0 {
			tgt = objectAfter(s, ms, max(cp.end, h.end), src, mutual)
		}
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
