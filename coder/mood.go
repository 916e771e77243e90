package coder

// Mood rules: CAMEO codes what happened or what an actor said it would
// do, never what might happen. A verb inside an "if"/"unless" clause is
// a condition, not an event; a verb whose main clause carries such a
// condition is a threat or a promise; the gerund after "arrested for" is
// the charge, not a second event; "failed to reach" reports that nothing
// was reached.

// unreal returns why verb h codes no event of its own, or "".
func unreal(s *sentence, h verbHit) string {
	if conditionAt(s, h.start) != "" {
		return "hypothetical (inside an if/unless clause)"
	}
	if obliged(s, h) {
		// "the parties must hold a fresh vote": a demand's content;
		// the speaker's demand is coded through the reporting verb
		return "obligation (must/should), not an act"
	}
	if s.pos(h.head) == "VBG" && h.start > 0 {
		prev := s.word(h.start - 1)
		switch {
		case prev == "for" || prev == "of":
			// "arrested for collaborating with", "accused of
			// violating": the charge, or what is thanked for
			return "gerund after a preposition (a charge or reason)"
		case prev == "at" && s.seq.Lemmas[max(h.start-2, 0)] == "aim":
			// "a meeting aimed at establishing relations": a purpose
			return "gerund after \"aimed at\" (a purpose)"
		case prev == "without":
			// "agreed to sign without consulting": did not happen
			return "gerund after \"without\" (not done)"
		case prev == "with" && chargedBefore(s, h.start-1):
			return "gerund after \"charged with\" (a charge)"
		case s.isVerb(h.start-1) && contemplate[s.seq.Lemmas[h.start-1]]:
			// "considering sending aid": not sent
			return "gerund after a verb of contemplation"
		case s.isVerb(h.start-1) && cessation[s.seq.Lemmas[h.start-1]]:
			// "would stop deporting them": what ends is not done
			return "gerund after a verb of stopping"
		}
	}
	return ""
}

// othersDuty reports "he/she must VERB" right after a reporting verb
// whose subject (shared) is no person: "students marched, saying he must
// quit" demand his resignation; he has not resigned. A speaker who is
// a person may be committing itself ("he said he must go"), which
// obliged leaves to the existing rules.
func othersDuty(s *sentence, ms []mention, h verbHit, shared int) bool {
	i := h.start - 1
	for i >= 0 && (s.pos(i) == "RB" || s.word(i) == "be" || s.word(i) == "to") && !negation[s.word(i)] {
		i--
	}
	switch s.word(i) {
	case "must", "should", "ought":
	default:
		return false
	}
	switch s.word(i - 1) {
	case "he", "she":
	default:
		return false
	}
	j := i - 2
	if s.word(j) == "that" {
		j--
	}
	if j < 0 || !s.isVerb(j) || !reportVerbs[s.seq.Lemmas[j]] {
		return false
	}
	return shared >= 0 && !ms[shared].person
}

// chargeVerbs take the offence after "with": "charged with supporting".
var chargeVerbs = map[string]bool{"charge": true, "tax": true, "accuse": true}

// chargedBefore reports a charge verb governing the "with" at token w:
// "charged (the activists) with".
func chargedBefore(s *sentence, w int) bool {
	for j := w - 1; j >= 0 && j >= w-6; j-- {
		if s.isVerb(j) {
			return chargeVerbs[s.seq.Lemmas[j]]
		}
		if s.clauseBreak(j) || s.word(j) == "," {
			return false
		}
	}
	return false
}

// contemplate are verbs whose gerund object has not happened.
// cessation are the verbs whose gerund is what stops.
var cessation = map[string]bool{"stop": true, "cease": true, "halt": true, "quit": true, "end": true, "suspend": true, "abandon": true}

var contemplate = map[string]bool{
	"consider": true, "contemplate": true, "weigh": true, "mull": true, "debate": true,
	"discuss": true, "avoid": true, "deny": true, "risk": true, "fear": true, "rule": true,
}

// conditionAt returns the subordinator ("if", "unless", "whether") of the
// conditional clause holding token v, or "". The clause runs from the
// subordinator to the next comma or clause break, so that the main
// clause after "If Israel attacks, Hezbollah will …" is not in it.
func conditionAt(s *sentence, v int) string {
	for i := v - 1; i >= 0 && i >= v-15; i-- {
		w := s.word(i)
		switch w {
		case "if", "unless", "whether":
			return w
		case ",", ";", ":", "--", ".", "(", ")":
			return ""
		}
		if s.clauseBreak(i) {
			return ""
		}
	}
	return ""
}

