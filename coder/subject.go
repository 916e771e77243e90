package coder

// Who acts: the subject of a verb, found before it in its clause, through
// an apposition or a relative clause, a pronoun after a reporting verb, or
// a noun that stands for the people it names ("a camp for refugees").

// subject finds the subject of verb h: the subject shared with the verb
// it is coordinated with ("X condemned ... and promised ..."), else the
// nearest mention before the verb inside its clause, else, for a relative
// clause ("X, which attacked Y"), the antecedent before the relative
// pronoun.
func (c *Coder) subject(s *sentence, ms []mention, h verbHit, shared int) int {
	if shared >= 0 && (coordinated(s, h) || purpose(s, ms, h)) {
		return shared
	}
	if a := appositionBefore(s, ms, h.start); a >= 0 {
		return a
	}
	if r := relativeBefore(s, h.start); r >= 0 {
		// "Vestria, which Eldoria attacked, met …": skip the clause
		return subjectBefore(s, ms, r, clauseStart(s, r))
	}
	if k := c.speakerPronoun(s, ms, h.start, shared); k >= 0 {
		return k
	}
	b := clauseStart(s, h.start)
	if k := subjectBefore(s, ms, h.start, b); k >= 0 {
		return k
	}
	if k := c.reportedSubject(s, ms, h.start); k >= 0 {
		return k
	}
	if b > 0 {
		switch s.word(b - 1) {
		case "who", "which", "that":
			return c.antecedent(s, ms, b-1)
		case "and", ",":
			// "X met Y and, after talks, signed": look past the break
			return subjectBefore(s, ms, b-1, clauseStart(s, b-1))
		}
	}
	return -1
}

// speakerPronoun is the subject of a reporting verb written right before
// the pronoun subject of verb v, "that" and adverbs aside: in "X dismissed
// a Y proposal and said they would boycott Z" they are X, not the Y
// before them.
// Only a pronoun straight after the reporting verb counts; "told Y they"
// may well mean Y. shared is passed on for the reporting verb's own
// subject ("and said").
func (c *Coder) speakerPronoun(s *sentence, ms []mention, v, shared int) int {
	j, ok := pronounSubject(s, v)
	if !ok {
		return -1
	}
	for j >= 0 && s.pos(j) == "RB" {
		j--
	}
	if j < 0 || !s.isVerb(j) || !reportVerbs[s.seq.Lemmas[j]] {
		return -1
	}
	k := c.subject(s, ms, verbHit{head: j, start: j, end: j + 1}, shared)
	if k < 0 {
		return -1
	}
	for o := range ms {
		// "Egypt condemned Israel, saying it had attacked": an object
		// between speaker and pronoun may be what the pronoun means;
		// an actor modifying a noun ("a Y plan") may not
		if ms[o].start > ms[k].end && ms[o].end <= j && ms[o].group != ms[k].group && !nounTag(s.pos(ms[o].end)) && s.word(ms[o].end) != "'s" {
			return -1
		}
	}
	return k
}

// antecedent is the subject of a relative clause opened by the pronoun at
// token r: the actor right before it ("Hamas militants who attacked"). A
// non-actor noun there is the subject itself ("an attack that killed 40",
// "a fire that killed"): no actor, unless the noun is the object of a
// light verb, whose subject then acts ("Israel launched strikes that
// killed 20").
func (c *Coder) antecedent(s *sentence, ms []mention, r int) int {
	a := r
	if s.word(a-1) == "," {
		a--
	}
	for k := range ms {
		if ms[k].end == a {
			return members(ms, k)[0]
		}
	}
	if v := lightVerbBefore(s, a); v >= 0 {
		return c.subject(s, ms, verbHit{head: v, start: v, end: v + 1}, -1)
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

// subjectBefore is the nearest mention ending before token v and starting
// at or after token from.
func subjectBefore(s *sentence, ms []mention, v, from int) int {
	best := -1
	for k := range ms {
		if ms[k].end <= v && ms[k].start >= from && !example(s, ms, ms[k].start) && (!prepObject(s, ms[k].start) || agentOf(s, ms[k].start) || afterSubordinator(s, ms[k].start) || quantityOf(s, ms[k].start) || shelteredIn(s, ms[k], v)) {
			// "met in Moscow to discuss": the object of a
			// preposition is no subject, but the agent of a
			// nominal is ("a bombing by Z killed …")
			best = k
		}
	}
	if best < 0 {
		return -1
	}
	// the subject of "A and B met" is the whole group; return its head
	return members(ms, best)[0]
}

// example reports a mention introduced by "including" or "such as"
// after an actor: an example of that actor, which is the subject
// ("Quorvian units including two armoured brigades stormed …"). After a
// phrase that names no one ("Critics, including the European
// Commission, accuse"), the example is all there is.
func example(s *sentence, ms []mention, i int) bool {
	j := i - 1
	for j > 0 && (s.pos(j) == "DT" || s.pos(j) == "JJ" || s.pos(j) == "CD") {
		j--
	}
	switch {
	case s.word(j) == "including":
	case s.word(j) == "as" && s.word(j-1) == "such":
		j--
	default:
		return false
	}
	if s.word(j-1) == "," {
		j--
	}
	for k := range ms {
		if ms[k].end == j {
			return true
		}
	}
	return false
}

// quantityOf reports a mention that heads its phrase through "of": "tens
// of thousands of students", "a group of rebels", "members of Hamas" act
// as the students, the rebels, Hamas.
func quantityOf(s *sentence, i int) bool {
	j := i - 1
	if s.pos(j) == "DT" {
		j--
	}
	if s.word(j) != "of" {
		return false
	}
	return s.pos(j-1) == "CD" || quantities[s.word(j-1)]
}

// shelteredIn reports a mention housed by the noun before it, as the
// subject of a passive verb at v: "a camp for displaced families was
// shelled" is an attack on the families. In the active ("gunmen near a
// camp for refugees attacked") the camp only places the subject.
func shelteredIn(s *sentence, m mention, v int) bool {
	j := m.start - 1
	for j > 0 && (s.pos(j) == "DT" || s.pos(j) == "JJ" || s.pos(j) == "CD") {
		j--
	}
	if s.word(j) != "for" || !shelters[lemmaAt(s, j-1)] {
		return false
	}
	be := false
	for i := m.end; i < v; i++ {
		switch w := s.word(i); {
		case w == "was" || w == "were" || w == "been" || w == "is" || w == "are" || w == "being":
			be = true
		case s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[w]:
		default:
			return false
		}
	}
	return be && s.pos(v) == "VBN"
}

var shelters = map[string]bool{"camp": true, "shelter": true}

var quantities = map[string]bool{
	"tens": true, "hundreds": true, "thousands": true, "millions": true, "dozens": true, "scores": true,
	"group": true, "groups": true, "crowd": true, "crowds": true, "number": true, "members": true,
	"some": true, "many": true, "most": true, "several": true, "majority": true, "band": true,
	"supporters": true, "followers": true, "loyalists": true,
}

// pronounSubject reports a pronoun subject right before the verb that
// starts at token v (adverbs, modals and auxiliaries aside) and gives the
// token before it, past a "that": where a reporting verb would stand.
func pronounSubject(s *sentence, v int) (int, bool) {
	i := v - 1
	for i >= 0 && (s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[s.word(i)]) {
		i--
	}
	switch s.word(i) {
	case "they", "it", "he", "she", "we":
	default:
		return 0, false
	}
	j := i - 1
	if s.word(j) == "that" {
		j--
	}
	return j, true
}
