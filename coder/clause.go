package coder

// The clause rules: what a verb's object is, and when a verb is passive
// or negated, read from word order and tags alone (its subject: subject.go).

import "strings"

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

// objectAfter is the first mention after token from, unless a clause
// boundary comes first or the mention is itself the subject of a
// following verb ("X said Y attacked Z": Y is not X's target). For a
// mutual event a place after "in" is skipped ("X and Y met in Beijing").
func objectAfter(s *sentence, ms []mention, from, src int, mutual bool) int {
	for k := range ms {
		if ms[k].start < from || k == src || ms[k].group == ms[src].group || ms[k].modifier || !named(ms[k]) {
			continue // "in south america": a name the dictionary codes as no one
		}
		purpose := false
		for i := from; i < ms[k].start; i++ {
			if s.pos(i) == "VB" && s.word(i-1) == "to" && nounTag(s.pos(i-2)) && i-2 >= from-1 && !mutual {
				// "signed an accord to supply Gondor with wheat": the
				// infinitive after the verb's object noun says what
				// the act is for, and its object is the target, also
				// when the noun is the last word of the verb's pattern
				// ("staged a sit-in to denounce Gondor"); a verb's own
				// complement ("proposed to take up") is left to the
				// complement rules
				purpose = true
				continue
			}
			if s.clauseBreak(i) || s.quoteEnd(i) || attribution(s, i) || (i > from && conjoinedVerb(s, i)) || s.word(i) == "without" || (s.isVerb(i) && !auxiliaries[s.word(i)] && s.pos(i) != "VBN" && s.pos(i) != "VBG") {
				// "quit without going back to the capital": what
				// is not done has no target
				return -1
			}
		}
		if (mutual || purpose) && locative(s, ms[k].start) {
			continue // "met in Beijing": a place, not a counterpart
		}
		if participleAgent(s, from, ms[k].start) {
			// "began air drills, soon to be reinforced by Polish
			// squadrons": the agent of a participle, not the object
			return -1
		}
		g := members(ms, k)
		if !prepObject(s, ms[k].start) && subjectOfNext(s, ms[g[len(g)-1]].end) {
			return -1
		}
		return k
	}
	return -1
}

// participleAgent reports a mention at token i governed by "by" after a
// past participle that opens a clause set off by a comma between from
// and i.
func participleAgent(s *sentence, from, i int) bool {
	j := i - 1
	for j > from && (s.pos(j) == "DT" || s.pos(j) == "JJ") {
		j--
	}
	if s.word(j) != "by" {
		return false
	}
	vbn := false
	for ; j >= from; j-- {
		switch {
		case s.pos(j) == "VBN":
			vbn = true
		case s.word(j) == ",":
			return vbn // ", expected to be joined by": a clause set off
		}
	}
	return false
}

// ownForces reports a bare agent owned by a possessive pronoun ("its
// troops", "their peacekeeping force"): the subject's own people, what
// it withdraws, sends or deploys rather than acts on.
func ownForces(s *sentence, m mention) bool {
	if !m.bare() {
		return false
	}
	i := m.start - 1
	for i >= 0 && (s.pos(i) == "JJ" || s.pos(i) == "NN") {
		i--
	}
	return s.pos(i) == "PRP$"
}

// mobilized reports the forces a show of force or a mobilisation (15)
// puts in motion: a bare armed or police agent ("called up naval
// reserves", "ordered patrols by police") is the subject's own, not
// whom it is aimed at.
func mobilized(code string, m mention) bool {
	return rootOf(code) == "15" && m.bare() && (armed(m.agent) || m.agent.Code == "COP")
}

// named reports a mention with at least one actor code that names
// someone: dictionaries list some names ("South America") as "---".
func named(m mention) bool {
	for _, c := range m.codes {
		if !nullCode(c) {
			return true
		}
	}
	return false
}

