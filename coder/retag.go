package coder

import "strings"

// retag repairs the one tagger error that hides whole events: a past-tense
// verb read as an adjective after its subject ("guerrillas wounded two
// soldiers", "rebels seized the town" tagged NNS JJ CD/DT). The token
// becomes a VBD with its stem as lemma when the verb dictionary knows the
// stem and an object starts right after it; the document's own tokens are
// left alone.
//
// "set" in "set fire to" after a noun is the idiom's verb whatever its
// tag.
//
// A plural noun read as a verb right before the sentence's past-tense
// verb ("street battles raged") becomes a noun again.
//
// Likewise a present-tense verb read as a plural noun right after a
// sentence-initial name, before any verb ("Ethiopia departs from Libya",
// "Israel strikes Gaza"): it becomes a VBZ when its lemma is a verb of the
// dictionary.
func (c *Coder) retag(s *sentence) {
	finite := false // a verb seen before token i
	for i := 1; i+1 < len(s.tags); i++ {
		w := s.word(i)
		switch {
		case s.tags[i] == "JJ" && strings.HasSuffix(w, "ed") && nounTag(s.tags[i-1]) && objectStart(s.tags[i+1]):
			if stem := c.pastStem(w); stem != "" {
				s.tags[i], s.seq.Lemmas[i] = "VBD", stem
			}
		case s.tags[i] == "NNS" && !finite && initialName(s, i) && (objectStart(s.tags[i+1]) || s.tags[i+1] == "IN"):
			if l := s.seq.Lemmas[i]; l != "" && l != w && len(c.d.VerbForms(l)) > 0 {
				s.tags[i] = "VBZ"
			}
		case w == "set" && s.word(i+1) == "fire" && !strings.HasPrefix(s.tags[i], "VB") && nounTag(s.tags[i-1]):
			// "youths in the square set fire to …" tagged JJ or NN: the
			// idiom's verb
			s.tags[i], s.seq.Lemmas[i] = "VBD", "set"
		case s.tags[i] == "VBZ" && (s.tags[i-1] == "NN" || s.tags[i-1] == "JJ") && (s.tags[i+1] == "VBD" || s.tags[i+1] == "VBN") && !auxiliaries[s.word(i+1)]:
			// "street battles raged": a plural noun before its verb
			s.tags[i] = "NNS"
		case s.tags[i] == "NN" && !finite && initialName(s, i) && (s.tags[i+1] == "DT" || s.tags[i+1] == "PRP$" || s.tags[i+1] == "IN" && s.word(i+1) != "of"):
			// "Ethiopia act on a resolution": a base-form verb after
			// a name, as plural names or headline style write it
			if len(c.d.VerbForms(w)) > 0 {
				s.tags[i] = "VBP"
			}
		}
		finite = finite || strings.HasPrefix(s.tags[i], "VB") || s.tags[i] == "MD"
	}
}

// initialName reports proper nouns from the sentence start up to token i.
func initialName(s *sentence, i int) bool {
	for j := 0; j < i; j++ {
		if t := s.tags[j]; t != "NNP" && t != "NNPS" {
			return false
		}
	}
	return true
}

func nounTag(t string) bool { return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" }

// objectStart is a tag that opens a noun phrase but cannot continue the
// adjective's own phrase ("wounded soldiers" stays an adjective).
func objectStart(t string) bool { return t == "DT" || t == "CD" || t == "PRP$" || t == "NNP" }

// pastStem undoes a regular past tense ("wounded" → "wound", "seized" →
// "seize", "stopped" → "stop", "freed" → "free") when the result is a verb
// of the dictionary; "" otherwise.
func (c *Coder) pastStem(w string) string {
	b := strings.TrimSuffix(w, "ed")
	cands := []string{b, b + "e", strings.TrimSuffix(w, "d")}
	if n := len(b); n > 2 && b[n-1] == b[n-2] {
		cands = append(cands, b[:n-1])
	}
	if strings.HasSuffix(b, "i") {
		cands = append(cands, strings.TrimSuffix(b, "i")+"y")
	}
	for _, st := range cands {
		if len(c.d.VerbForms(st)) > 0 {
			return st
		}
	}
	return ""
}
