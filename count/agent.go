package count

import (
	"strings"

	"github.com/khaldun/khaldun/typo"
)

// Who did it. A count says how many were killed; whether the police killed
// them is a different question, and the one many users ask ("deaths in
// police firing"). The sentence answers it in a few fixed ways, tried in
// order for each count:
//
//	shot dead by police                   passive by-phrase after the count
//	killed in police firing / an encounter  the action that killed them
//	police fired, killing two             subject before a leading trigger
//	police opened fire … two were killed  a state force firing in the sentence
//
// The last two only for deaths and injuries, and not when the manner is one
// the police do not use (stabbed, lynched, a bomb).

// forces are the heads of agent phrases, with the CAMEO role of a state
// force ("" for anyone else).
var forces = map[string]string{
	"police": "COP", "policeman": "COP", "policemen": "COP", "policewoman": "COP", "cop": "COP",
	"cops": "COP", "constable": "COP", "constables": "COP", "constabulary": "COP", "crpf": "COP",
	"srp": "COP", "rpf": "COP", "pac": "COP", "stf": "COP", "ats": "COP", "sog": "COP", "khakis": "COP",
	"army": "MIL", "troops": "MIL", "soldiers": "MIL", "military": "MIL", "jawans": "MIL", "bsf": "MIL",
	"paramilitary": "MIL", "itbp": "MIL", "ssb": "MIL", "cisf": "MIL", "rifles": "MIL",
	"mob": "", "mobs": "", "rioters": "", "militants": "", "terrorists": "", "naxalites": "",
	"naxals": "", "maoists": "", "ultras": "", "gunmen": "", "miscreants": "", "attackers": "",
	"assailants": "", "extremists": "", "goons": "", "robbers": "", "dacoits": "", "criminals": "",
	"crowd": "", "villagers": "", "insurgents": "", "rebels": "", "gang": "", "mobsters": "",
	"crowds": "", "protesters": "", "protestors": "", "demonstrators": "", "agitators": "",
}

// securityHeads follow "security" to name a state force: "security forces".
var securityHeads = set("forces", "force", "personnel", "men", "agencies")

// fireWords are what a state force does when it kills in these reports.
var fireWords = set("fired", "fire", "firing", "firings", "shot", "shoot", "shooting", "opened",
	"open", "opening", "gunned", "killed", "kill", "killing", "lathicharged", "lathi-charged")

// clashes name a fight that a state force took part in ("police
// clashed with", "a police-VHP clash" is read through its force word).
var clashes = set("clash", "clashed", "clashes", "clashing")

// crowds are what a state force fires on.
var crowds = set("mob", "mobs", "rioters", "crowd", "crowds", "protesters", "protestors", "demonstrators", "agitators")

var passive = set("was", "were", "is", "are", "been", "being", "be", ",")

// actions kill without naming who: "killed in police firing", "in an
// encounter". Only an encounter is by itself the police's (in Indian
// English, a killing by the police, staged or not).
var actions = set("firing", "fire", "encounter", "encounters", "crossfire", "cross-fire", "shootout",
	"action", "retaliation", "lathicharge", "lathi-charge", "operation", "bullets", "bullet", "shooting", "clash", "clashes")

// foreignManner marks killings that are not a state force's own.
var foreignManner = set("stabbed", "hacked", "burnt", "burned", "charred", "lynched", "beaten",
	"drowned", "bomb", "blast", "explosion", "strangled", "poisoned", "electrocuted", "accident",
	"suicide", "stampede", "collapsed", "crushed")

// agentPhrase is an agent found in a sentence: tokens [lo, hi] and role.
type agentPhrase struct {
	lo, hi int
	role   string
}

// forceAt reads an agent phrase whose head is at or shortly after k: "the
// police", "Bihar police", "armed militants", "security forces".
func (sc *scan) forceAt(k int) (agentPhrase, bool) {
	if k < 0 {
		return agentPhrase{}, false
	}
	lo := k
	for j := k; j < len(sc.w) && j <= k+3; j++ {
		w := plain(sc.w[j])
		if a, _, ok := strings.Cut(w, "-"); ok && forces[a] != "" {
			w = a // "a police-VHP clash"
		}
		if w == "security" && securityHeads[sc.at(j+1)] {
			return agentPhrase{lo: sc.skipDet(lo, j), hi: j + 1, role: "COP"}, true
		}
		if role, ok := forces[w]; ok {
			if w == "rifles" && sc.at(j-1) != "assam" {
				return agentPhrase{}, false
			}
			return agentPhrase{lo: sc.skipDet(lo, j), hi: j, role: role}, true
		}
		pos := sc.toks[j].POS
		if !(pos == "DT" || strings.HasPrefix(pos, "JJ") || strings.HasPrefix(pos, "NN") || pos == "VBN" || pos == "CD") {
			return agentPhrase{}, false
		}
	}
	return agentPhrase{}, false
}

