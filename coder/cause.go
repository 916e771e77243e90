package coder

import (
	"fmt"
	"strings"

	"github.com/khaldun/khaldun/typo"
)

// Deaths reported through what caused them. News often names who killed
// not as a subject or a by-phrase but as the one behind the action that
// killed: "two people were killed in police firing", "more people died in
// police firing than in rioting", "fell to police bullets", "deaths due to
// Israeli air strikes", "was shot dead in an encounter with the army",
// "were killed when troops opened fire". The dictionary verb "kill" finds
// no source there, and "die" is no dictionary verb at all, so without this
// rule such sentences code nothing, although the killer is named.
//
// The rule codes a killing (causedDeathCode) whose source is the actor
// behind the cause and whose target is the victims when they are an actor
// ("two protesters", "a soldier"). It needs no number: the count package
// counts the dead, this names who killed them, whether or not the
// sentence says how many.

// causedDeathCode is CAMEO's "kill by physical assault", the code the
// lexicon gives "kill" without a pattern.
const causedDeathCode = "1823"

// deathVerbs report a death without its agent: "he died", "they
// perished", "succumbed to injuries".
var deathVerbs = map[string]bool{"die": true, "perish": true, "succumb": true}

// deathNouns name deaths: "deaths in police firing", "the killing of
// three students by the police".
var deathNouns = map[string]bool{"death": true, "deaths": true, "killing": true, "killings": true}

// causeNouns are actions that kill: what a cause phrase is about. The
// actor before them ("police firing", "Israeli air strikes") or after
// them ("firing by the police", "an encounter with the army") did it.
var causeNouns = map[string]bool{
	"firing": true, "firings": true, "fire": true, "gunfire": true, "bullet": true, "bullets": true,
	"shooting": true, "shootings": true, "shelling": true, "shells": true, "strike": true, "strikes": true,
	"airstrike": true, "airstrikes": true, "raid": true, "raids": true, "attack": true, "attacks": true,
	"action": true, "crackdown": true, "lathicharge": true, "lathi-charge": true, "charge": true,
	"offensive": true, "operation": true, "operations": true, "bombardment": true, "bombing": true,
	"bombings": true, "assault": true, "encounter": true, "encounters": true, "retaliation": true,
	"firefight": true, "gunfight": true, "shootout": true, "crossfire": true, "cross-fire": true,
	"torture": true, "beating": true, "beatings": true, "onslaught": true,
}

// causeModifiers may stand between the actor and the cause noun: "police
// retaliatory firing", "Israeli air strikes", "police lathi charge". Any
// other noun there makes the actor the owner of something else: "killed
// in a police station attack" is no police attack.
var causeModifiers = map[string]bool{
	"air": true, "lathi": true, "tank": true, "mortar": true, "rocket": true, "artillery": true,
	"drone": true, "missile": true, "gun": true, "rubber": true, "tear": true, "cross": true,
	"counter": true, "sniper": true, "helicopter": true, "retaliatory": true, "indiscriminate": true,
	"unprovoked": true, "alleged": true, "heavy": true,
}

// modifierAt reports a word that may stand between an actor and its
// cause noun.
func modifierAt(s *sentence, k int) bool {
	p := s.pos(k)
	return strings.HasPrefix(p, "JJ") || p == "VBN" || causeModifiers[s.word(k)]
}

// meetings are causes that name their other party after "with": "killed
// in an encounter with the police" is the police's doing.
var meetings = map[string]bool{"encounter": true, "encounters": true, "gunfight": true, "shootout": true, "firefight": true}

// fireVerbs open a "when" clause whose subject killed: "were killed when
// troops opened fire", "died after police fired on the crowd".
var fireVerbs = map[string]bool{"fire": true, "shoot": true, "open": true, "bomb": true, "shell": true, "attack": true, "raid": true, "storm": true, "strike": true, "lathicharge": true}

// killManners are the verbs of "VERB to death" that kill: "beaten to
// death", "shot to death", "burned to death"; "sentenced to death" and
// "bored to death" do not.
var killManners = map[string]bool{
	"beat": true, "beaten": true, "club": true, "clubbed": true, "stab": true, "stabbed": true,
	"hack": true, "hacked": true, "burn": true, "burned": true, "burnt": true, "shoot": true, "shot": true,
	"crush": true, "crushed": true, "stone": true, "stoned": true, "torture": true, "tortured": true,
	"lynch": true, "lynched": true, "bludgeon": true, "bludgeoned": true, "trample": true, "trampled": true,
	"kick": true, "kicked": true, "strangle": true, "strangled": true, "choke": true, "choked": true,
	"batter": true, "battered": true, "put": true, "starve": true, "starved": true,
}

