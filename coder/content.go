package coder

import "strings"

// The content of a demand, a refusal or a threat is what is asked for,
// refused or threatened: it has not happened. "demanded a confession by
// Quorvia that its agents poisoned the wells" is a demand on Quorvia, not
// also a killing; "turned down a plea by the envoy to lift the tariffs"
// is a rejection, not also an easing; "declined to receive Vestria's
// touring minister" is a refusal, not also a visit. Verbs and event nouns inside that
// content are therefore not coded on their own. A statement (01) is
// different: in "X said Y attacked Z" the attack is reported as fact.

// contentFamilies are the roots whose object is unrealised content.
var contentFamilies = map[string]bool{"02": true, "10": true, "11": true, "12": true, "13": true}

// governsContent reports a code whose object clause is not an event.
func governsContent(code string) bool { return contentFamilies[rootOf(code)] }

// contentEnd is the token after the content that starts at token from:
// it runs to a break that opens a clause of its own (a semicolon, "but",
// "while", "according", a causal or temporal "because"/"after"/"since")
// or to a new predicate of the main subject: ", saying …", "and said …".
// Conditions ("if Hamas ran", "unless …") stay inside: they qualify the
// threat or demand.
//
// The tagger often reads a past tense after "and" as a participle
// ("condemned an attack … and promised aid"): after a governor in the
// past tense, "and" + VBN is taken for a second predicate too.
func contentEnd(s *sentence, h verbHit) int {
	n := s.seq.Len()
	for i := h.end; i < n; i++ {
		if s.quoteEnd(i) {
			return i // the quotation ends; its attribution is no content
		}
		switch s.word(i) {
		case ";", ":", "--", "but", "while", "whereas", "although", "because", "according", "after", "since":
			return i
		case "as":
			if asClause(s, i) {
				return i
			}
		case ",", "and":
			if s.word(i) == "," && gerundList(s, h.end, i) {
				continue
			}
			if newPredicate(s, i+1) || s.word(i) == "," && reportingClause(s, i+1) {
				return i
			}
			if s.word(i) == "and" && s.pos(h.head) == "VBD" && s.pos(i+1) == "VBN" {
				return i
			}
		}
	}
	return n
}

// asClause reports an "as" at token i that opens a clause ("as street
// battles raged"): a finite verb follows before the next comma or break.
// "condemned as a grave mistake X's blockade" is a predicative "as"; the
// content goes on.
func asClause(s *sentence, i int) bool {
	for j := i + 1; j < s.seq.Len() && j < i+12; j++ {
		if finite(s.pos(j)) {
			return true
		}
		if s.word(j) == "," || s.clauseBreak(j) {
			return false
		}
	}
	return false
}

// gerundList reports a comma at token i inside a list of gerunds that
// opened after a preposition of the content: "charged X with rigging
// ballots, jailing critics and muzzling the press" lists charges; the
// gerund after the comma is the next one, not a new predicate of the
// subject. The list must go on to "and"/"or" + gerund before any break.
func gerundList(s *sentence, from, i int) bool {
	if s.pos(i+1) != "VBG" {
		return false
	}
	opened := false
	for j := from; j < i; j++ {
		if s.pos(j) == "VBG" && s.pos(j-1) == "IN" {
			opened = true
			break
		}
	}
	if !opened {
		return false
	}
	for j := i + 2; j < s.seq.Len() && j < i+15; j++ {
		switch w := s.word(j); {
		case (w == "and" || w == "or") && s.pos(j+1) == "VBG":
			return true
		case w == ";" || w == ":" || w == "--" || s.clauseBreak(j) || finite(s.pos(j)):
			return false
		}
	}
	return false
}

// reportingClause reports a closing attribution at token i: ", Vestrian
// police said", ", a senior official said on Saturday", ", Human Rights
// Watch (HRW) said", ", an aide to the Eldorian envoy told reporters".
func reportingClause(s *sentence, i int) bool {
	for j := i; j < s.seq.Len() && j < i+10; j++ {
		switch p := s.pos(j); {
		case p == "DT" || p == "JJ" || p == "POS" || p == "CD" || nounTag(p):
			continue
		case j > i && nounTag(s.pos(j-1)) && (s.word(j) == "for" || s.word(j) == "of" || s.word(j) == "at"):
			continue // the speaker's affiliation
		case p == "-LRB-" && j > i:
			// an acronym in parentheses after the speaker's name
			k := j + 1
			for k < s.seq.Len() && k <= j+3 && s.pos(k) != "-RRB-" {
				k++
			}
			if s.pos(k) != "-RRB-" {
				return false
			}
			j = k
			continue
		case s.isVerb(j):
			return j > i && reportVerbs[s.seq.Lemmas[j]]
		}
		return false
	}
	return false
}

// attribution reports a comma at token i that opens a closing
// attribution (", border guards told reporters"): the speaker is no
// participant of the clause before it.
func attribution(s *sentence, i int) bool {
	return s.word(i) == "," && reportingClause(s, i+1)
}

// newPredicate reports a verb opening a predicate at token i (adverbs
// and auxiliaries aside): "…, saying", "… and said", "…, has also
// urged". An infinitive ("and to") or a noun does not.
func newPredicate(s *sentence, i int) bool {
	for i < s.seq.Len() && (s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[s.word(i)]) {
		if finite(s.pos(i)) {
			return true
		}
		i++
	}
	switch s.pos(i) {
	case "VBD", "VBZ", "VBP", "VBG":
		return true
	}
	return false
}