// skipDet moves lo past determiners, so that the agent reads "police", not
// "the police".
func (sc *scan) skipDet(lo, head int) int {
	for lo < head && sc.toks[lo].POS == "DT" {
		lo++
	}
	return lo
}

// agent finds who did the count at tokens [from, to] of the sentence.
func (sc *scan) agent(typ string, from, to int) (agentPhrase, bool) {
	// The subject of a leading trigger: "police fired, killing two".
	if _, lead := before[sc.w[from]]; lead || before2[[2]string{sc.w[from], sc.at(from + 1)}] != "" {
		// An active verb before the count: its subject did it.
		for j := from - 1; j >= 0 && j >= from-24; j-- {
			if w := sc.w[j]; w == "." || w == ";" {
				break
			} else if w == "who" || w == "which" || w == "that" {
				// "gunmen who shot dead five policemen": the antecedent.
				if a, ok := sc.forceAt(j - 1); ok && a.hi == j-1 {
					return a, true
				}
				break
			}
			if a, ok := sc.forceAt(j); ok && a.hi < from && a.lo == j && sc.subject(a) {
				return a, true
			}
		}
	}
	end := min(len(sc.w), to+9)
	// A by-phrase or the action that killed, after the count.
	for j := to + 1; j < end; j++ {
		switch w := sc.w[j]; {
		case w == "." || w == ";":
			end = j
		case verbal(sc.toks[j].POS) && !passive[w]:
			// "bodies that were recovered by the police": the by-phrase
			// belongs to another verb.
			end = j
		case w == "by":
			if a, ok := sc.forceAt(j + 1); ok {
				return a, true
			}
		case w == "in" || w == "during" || w == "to" || w == "from":
			// "in police firing", "due to police firing", "fell to
			// police bullets", "died from the firing by police".
			if a, ok := sc.actionAt(j + 1); ok {
				return a, true
			}
		}
	}
	if typ != "KILL" && typ != "WOUND" || sc.foreign(from, end) {
		return agentPhrase{}, false
	}
	// A state force firing or clashing, firing on a mob, or an encounter,
	// anywhere in the sentence.
	for j := range sc.w {
		switch w := sc.w[j]; {
		case w == "encounter" || w == "encounters":
			return agentPhrase{lo: j, hi: j, role: "COP"}, true
		case fireWords[w] || clashes[w]:
			// "firing by the police", "clashed with the police".
			if n := sc.at(j + 1); n == "by" || n == "with" {
				if a, ok := sc.forceAt(j + 2); ok && a.role != "" {
					return a, true
				}
			}
			// "ordered firing at mobs", "opening fire on rioters": only a
			// state force fires on a crowd in these reports.
			k := j + 1
			if w == "opened" || w == "opening" || w == "open" {
				if sc.at(k) != "fire" {
					break
				}
				k++
			}
			if n := sc.at(k); n == "on" || n == "at" {
				if a, ok := sc.forceAt(k + 1); ok && crowds[sc.w[a.hi]] {
					return agentPhrase{lo: j, hi: a.hi, role: "COP"}, true
				}
			}
		}
		a, ok := sc.forceAt(j)
		if !ok || a.lo != j || a.role == "" || a.hi >= from && a.lo <= to {
			continue // no force, or the force is the one counted
		}
		for k := a.hi + 1; k < len(sc.w) && k <= a.hi+3; k++ {
			if passive[sc.w[k]] {
				break // "policemen were fired upon"
			}
			if fireWords[sc.w[k]] || clashes[sc.w[k]] {
				return a, true
			}
		}
	}
	return agentPhrase{}, false
}