// injuries are what "succumbed to" may name before the cause: "succumbed
// to bullet injuries sustained in police firing".
var injuries = map[string]bool{"injuries": true, "injury": true, "wounds": true, "wound": true, "burns": true}

// byActor is the reading of a plain by-phrase.
const byActor = "by an actor"

// codeCausedDeaths codes the deaths of s reported through their cause.
func (c *Coder) codeCausedDeaths(s *sentence, ms []mention) []coded {
	if len(ms) == 0 {
		return nil
	}
	var out []coded
	for i := 0; i < s.seq.Len(); i++ {
		end, ok := deathAt(s, i)
		if !ok || deniedDeath(s, i) {
			continue
		}
		src, why := causeAgent(s, ms, end)
		if src < 0 && deathNouns[s.word(i)] {
			src, why = partyTo(s, ms, i)
		}
		if src < 0 || why == byActor && s.word(i) == "killed" {
			// "killed by the police" is the dictionary verb's own
			// passive with its by-agent, coded there.
			continue
		}
		if c.tracing() {
			c.trace(s, TraceVerb, i, end, fmt.Sprintf("death by cause [%s]: %s", causedDeathCode, why))
		}
		dy := dyad{src: members(ms, src), passive: true}
		v := victimBefore(s, ms, i)
		if deathNouns[s.word(i)] && s.word(i+1) == "of" {
			v = mentionAfterDet(s, ms, i+2) // "the killing of civilians"
		}
		if v >= 0 && ms[v].group != ms[src].group {
			dy.tgt = members(ms, v)
		}
		if len(dy.tgt) == 0 && !c.opts.Monadic {
			if c.tracing() {
				c.trace(s, TraceDrop, i, end, "no target")
			}
			continue
		}
		ev := evidence{start: i, end: end, rule: "coder:caused-death " + why}
		out = append(out, c.emit(s, ms, ev, dy, causedDeathCode, "")...)
		i = end - 1
	}
	return out
}

// deathAt reports a death predicate without its agent at i and returns
// the index after it: the passive or reduced-relative "killed", "shot
// dead", "gunned down", "died", "perished", "succumbed to injuries",
// "fell to", "lost their lives", and the nouns "deaths" and "killings"
// (with their "of" phrase).
func deathAt(s *sentence, i int) (int, bool) {
	w, lem, pos := s.word(i), lemmaAt(s, i), s.pos(i)
	verb := strings.HasPrefix(pos, "VB")
	switch {
	case w == "killed" && (pos == "VBN" || pos == "VBD"):
		return i + 1, true
	case w == "shot" && s.word(i+1) == "dead", (w == "gunned" || w == "mowed" || w == "cut") && s.word(i+1) == "down":
		// not "shot down": aircraft
		return i + 2, true
	case (verb || strings.HasPrefix(pos, "JJ")) && s.word(i+1) == "to" && s.word(i+2) == "death" && (killManners[lem] || killManners[w]):
		// "beaten to death", "shot to death": the manner and the death
		// (not "sentenced to death", a sentence)
		return i + 3, true
	case verb && deathVerbs[lem]:
		end := i + 1
		if w := s.word(end); lem == "succumb" && w == "to" || lem == "die" && w == "of" {
			// "succumbed to (his) bullet injuries (sustained) in ...",
			// "died of injuries suffered in ..."
			for j := end + 1; j < s.seq.Len() && j <= end+4; j++ {
				if injuries[s.word(j)] {
					end = j + 1
					if k := s.pos(end); k == "VBN" || k == "VBD" {
						end++
					}
					break
				}
			}
		}
		return end, true
	case verb && lem == "fall" && s.word(i+1) == "to":
		return i + 1, true
	case verb && lem == "lose" && (s.pos(i+1) == "PRP$" || s.word(i+1) == "the") && (s.word(i+2) == "lives" || s.word(i+2) == "life"):
		return i + 3, true
	case deathNouns[w] && strings.HasPrefix(pos, "NN") && s.word(i-1) != "to":
		// ("to death" belongs to its verb, above)
		end := i + 1
		if s.word(end) == "of" {
			// "the killing of three students by the police": the victims
			// are a short noun phrase.
			j := end + 1
			for j < s.seq.Len() && j <= end+5 && nominal(s, j) && !isCausePrep(s, j) {
				j++
			}
			end = j
		}
		return end, true
	}
	return 0, false
}

