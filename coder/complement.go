package coder

import "strings"

// CAMEO codes what an actor says it will do, asks or demands others to do,
// threatens or refuses to do as that speech act, not as the act itself:
// "Nepal agreed to lift the ban" is 0351 (intent to ease administrative
// sanctions), never also 081 (eased them). A verb of one of these families
// therefore governs the infinitive after it: the complement is not coded
// on its own, and it refines the governor's generic code through the
// tables below ("threatened to shell" → 1384).

// family is the CAMEO family of a governing verb, by its code, or "" when
// the verb governs nothing. 011 ("refused to comment") governs too: what
// one declines to say did not happen.
func family(code string) string {
	if code == "011" {
		return "01"
	}
	switch r := rootOf(code); r {
	case "02", "03", "10", "12", "13":
		return r
	}
	return ""
}

func rootOf(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// generic reports the family's unrefined code, the only one a complement
// may replace: a pattern that already names the act ("agree to lift ...
// sanctions" → 0354) knows better than the table.
func generic(code string) bool {
	switch code {
	case "020", "030", "100", "120", "130":
		return true
	}
	return false
}

// cooperative suffixes shared by appeals (02), intents (03) and demands
// (10): the complement's code → the digits after the family root. The
// families differ on mediation only (intent to mediate is 039, appeal and
// demand for mediation 028 and 108).
var cooperative = map[string]string{
	"04": "6", "05": "2", "06": "1", "07": "3", "08": "5",
	"060": "1", "061": "11", "062": "12", "063": "13", "064": "14",
	"070": "3", "071": "31", "072": "32", "073": "33", "074": "34",
	"080": "5", "081": "51", "082": "52", "083": "4", "0831": "41", "0832": "42", "0833": "43", "0834": "44",
	"084": "53", "0841": "53", "0842": "53", "085": "54", "086": "55", "0861": "55", "0862": "55", "0863": "55",
	"087": "56", "0871": "56", "0872": "56", "0873": "56", "0874": "56",
}

// refusal maps a complement to the 12x code of refusing it.
var refusal = map[string]string{
	"04": "125", "045": "126", "046": "125", "05": "120", "057": "127", "06": "121",
	"061": "1211", "062": "1212", "063": "1213", "064": "1214", "07": "120",
	"08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234",
	"084": "1243", "0841": "1243", "0842": "1243", "085": "1244", "086": "1245", "0861": "1245", "0862": "1245", "0863": "1245",
	"087": "1246", "0871": "1246", "0872": "1246", "0873": "1246", "0874": "1246",
}

// threat maps a complement to the 13x code of threatening it.
var threat = map[string]string{
	"14": "133", "16": "130", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
	"163": "1312", "164": "134", "165": "135", "166": "136",
	"17": "137", "170": "130", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"18": "1383", "19": "138", "190": "138", "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384", "196": "1384",
	"20": "1385",
}

// lookup finds the longest prefix of code in m: a full code, else its
// 3-digit base, else its root.
func lookup(m map[string]string, code string) (string, bool) {
	for n := len(code); n >= 2; n-- {
		if v, ok := m[code[:n]]; ok {
			return v, true
		}
	}
	return "", false
}

// refine is the code a governor of family fam gets for complement code
// comp, or "" when the tables have none.
func refine(fam, comp string) string {
	switch fam {
	case "02", "03", "10":
		if comp == "045" || comp == "039" {
			return map[string]string{"02": "028", "03": "039", "10": "108"}[fam]
		}
		if rootOf(comp) == "03" && fam == "03" {
			return comp
		}
		if v, ok := lookup(cooperative, comp); ok {
			return fam + v
		}
	case "12":
		if v, ok := lookup(refusal, comp); ok {
			return v
		}
	case "13":
		if v, ok := lookup(threat, comp); ok {
			return v
		}
	}
	return ""
}

// intentCues are words that are not dictionary verbs but make the
// infinitive after them an intent: "is willing to withdraw" (0356).
var intentCues = map[string]bool{
	"willing": true, "ready": true, "prepared": true, "determined": true, "eager": true,
	"plan": true, "intend": true, "aim": true,
}

// complementAt returns the head of the infinitive a verb ending at token
// from governs ("agreed to lift", "called on Israel to withdraw"), or -1.
// The infinitive must come before any clause break or finite verb.
func complementAt(s *sentence, from int) int {
	for i := from; i < s.seq.Len() && i < from+8; i++ {
		if s.word(i) == "to" {
			j := i + 1
			for s.pos(j) == "RB" {
				j++
			}
			if s.pos(j) == "VB" {
				return j
			}
			continue
		}
		if s.clauseBreak(i) || s.word(i) == "," || finite(s.pos(i)) {
			return -1
		}
	}
	return -1
}

func finite(pos string) bool { return pos == "VBD" || pos == "VBZ" || pos == "VBP" || pos == "MD" }

// cuedIntent reports an infinitive at token v governed by an intent cue
// ("willing to", "plans to").
func cuedIntent(s *sentence, v int) bool {
	i := v - 1
	for s.pos(i) == "RB" {
		i--
	}
	if s.word(i) != "to" {
		return false
	}
	w := s.seq.Lemmas[max(i-1, 0)]
	if w == "" {
		w = s.word(i - 1)
	}
	// "is prepared to": the lemmatiser reads the adjective as the verb
	// "prepare", which alone ("prepared to renew the bombing") is
	// mobilisation, not a cue; after "be" the word itself is the cue
	return i > 0 && (intentCues[strings.ToLower(w)] || beAdjective(s, i-1) && intentCues[s.word(i-1)])
}

// preparedTo reports a verb that is what its subject prepares to do:
// "prepared to attack", "are getting ready to resume raids" (an aspectual
// verb between). The readiness of "is prepared to" is an intent cue
// instead (cuedIntent).
func preparedTo(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" {
		i--
	}
	if aspectual[lemmaAt(s, i)] && s.pos(i) == "VB" {
		for i--; i >= 0 && s.pos(i) == "RB"; i-- {
		}
	}
	if i < 1 || s.word(i) != "to" {
		return false
	}
	j := i - 1
	for j >= 0 && s.pos(j) == "RB" {
		j--
	}
	if j < 0 || lemmaAt(s, j) != "prepare" || !s.isVerb(j) {
		return false
	}
	return !(s.pos(j) == "VBN" && beAdjective(s, j))
}