// backgroundOpeners open an adverbial clause that sets the scene of the
// main event: "stepped down as crowds massed outside the palace", "paid
// damages for farms they lost when the junta seized them", "rallied in
// the port, where a strike had been broken up". A clause
// of sequence or cause ("condemned Quorvia after its troops attacked")
// is an event of its own and stays, as in PETRARCH; the PLOVER records
// code it less often (two sentences), not enough to override that.
var backgroundOpeners = map[string]bool{
	"when": true, "as": true, "while": true, "where": true, "whereas": true,
}

// background reports a finite verb h inside such a clause: an opener
// before it with no comma, semicolon or relative pronoun between. Only a
// finite verb makes the clause ("as an ugly crime" is no clause).
func background(s *sentence, h verbHit) bool {
	if !finiteAt(s, h) {
		return false
	}
	for i := h.start - 1; i >= 0 && i >= h.start-25; i-- {
		w := s.word(i)
		switch {
		case backgroundOpeners[w]:
			return true
		case w == "," || w == ";" || w == "--" || w == "that" || w == "which" || w == "who":
			return false
		case finite(s.pos(i)) && !auxiliaries[w]:
			return false // the clause's own verb is another one
		}
	}
	return false
}

// finiteAt reports a verb with a tense of its own: a finite tag, a
// participle or base form after an auxiliary ("were hit", "had lost"),
// or a past tense the tagger read as a participle between a subject and
// an object.
func finiteAt(s *sentence, h verbHit) bool {
	if finite(s.pos(h.head)) {
		return true
	}
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" {
		i--
	}
	if s.pos(h.head) == "VBN" && nounTag(s.pos(i)) && objectStart(s.pos(h.end)) {
		return true // "after Vestria attacked Eldoria" tagged VBN
	}
	return auxiliaries[s.word(i)]
}

// consequence reports a participle that only states the toll of the
// attack coded before it: "bombed the depot, killing nine guards" is one
// assault, not a shelling and a separate killing. A participle that names
// a victim of its own ("…, killing three Gondor soldiers") stays. prev is
// the code of that attack: an assault, a fight, mass violence, or violent
// repression (175: "fired on strikers to break up a picket, killing two").
func consequence(s *sentence, h verbHit, prev string, evs []coded) bool {
	if len(evs) == 0 || !(violent(rootOf(prev)) || prev == "175") || s.pos(h.head) != "VBG" {
		return false
	}
	switch s.word(h.start - 1) {
	case ",":
	case "or", "and":
		// "…, killing or maiming dozens": the second participle of the toll
		if s.pos(h.start-2) != "VBG" {
			return false
		}
	default:
		return false
	}
	for _, e := range evs {
		if e.Target != nil || !violent(rootOf(e.Code)) {
			return false
		}
	}
	return true
}

// riotManner reports a participle after a protest that only says how the
// protesters went about it: "rioted in the camp, burning their own
// tents" is one riot, not also a seizure or destruction of property
// with no one's property named.
func riotManner(s *sentence, h verbHit, prev string, evs []coded) bool {
	if len(evs) == 0 || prev != "14" || s.pos(h.head) != "VBG" || s.word(h.start-1) != "," {
		return false
	}
	for _, e := range evs {
		if e.Target != nil || !strings.HasPrefix(e.Code, "171") {
			return false
		}
	}
	return true
}

// protestAim reports a participle of demand or appeal that states what
// the protest coded before it is for: "sat down on the bridge demanding
// that the mayor be freed", "marched, calling for his resignation" are one
// protest (CAMEO's 14x codes hold its aim), not also a demand by the
// same protesters.
func protestAim(s *sentence, h verbHit, prev string, before, evs []coded) bool {
	if len(evs) == 0 || prev != "14" || s.pos(h.head) != "VBG" {
		return false
	}
	if w := s.word(h.start - 1); w == "and" || w == "or" || w == "but" {
		return false
	}
	for _, e := range evs {
		if r := rootOf(e.Code); r != "10" && r != "02" {
			return false
		}
		protester := false
		for _, b := range before {
			if rootOf(b.Code) == "14" && b.Source.Code == e.Source.Code {
				protester = true
			}
		}
		if !protester {
			return false
		}
	}
	return true
}

// tollTarget is the target of the attack before a participle of its toll
// ("fired on strikers to break up a picket, killing two and detaining 30"),
// or -1: the people a toll participle arrests or detains without naming
// them are those attacked. prev and tgt are the code and target mention
// of the last coded verb.
func tollTarget(s *sentence, h verbHit, prev string, tgt int) int {
	if tgt < 0 || !(violent(rootOf(prev)) || prev == "175") || s.pos(h.head) != "VBG" {
		return -1
	}
	switch s.word(h.start - 1) {
	case ",":
	case "and", "or":
		if !(s.pos(h.start-2) == "VBG" || s.pos(h.start-2) == "CD" || nounTag(s.pos(h.start-2))) {
			return -1
		}
	default:
		return -1
	}
	if i := skipDet(s, h.end); s.pos(i) != "CD" || nounTag(s.pos(i+1)) && lemmaAt(s, i+1) != "person" && lemmaAt(s, i+1) != "people" {
		return -1 // "arresting three Gondor soldiers" names its own
	}
	return tgt
}

// targetMention is the mention e's target was read from, or -1.
func targetMention(s *sentence, ms []mention, e coded) int {
	if e.Target == nil {
		return -1
	}
	for k := range ms {
		if s.span(ms[k].start, ms[k].end) == e.Target.Span {
			return k
		}
	}
	return -1
}

// forceful reports the roots whose object is acted on even when it is
// the actor's own (coercion and violence: "attacked its troops").
func forceful(code string) bool { r := rootOf(code); return r == "17" || violent(r) }

// violent reports the roots of material conflict: assault, fight, mass
// violence.
func violent(root string) bool { return root == "18" || root == "19" || root == "20" }