// deniedDeath reports a death the sentence denies: "no one was killed",
// "nobody died", "were not killed".
func deniedDeath(s *sentence, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch w := s.word(j); {
		case w == "not" || w == "n't" || w == "never" || w == "nobody" || w == "none" || w == "no":
			return true
		case auxiliaries[w] || s.pos(j) == "RB" || w == "one":
			continue
		}
		return false
	}
	return false
}

// isCausePrep reports a preposition that opens a cause at j.
func isCausePrep(s *sentence, j int) bool {
	switch s.word(j) {
	case "in", "during", "from", "by", "to":
		return true
	case "due", "owing":
		return s.word(j+1) == "to"
	case "because":
		return s.word(j+1) == "of"
	case "at":
		return s.word(j+1) == "the" && s.word(j+2) == "hands" && s.word(j+3) == "of"
	}
	return false
}

// causeAgent finds the actor behind the cause that follows a death
// predicate ending at from: "in police firing", "due to Israeli air
// strikes", "in the firing by the police", "in an encounter with the
// army", "at the hands of the police", "when troops opened fire". It
// returns the mention and a short description of the reading, or -1.
func causeAgent(s *sentence, ms []mention, from int) (int, string) {
	j := from
	for n := 0; n < 2 && strings.HasPrefix(s.pos(j), "RB"); n++ {
		j++
	}
	if w := s.word(j); w == "after" && s.word(j+1) == "being" && s.pos(j+2) == "VBN" && s.word(j+3) == "by" {
		// "died after being shot by the police"
		if m := mentionAfterDet(s, ms, j+4); m >= 0 {
			return m, "after being " + s.word(j+2) + " by an actor"
		}
		return -1, ""
	} else if w == "when" || w == "as" || w == "after" {
		return whenAgent(s, ms, j+1)
	}
	if !isCausePrep(s, j) {
		return -1, ""
	}
	prep := s.word(j)
	switch prep {
	case "due", "owing", "because":
		j += 2
	case "at":
		j += 4
		if m := mentionAfterDet(s, ms, j); m >= 0 {
			return m, "at the hands of an actor"
		}
		return -1, ""
	default:
		j++
	}
	if m := mentionAfterDet(s, ms, j); m >= 0 {
		if prep == "by" {
			return m, byActor
		}
		// "police firing", "Israeli air strikes", "the army's shelling";
		// not "the newspaper attack" or "a Mali attack", whose modifier
		// is what or where was attacked
		if !causer(s, ms[m]) {
			return -1, ""
		}
		k := ms[m].end
		if w := s.word(k); w == "'s" || w == "'" {
			k++
		}
		for n := 0; n < 3 && k < s.seq.Len(); n, k = n+1, k+1 {
			// "police firng": right after the actor, a slip of the
			// keyboard still names the cause
			if causeNouns[s.word(k)] || n == 0 && typo.Near(s.word(k), causeNouns, 5) {
				return m, "the actor's " + s.word(k)
			}
			if !modifierAt(s, k) {
				break
			}
		}
		return -1, ""
	}
	// "the firing by the police", "an encounter with the army"
	k := skipDet(s, j)
	if k == j && s.word(k) == "action" {
		return -1, "" // "killed in action": died in combat, whoever says so
	}
	for n := 0; n < 3 && k < s.seq.Len(); n, k = n+1, k+1 {
		w := s.word(k)
		if causeNouns[w] && !causeNouns[s.word(k+1)] {
			switch next := s.word(k + 1); {
			case next == "by", next == "with" && meetings[w]:
				if m := mentionAfterDet(s, ms, k+2); m >= 0 {
					return m, w + " " + next + " an actor"
				}
			}
			return -1, ""
		}
		if !modifierAt(s, k) {
			break
		}
	}
	return -1, ""
}

// whenAgent reads the subject of a clause of firing at j: "(killed) when
// troops opened fire", "after police fired on the crowd".
func whenAgent(s *sentence, ms []mention, j int) (int, string) {
	m := mentionAfterDet(s, ms, j)
	if m < 0 {
		return -1, ""
	}
	for k := ms[m].end; k < s.seq.Len() && k <= ms[m].end+2; k++ {
		if !s.isVerb(k) {
			continue
		}
		lem := lemmaAt(s, k)
		if lem == "open" && s.word(k+1) != "fire" {
			return -1, ""
		}
		if fireVerbs[lem] {
			return m, "when an actor " + s.word(k)
		}
		if !auxiliaries[s.word(k)] {
			return -1, ""
		}
	}
	return -1, ""
}

// mentionAfterDet is the mention starting at j, after determiners and
// possessives, or -1.
func mentionAfterDet(s *sentence, ms []mention, j int) int {
	return mentionStarting(ms, skipDet(s, j))
}