// insidePattern is an actor within the words a pattern without a target
// slot matched, from token from to the end of the match: "host
// Palestinian reconciliation talks" (host ... talks) is held with the
// Palestinians. An armed agent with no country is what the act moves or
// uses, not a counterpart: in "launched artillery fire" (launch ...
// artillery) the artillery is the subject's own, in "contribute 4,000
// troops" the troops; the target is looked for after the pattern. "U.N.
// inspectors" in "allow ... inspectors" names whom, and unarmed people
// are the act's counterpart ("fire on ... protesters"). An actor that starts
// inside those words may run past them when a pattern word is its own
// head noun: "summoned Gondor's ambassador Hurin" (summon ... ambassador)
// summons Gondor's ambassador, not whoever comes next.
func insidePattern(s *sentence, ms []mention, from int, cp capture, src int) int {
	for k := range ms {
		own := ms[k].bare() && armed(ms[k].agent)
		if ms[k].start >= from && ms[k].start < cp.end && ms[k].group != ms[src].group && !locative(s, ms[k].start) && !ms[k].modifier && !own {
			return k
		}
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

// subordinator reports a conjunction the tagger writes IN ("after the two
// factions met"): what follows it is a subject, not a prepositional object.
func subordinator(w string) bool {
	switch w {
	case "after", "before", "since", "while", "because", "if", "although", "though", "as", "until", "unless", "whereas", "once":
		return true
	}
	return false
}

// afterSubordinator reports a mention opening a subordinate clause,
// determiner aside: "after the Islamic State attacked" has "the Islamic
// State" as the subject of "attacked", not as the object of "after".
func afterSubordinator(s *sentence, i int) bool {
	j := i - 1
	if s.pos(j) == "DT" {
		j--
	}
	return subordinator(s.word(j))
}

// agentOf reports a mention right after "by".
func agentOf(s *sentence, i int) bool {
	j := i - 1
	if s.pos(j) == "DT" {
		j--
	}
	return s.word(j) == "by"
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

// relativePronounBefore reports a relative pronoun anywhere before token v.
func relativePronounBefore(s *sentence, v int) bool {
	for i := 0; i < v; i++ {
		if p := s.pos(i); p == "WDT" || p == "WP" || p == "WP$" {
			return true
		}
	}
	return false
}

// afterPrepObject reports a noun phrase of a preposition ending right
// before token v: "to many northern miners", "from the Quorvian towns".
func afterPrepObject(s *sentence, v int) bool {
	noun := false
	for j := v - 1; j >= 0 && j >= v-6; j-- {
		switch p := s.pos(j); {
		case nounTag(p):
			noun = true
		case p == "DT" || p == "JJ" || p == "JJS" || p == "CD" || p == "PRP$":
		case p == "IN" || p == "TO":
			return noun && s.word(j) != "that" && !subordinator(s.word(j))
		default:
			return false
		}
	}
	return false
}

// clauseSubjectBefore reports a noun phrase + preposition phrase before
// token v that opens a clause ("said rebels near Homs surrendered",
// "rebels in the north surrendered"): nothing but the sentence start, a
// comma, "that" or a reporting verb precedes the noun phrase, so the verb
// at v is its predicate, not a participle modifying a verb's object.
func clauseSubjectBefore(s *sentence, v int) bool {
	j := v - 1
	for j >= 0 && s.pos(j) != "IN" && s.pos(j) != "TO" {
		j--
	}
	for j--; j >= 0; j-- {
		if p := s.pos(j); !(nounTag(p) || p == "DT" || p == "JJ" || p == "JJS" || p == "CD" || p == "PRP$" || p == "POS") {
			break
		}
	}
	if j < 0 {
		return true
	}
	switch w := s.word(j); {
	case w == "," || w == "that" || w == ";":
		return true
	case s.isVerb(j) && reportVerbs[s.seq.Lemmas[j]]:
		return true
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
	if s.pos(h.head) == "VBD" && strings.HasSuffix(s.word(h.head), "ed") && afterPrepObject(s, h.start) && !clauseSubjectBefore(s, h.start) && !relativePronounBefore(s, h.start) && !stativeAt(s, h) && reducedRelative(s, h) {
		// "gave shelter to miners expelled from the province",
		// the participle tagged as a past tense: a
		// preposition's object has no verb of its own. After a
		// relative clause ("peacekeepers who are part of the
		// troops arrived") the verb before is the clause's, not
		// the predicate.
		return true
	}
	if s.pos(h.head) != "VBN" || stativeAt(s, h) {
		return false
	}
	if s.word(h.end) == "by" && (s.word(h.start-1) == "as" || s.word(h.start-1) == ",") {
		return true // a reduced passive: ", as confirmed by Z", ", shelled by Z"
	}
	if reducedRelative(s, h) {
		return true
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

// reducedRelative reports a participle that modifies the noun before it
// ("miners expelled from the province", "the tolls imposed in the
// north"): a passive whose agent is not the sentence's subject. A
// participle followed by an object is a past tense the tagger missed
// ("troops attacked the town") and a sentence's first verb after its
// subject is its predicate.
func reducedRelative(s *sentence, h verbHit) bool {
	if h.start < 1 || !nounTag(s.pos(h.start-1)) || objectStart(s.pos(h.end)) || s.pos(h.end) == "PRP" {
		return false
	}
	if s.pos(h.end) == "RP" && objectStart(s.pos(h.end+1)) {
		return false // "crowds burned down its embassy": a particle, then the object
	}
	for i := h.start - 1; i >= 0; i-- {
		if s.isVerb(i) || s.pos(i) == "MD" {
			return true // the clause has its predicate already
		}
	}
	return false
}

// byAgent finds "by ACTOR" shortly after a passive verb, or after a
// parenthetical that ends in a comma ("was blamed for the shortages,
// most of them avoidable, by opposition deputies").
func byAgent(s *sentence, ms []mention, from int) int {
	after := func(i int) int {
		for k := range ms {
			if ms[k].start > i && ms[k].start <= i+3 {
				return k
			}
		}
		return -1
	}
	for i := from; i < s.seq.Len() && i < from+6; i++ {
		if s.clauseBreak(i) {
			return -1
		}
		if s.word(i) == "by" {
			return after(i)
		}
	}
	for i := from + 6; i < s.seq.Len() && i < from+30; i++ {
		switch {
		case s.word(i) == ";" || s.word(i) == "--" || s.word(i) == "according":
			return -1
		case s.word(i) == "by" && s.word(i-1) == ",":
			return after(i)
		}
	}
	return -1
}

// negated reports a negation right before the verb ("did not meet"),
// or before its infinitive marker ("vowed not to return").
func negated(s *sentence, h verbHit) bool {
	for i := h.start - 1; i >= 0 && i >= h.start-3; i-- {
		w := s.word(i)
		if negation[w] {
			return true
		}
		if !auxiliaries[w] && s.pos(i) != "RB" && !(w == "to" && i == h.start-1) {
			return false
		}
	}
	return false
}

// negatedInfinitive reports "not to VERB" ("pledged not to reopen the
// border crossing"): a commitment not to act, which CAMEO codes as a
// refusal, as it codes "will not".
func negatedInfinitive(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" && !negation[s.word(i)] {
		i--
	}
	return s.word(i) == "to" && negation[s.word(i-1)]
}