// conditionAfter returns the subordinator of a conditional clause that
// follows verb h in its sentence ("will leave the talks … unless the
// shelling stops"), or "".
func conditionAfter(s *sentence, h verbHit) string {
	for i := h.end; i < s.seq.Len() && i < h.end+25; i++ {
		switch w := s.word(i); w {
		case "if", "unless":
			if s.word(i-1) == "as" || s.word(i-1) == "even" {
				return "" // "as if": a comparison
			}
			return w
		case ";", ".", ":":
			return ""
		}
	}
	return ""
}

// modalAt reports "will/would/may/might/could VERB": a conditional main
// clause speaks of what the actor would do.
func modalAt(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && (s.pos(i) == "RB" || s.word(i) == "be" || s.word(i) == "to") && !negation[s.word(i)] {
		i--
	}
	switch s.word(i) {
	case "will", "'ll", "would", "'d", "may", "might", "could", "shall", "prepared", "ready", "willing":
		return true
	}
	return false
}

// conditionalThreat is the code of an act an actor says it will carry out
// unless (or, for a hostile act, if) another does something: "will
// withdraw its force unless …", "will quit the coalition unless …",
// "may cut off the gas if …" threaten (13x); a cooperative act under "if"
// is a conditional offer and stays as it is. ok is false when h is no
// such act.
func conditionalThreat(s *sentence, h verbHit, code string) (string, bool) {
	r := rootOf(code)
	if r == "01" || r == "02" || r == "13" || !modalAt(s, h) {
		return "", false
	}
	switch conditionAfter(s, h) {
	case "unless":
		// whatever the act, even one the dictionary gives no code
		// ("will withdraw its force unless …")
		if r == "" {
			return "130", true
		}
	case "if":
		if r == "" || r == "12" || r < "10" {
			// "will not sign the accord if the vote fails" stays a refusal
			return "", false
		}
	default:
		return "", false
	}
	if t := refine("13", code); t != "" {
		return t, true
	}
	return "130", true
}

// failedTo reports "failed to VERB" (adverbs aside): the act did not
// happen, which CAMEO codes as a refusal when one exists ("failed to
// reach agreement" → 12x).
func failedTo(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" {
		i--
	}
	if s.word(i) != "to" || i < 1 {
		return false
	}
	l := s.seq.Lemmas[i-1]
	return l == "fail" || s.word(i-1) == "failed" || s.word(i-1) == "fails"
}

// reportedSubject is the subject of a reported clause whose own subject
// is a pronoun the article memory did not resolve: in "the FARC said that
// they will lay down arms" the rebels speak of themselves, and "they"
// is the FARC. v is the first token of the reported verb; -1 when the
// clause is not of that shape.
func (c *Coder) reportedSubject(s *sentence, ms []mention, v int) int {
	j, ok := pronounSubject(s, v)
	if !ok {
		return -1
	}
	for n := 0; n < 4 && j > 0 && !s.isVerb(j); n++ {
		// "declared on Friday that it will …": a time adjunct
		if p := s.pos(j); p != "NNP" && p != "CD" && p != "RB" && s.word(j) != "on" && !timeWords[s.word(j)] {
			return -1
		}
		j--
	}
	if !s.isVerb(j) || !reportVerbs[s.seq.Lemmas[j]] {
		return -1
	}
	return c.subject(s, ms, verbHit{head: j, start: j, end: j + 1}, -1)
}

// statives are participles that describe a state of their subject, not
// an act done to it, before "to": "Vestria is opposed to outside
// arbitration" is Vestria's opposition, not a passive without agent.
var statives = map[string]bool{
	"opposed": true, "committed": true, "dedicated": true, "devoted": true, "resigned": true,
	"prepared": true, "determined": true,
}

// engagements are participles that, before "in", describe what their
// subject does: "the militias were engaged in looting" is the
// militias' act, not a passive without agent.
var engagements = map[string]bool{"engaged": true, "involved": true}

// stativeAt reports "be opposed to …", "be engaged in …" and the like at
// verb h.
func stativeAt(s *sentence, h verbHit) bool {
	w := s.word(h.head)
	if engagements[w] {
		return s.word(h.head+1) == "in"
	}
	return statives[w] && s.word(h.end) == "to"
}

// skipWhen skips a time or place adjunct right after a reporting verb,
// up to "that": "said on Tuesday that", "declared Tuesday that", "said
// here Wednesday that". It returns from unchanged when no "that" closes
// a short adjunct.
func skipWhen(s *sentence, from int) int {
	for i := from; i < s.seq.Len() && i < from+5; i++ {
		if s.word(i) == "that" {
			return i
		}
		switch s.pos(i) {
		case "RB", "NNP", "CD", "IN", "DT":
			if s.pos(i) == "IN" && s.word(i) != "on" && s.word(i) != "in" {
				return from
			}
			continue
		case "NN":
			if timeWords[s.word(i)] || s.word(i) == "week" || s.word(i) == "month" || s.word(i) == "year" {
				continue
			}
		}
		return from
	}
	return from
}