// actionAt reads "police firing", "an encounter", "the firing by police"
// at k (after "in" or "during").
func (sc *scan) actionAt(k int) (agentPhrase, bool) {
	j := k
	for j < len(sc.w) && j < k+2 && sc.toks[j].POS == "DT" {
		j++
	}
	if a, ok := sc.forceAt(j); ok {
		switch next := plain(sc.at(a.hi + 1)); {
		case actions[next] || a.role != "" && (next == "custody" || nearAction(next)):
			a.hi++ // "police firing", "police custody", "police firng"
			return a, true
		case a.role != "" && (next == "" || next == "." || next == ";" || next == ","):
			return a, true // a line cut after "killed in police"
		}
	}
	if !actions[plain(sc.at(j))] {
		return agentPhrase{}, false
	}
	if n := sc.at(j + 1); n == "by" || n == "with" {
		if a, ok := sc.forceAt(j + 2); ok {
			return a, true
		}
	}
	if w := sc.at(j); w == "encounter" || w == "encounters" {
		return agentPhrase{lo: j, hi: j, role: "COP"}, true
	}
	return agentPhrase{}, false
}

// nearAction reports a word one typing slip away from an action word of
// five letters or more ("firng", "encouter"): after "in police" nothing
// else is meant.
func nearAction(w string) bool { return typo.Near(w, actions, 5) }

// armed are counted objects whose deaths, when the sentence names no one
// who caused them, are a state force's: "two militants were shot dead",
// "one terrorist killed on the spot". Armed men are not killed by
// bystanders in these reports; when they die by their own bomb or at each
// other's hands the sentence says so (feud, foreignManner).
var armed = set("militant", "militants", "terrorist", "terrorists", "insurgent", "insurgents",
	"ultra", "ultras", "naxalite", "naxalites", "naxal", "naxals", "maoist", "maoists",
	"extremist", "extremists", "gunman", "gunmen", "infiltrator", "infiltrators", "jihadist",
	"jihadists", "guerrilla", "guerrillas", "rebel", "rebels")

// feud marks armed men killed by their own side or their own weapon.
var feud = set("rival", "rivals", "infighting", "factional", "internecine", "feud", "exploded",
	"premature", "prematurely", "accidentally", "themselves", "himself", "comrades")

// implied gives the state force a KILL count of armed men implies when the
// sentence names no agent: the role of a force the sentence mentions
// (police at the scene), else MIL for the security forces. The phrase is
// empty: nothing in the text says it.
func (sc *scan) implied(typ, object string) (agentPhrase, bool) {
	words := strings.Fields(strings.ToLower(object))
	if typ != "KILL" || len(words) == 0 || !armed[words[len(words)-1]] || sc.foreign(0, len(sc.w)) {
		return agentPhrase{}, false
	}
	role, named := "MIL", false
	for _, w := range sc.w {
		if feud[w] {
			return agentPhrase{}, false
		}
		if r := forces[w]; r != "" && !named {
			role, named = r, true
		}
	}
	return agentPhrase{lo: -1, role: role}, true
}

// subject reports whether an agent phrase can be the subject of what
// follows it: it is followed by a verb ("the police had shot dead"), or it
// is not the object of a verb or preposition ("fired at the mob").
func (sc *scan) subject(a agentPhrase) bool {
	for k := a.hi + 1; k < len(sc.w) && k <= a.hi+2; k++ {
		if pos := sc.toks[k].POS; verbal(pos) || pos == "MD" {
			return true
		} else if !strings.HasPrefix(pos, "RB") {
			break
		}
	}
	k := a.lo - 1
	for k >= 0 && (sc.toks[k].POS == "DT" || strings.HasPrefix(sc.toks[k].POS, "JJ") || sc.toks[k].POS == "CD") {
		k--
	}
	if k < 0 {
		return true
	}
	pos := sc.toks[k].POS
	return !(pos == "IN" || pos == "TO" || verbal(pos))
}

func verbal(pos string) bool { return strings.HasPrefix(pos, "VB") }

// foreign reports a manner of killing that is not a state force's within
// tokens [from, end).
func (sc *scan) foreign(from, end int) bool {
	for j := from; j < end; j++ {
		if foreignManner[sc.w[j]] {
			return true
		}
	}
	return false
}

// plain drops non-ASCII bytes glued to the end of a word, as scraped pages
// leave them ("clash\u00c2" from a mis-decoded no-break space).
func plain(w string) string {
	for len(w) > 0 && w[len(w)-1] >= 0x80 {
		w = w[:len(w)-1]
	}
	return w
}