// aspectual verbs take the act they begin or resume as their complement.
var aspectual = map[string]bool{"resume": true, "continue": true, "begin": true, "start": true, "renew": true}

// beAdjective reports a participle used as an adjective after a form of
// "be" (adverbs between): "is prepared", "were determined".
func beAdjective(s *sentence, i int) bool {
	j := i - 1
	for j >= 0 && s.pos(j) == "RB" {
		j--
	}
	switch s.word(j) {
	case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re":
		return true
	}
	return false
}

// modalRefusal reports "will not", "would not", "won't", "cannot" right
// before verb h: a refusal, unlike "did not", which only reports that
// nothing happened.
func modalRefusal(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" && !negation[s.word(i)] {
		i--
	}
	if !negation[s.word(i)] {
		return false
	}
	switch s.word(i - 1) {
	case "will", "would", "wo", "can", "ca", "shall":
		return true
	}
	return false
}

// futureAt reports "will/would VERB": a promise, coded as intent when the
// act is cooperative ("Portugal will support Turkey" is 032).
func futureAt(s *sentence, h verbHit) bool {
	i := h.start - 1
	for i >= 0 && s.pos(i) == "RB" && !negation[s.word(i)] {
		i--
	}
	switch s.word(i) {
	case "will", "'ll":
		return true
	case "would", "'d":
		// "said they would blockade Paris" is the future of reported
		// speech; a bare "would" is a conditional ("would have won")
		return reportedBefore(s, i)
	}
	return false
}

// reportVerbs introduce reported speech whose "would" is a future.
var reportVerbs = map[string]bool{
	"say": true, "announce": true, "declare": true, "state": true, "tell": true,
	"confirm": true, "warn": true, "indicate": true, "insist": true, "vow": true,
}

// reportedBefore reports a reporting verb among the eight tokens before
// token i, with no clause break between.
func reportedBefore(s *sentence, i int) bool {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if s.word(j) == ";" || s.word(j) == "." {
			return false
		}
		if s.isVerb(j) && reportVerbs[s.seq.Lemmas[j]] {
			return true
		}
	}
	return false
}

// demandAfter finds the clause of a statement that obliges other actors:
// "said (that) Quorvia must free the hostages", "declared that the
// governor and his party must step down". It returns the obliged
// mentions and the verb after "must", or nil, -1. An actor obliging
// itself ("said it must act") makes no demand.
func demandAfter(s *sentence, ms []mention, from, src int) ([]int, int) {
	i := skipWhen(s, from)
	for s.pos(i) == "RB" || s.word(i) == "that" || s.pos(i) == "DT" {
		i++
	}
	t := mentionStarting(ms, i)
	if t < 0 || ms[t].group == ms[src].group {
		return nil, -1
	}
	tgt := members(ms, t)
	j := ms[tgt[len(tgt)-1]].end
	if w := s.word(j); w == "in" || w == "of" {
		// "the militias in the north must": the place belongs to the noun
		if k := mentionStarting(ms, j+1+modifiers(s, j+1, 2)); k >= 0 {
			j = ms[k].end
		}
	}
	for s.word(j) == "and" || s.word(j) == "," {
		// "Lorn and his Unity Party must": a conjunct the grouping did
		// not join (a possessive between)
		k := j + 1
		for s.pos(k) == "DT" || s.pos(k) == "PRP$" {
			k++
		}
		m := mentionStarting(ms, k)
		if m < 0 || ms[m].group == ms[src].group {
			break
		}
		g := members(ms, m)
		tgt = append(tgt, g...)
		j = ms[g[len(g)-1]].end
		for noun(s.pos(j)) {
			j++ // "its Quorvian allies": the name qualifies a noun
		}
	}
	for s.pos(j) == "RB" {
		j++
	}
	if s.word(j) != "must" {
		return nil, -1
	}
	// the word after a modal is a base-form verb, whatever the tagger
	// made of it ("must hand over" tagged NN)
	v := nextContent(s, j+1)
	if !s.isVerb(v) && !noun(s.pos(v)) {
		return nil, -1
	}
	return tgt, v
}

// demandCode is the demand for the act of verb v: "must withdraw" is a
// demand to withdraw (1056), an act with no demand code a plain 100.
func (c *Coder) demandCode(s *sentence, ms []mention, v int) string {
	if h, ok := c.verbAt(s, v); ok {
		if r := refine("10", c.codeOf(s, ms, h)); r != "" {
			return r
		}
	}
	return "100"
}