// obliged reports "must/should/ought to VERB" right before verb h, for
// a subject other than a pronoun.
func obliged(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && (s.pos(i) == "RB" || s.word(i) == "be" || s.word(i) == "to") && !negation[s.word(i)] {
		i--
	}
	switch s.word(i) {
	case "must":
		// "said it must withdraw": a pronoun for the speaker commits
		// itself, and the act stands as the existing rules code it
		switch s.word(i - 1) {
		case "it", "they", "we", "he", "she", "i":
			return false
		}
		return true
	case "should", "ought":
		// "they should arrest him": advice, whoever is advised
		return true
	}
	return false
}

// purposeOf returns the verb whose infinitive of purpose h is, after
// that verb's object, or -1: "will lend Vestria a sum … to build
// roads", "sent its engineers to Quorvia to help it". The reason an act
// is done for is not a second event; a governing verb's complement
// ("urged Israel to withdraw") is handled before this is asked. Talks
// are the exception the caller makes: "met in Moscow to discuss" is the
// consultation.
func purposeOf(s *sentence, h verbHit) int {
	if s.pos(h.head) != "VB" {
		return -1
	}
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" {
		i--
	}
	if s.word(i) != "to" || !nounTag(s.pos(i-1)) {
		return -1
	}
	for j, n := i-2, 0; j >= 0 && n < 14; j-- {
		if s.word(j) == ")" {
			// "a loan of 12 billion crowns (about 400 million euros)
			// spread over a decade to build": an aside does not
			// count towards the distance
			for j > 0 && s.word(j) != "(" {
				j--
			}
			continue
		}
		n++
		if s.clauseBreak(j) || s.word(j) == "," || s.word(j) == "that" {
			return -1
		}
		if s.isVerb(j) && !auxiliaries[s.word(j)] {
			// "took steps to ease the curfew": the easing is what
			// was done, not what it was done for
			if s.seq.Lemmas[j] == "take" && measureNouns[s.word(i-1)] {
				return -1
			}
			return j
		}
	}
	return -1
}

// measureNouns head "take steps/measures/action to VERB", a light
// construction whose infinitive is the act itself.
var measureNouns = map[string]bool{"step": true, "steps": true, "measure": true, "measures": true, "action": true, "actions": true, "move": true, "moves": true}

// unrealInfinitive reports an infinitive that says what is expected,
// possible or hard rather than done: "is expected to sign", "has the power
// to remove", "it is riskier to dismiss". The cues of intent ("willing
// to", "ready to") and the ordinals of a first ("the first to recognise")
// are left to the rules that code them.
func unrealInfinitive(s *sentence, h verbHit) string {
	for j := h.end; j < s.seq.Len() && !s.quoteEnd(j); j++ {
		if s.word(j) == "?" {
			return "asked, not told (a question)" // "\"Did X attack Y?\" Z asked"
		}
	}
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" {
		i--
	}
	if s.word(i) != "to" || s.pos(h.head) != "VB" {
		return ""
	}
	w, p := s.word(i-1), s.pos(i-1)
	switch {
	case expectations[w]:
		return "expected, not done (\"" + w + " to\")"
	case noun(p) && capacities[lemmaAt(s, i-1)]:
		return "a capacity or chance, not an act (\"" + w + " to\")"
	case (p == "JJ" || p == "JJR" || p == "JJS") && !intentCues[w] && !ordinals[w] && w != "about":
		return "an adjective's infinitive, not an act (\"" + w + " to\")"
	}
	return ""
}

// expectations say an act is foreseen: "is expected to", "is due to".
var expectations = map[string]bool{
	"expected": true, "likely": true, "unlikely": true, "due": true, "poised": true, "scheduled": true,
	"slated": true, "supposed": true, "set": true, "tipped": true, "needed": true, "required": true,
}

// capacities are nouns whose infinitive is what could be done: "the power
// to", "a chance to", "an attempt to".
var capacities = map[string]bool{
	"power": true, "ability": true, "authority": true, "right": true, "capacity": true, "chance": true,
	"opportunity": true, "means": true, "need": true, "duty": true, "mandate": true, "option": true,
	"freedom": true, "attempt": true, "bid": true, "effort": true, "plan": true, "proposal": true,
	"threat": true, "pressure": true, "call": true, "push": true, "way": true, "order": true,
	"request": true, "demand": true, "offer": true, "invitation": true, "permission": true,
	"authorization": true, "authorisation": true, "warrant": true,
}

// ordinals make an adjective's infinitive an act that happened: "the first
// to recognise", "the only country to vote against".
var ordinals = map[string]bool{"first": true, "last": true, "second": true, "third": true, "only": true, "next": true, "latest": true}