func skipDet(s *sentence, j int) int {
	for n := 0; n < 2 && (s.pos(j) == "DT" || s.pos(j) == "PRP$"); n++ {
		j++
	}
	return j
}

// victimBefore is the actor the death predicate at i is said of: "two
// protesters were killed", "a soldier who died", or -1.
func victimBefore(s *sentence, ms []mention, i int) int {
	j := i
	for n := 0; n < 4 && j > 0; n++ {
		w := s.word(j - 1)
		if !auxiliaries[w] && w != "who" && w != "that" && w != "got" && !strings.HasPrefix(s.pos(j-1), "RB") {
			break
		}
		j--
	}
	for k := range ms {
		if ms[k].end == j {
			return k
		}
	}
	return -1
}

// partakers are verbs of taking part in what "in" introduces: "the police
// helped in the killings", "soldiers took part in the killing of
// civilians".
var partakers = map[string]bool{
	"help": true, "participate": true, "involve": true, "connive": true, "engage": true,
	"indulge": true, "assist": true, "collude": true, "join": true, "take": true,
}

// partyTo finds who took part in the deaths named by the noun at i: the
// subject of "helped in", "participated in", "took part in", or -1.
func partyTo(s *sentence, ms []mention, i int) (int, string) {
	j := skipBack(s, i-1)
	if s.word(j) != "in" {
		return -1, ""
	}
	v := j - 1
	if s.word(v) == "part" {
		v--
		if lemmaAt(s, v) != "take" {
			return -1, ""
		}
	} else if lemmaAt(s, v) == "take" {
		return -1, ""
	}
	involved := s.word(v) == "involved" // tagged an adjective as often as a verb
	if v < 0 || !involved && (!s.isVerb(v) || !partakers[lemmaAt(s, v)]) {
		return -1, ""
	}
	// The actor is right before the verb group: "troops were involved
	// in", "the police themselves helped in". A farther subject is not
	// trusted: in "those involved in killings" the participle has none.
	e := v
	for n := 0; n < 3 && e > 0 && (auxiliaries[s.word(e-1)] || reflexives[s.word(e-1)] || strings.HasPrefix(s.pos(e-1), "RB")); n++ {
		e--
	}
	for k := range ms {
		if ms[k].end == e {
			return k, "an actor took part"
		}
	}
	return -1, ""
}

var reflexives = map[string]bool{"themselves": true, "himself": true, "herself": true, "itself": true}

// skipBack moves left from j past determiners, possessives and
// adjectives, at most two of them.
func skipBack(s *sentence, j int) int {
	for n := 0; n < 2 && j > 0; n++ {
		if p := s.pos(j); p != "DT" && p != "PRP$" && !strings.HasPrefix(p, "JJ") {
			break
		}
		j--
	}
	return j
}

// lemmaAt is the lemma of token i, "" outside the sentence.
func lemmaAt(s *sentence, i int) string {
	if i < 0 || i >= len(s.seq.Lemmas) {
		return ""
	}
	return s.seq.Lemmas[i]
}

// nominal reports a word that can belong to a short noun phrase.
func nominal(s *sentence, j int) bool {
	switch p := s.pos(j); {
	case p == "DT" || p == "CD" || p == "PRP$" || p == "POS" || p == "PRP":
		return true
	case strings.HasPrefix(p, "NN") || strings.HasPrefix(p, "JJ"):
		return true
	}
	return s.word(j) == "and" || s.word(j) == ","
}

// forceRoles are the roles whose holders fire, strike and raid.
var forceRoles = []string{"COP", "MIL", "REB", "INS", "UAF", "SPY", "SEP"}

// causer reports whether an actor written before a cause noun is the one
// who acted ("police firing", "Israeli strikes", "US raid") rather than
// what or where was hit ("the newspaper attack", "a Mali attack"): an
// armed or police role, or a state named by an adjective or an
// abbreviation, not by a place name.
func causer(s *sentence, m mention) bool {
	for _, c := range m.codes {
		for _, r := range forceRoles {
			if len(c) >= 6 && strings.Contains(c[3:], r) {
				return true
			}
		}
	}
	last := m.end - 1
	if strings.HasPrefix(s.pos(last), "JJ") {
		return true // "Israeli", "Russian"
	}
	t := s.toks[last].Text
	if len(t) <= 4 && strings.ToUpper(t) == t && strings.ToLower(t) != t {
		return true // "US", "U.S.", "UK"
	}
	// a demonym tagged as a proper noun: "American", "Chinese", "British"
	w := s.word(last)
	for _, suf := range []string{"an", "ese", "ish"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}
