package quote

import (
	"sort"
	"strings"
)

// cueWindow bounds how far from a quotation a cue is looked for, in tokens:
// attribution sits next to the quote in news prose, and a longer reach
// mostly finds the verb of another clause.
const cueWindow = 12

var dashes = set("—", "–", "-", "―", "--")

// found is a speaker mention with the cue that introduced it.
type found struct {
	who np
	cue int // token index of the cue, -1 when inherited
}

// tokenAt returns the index of the first token starting at or after pos.
func tokenAt(ts []tok, pos int) int {
	return sort.Search(len(ts), func(i int) bool { return ts[i].Span.Start >= pos })
}

// sentBounds is the token range of the sentence holding token i.
func sentBounds(ts []tok, i int) (int, int) {
	if i < 0 || i >= len(ts) {
		return 0, 0
	}
	a, b := i, i+1
	for a > 0 && ts[a-1].sent == ts[i].sent {
		a--
	}
	for b < len(ts) && ts[b].sent == ts[i].sent {
		b++
	}
	return a, b
}

// after looks behind the closing mark: `”, Lin said`, `” said Lin`,
// `”, Jane Roe, the party's chair, told reporters`. The window may run into
// the next sentence of the paragraph when the quotation ended it
// (`… done.” Roe said on Monday.`).
func after(ts []tok, end int) found {
	j := end
	for j < len(ts) && ts[j].quote {
		j++
	}
	dash := false
	for j < len(ts) && (ts[j].Text == "," || dashes[ts[j].Text]) {
		dash = dash || dashes[ts[j].Text]
		j++
	}
	if j >= len(ts) || (end > 0 && ts[j].para != ts[end-1].para) {
		return found{cue: -1}
	}
	if dash {
		// A signed statement: `“…” — Jane Roe`, the name closing its
		// paragraph or sentence, or followed at once by the next signed
		// quotation (reader comments run on one line each).
		k := j
		for k < len(ts) && k-j < 6 && proper(ts[k]) && ts[k].para == ts[j].para && ts[k].sent == ts[j].sent {
			k++
		}
		if k > j && (k == len(ts) || ts[k].para != ts[j].para || ts[k].sent != ts[j].sent ||
			ts[k].Text == "." || ts[k].quote && ts[k].isMark()) {
			return found{np{j, k}, -1}
		}
	}
	if end > 0 && ts[j].sent != ts[end-1].sent && !standsAlone(ts, end-1) {
		// `South Korea accused him of “recklessness.” Park said …`: the
		// next sentence's speaker is not this quotation's when its own
		// sentence has words before it — those carry its attribution.
		return found{cue: -1}
	}
	_, ceil := sentBounds(ts, j)
	ceil = min(ceil, j+cueWindow+8)
	if ts[j].isCue() {
		if p := rightNP(ts, j+1, ceil); p.ok() {
			return found{p, j}
		}
		return found{cue: -1}
	}
	for k := j + 1; k < ceil && !ts[k].quote; k++ {
		if ts[k].isCue() {
			if p := leftNP(ts, k, j); p.ok() && p.from == j {
				return found{p, k}
			}
			break
		}
	}
	return found{cue: -1}
}

// before looks ahead of the opening mark: `Roe said: “…”`, `Roe told
// reporters “…”`, `according to Roe, “…”`, `Roe called the plan “a farce”`.
func before(ts []tok, start int) found {
	floor, _ := sentBounds(ts, start)
	for start > floor && ts[start-1].quote && ts[start-1].isMark() {
		start--
	}
	for k := start - 1; k >= floor && start-k <= cueWindow; k-- {
		if ts[k].quote {
			break
		}
		if according(ts, k) {
			if p := rightNP(ts, k+2, start); p.ok() {
				return found{p, k}
			}
		}
		if ts[k].isCue() {
			if ts[k].POS == "VBG" {
				// "Roe attacked the plan, saying “…”": a participle has
				// the main clause's subject.
				if p := subject(ts, floor, k); p.ok() {
					return found{p, k}
				}
				return found{cue: -1}
			}
			if p := leftNP(ts, k, floor); p.ok() && subjectLike(ts, p, floor) {
				return found{p, k}
			}
			// "Said Roe: “…”" — the inverted cue opening a sentence.
			if k == floor {
				if p := rightNP(ts, k+1, start); p.ok() && proper(ts[p.to-1]) {
					return found{p, k}
				}
			}
			return found{cue: -1}
		}
	}
	return found{cue: -1}
}

// subjectLike rejects a phrase that is the object of a preposition or a
// verb ("through the streets chanted", "answering questions about"): the
// left neighbour of a clause's subject is its start, a comma or a
// conjunction.
func subjectLike(ts []tok, p np, floor int) bool {
	if p.from <= floor {
		return true
	}
	prev := ts[p.from-1]
	switch prev.word {
	case "that", "which", "who", "what", "whom":
		// A relative clause has a subject of its own: "an explosion
		// that Mayor Roe described as “…”".
		return true
	}
	return !(prev.POS == "IN" || prev.POS == "TO" || strings.HasPrefix(prev.POS, "VB"))
}

// subject is the subject of the sentence starting at token floor, taken
// before its first finite verb ahead of token limit: "Trump attacked …",
// "In a speech, Trump attacked …". It gives the speaker of a quotation
// whose verb is not a speech verb ("Tribe likened the rules to “…”") and of
// a participle cue. Only a name, a pronoun or a noun phrase opening the
// clause counts, so a verb deep in a subordinate clause is not taken.
func subject(ts []tok, floor, limit int) np {
	for k := floor; k < limit; k++ {
		if ts[k].quote {
			return np{}
		}
		switch ts[k].POS {
		case "VBD", "VBZ", "VBP", "MD":
		default:
			continue
		}
		p := leftNP(ts, k, floor)
		if !p.ok() {
			return np{}
		}
		if p.from == floor {
			return p
		}
		// An opening phrase without a verb before the subject.
		if ts[p.from-1].Text != "," {
			return np{}
		}
		for q := floor; q < p.from-1; q++ {
			if strings.HasPrefix(ts[q].POS, "VB") || ts[q].POS == "MD" {
				return np{}
			}
		}
		return p
	}
	return np{}
}

// colonName finds the speaker of a quotation introduced by a name and a
// colon opening the paragraph: headlines ("Lena Frost: ‘We Will Not
// Resign’") and transcripts ("ROE: “…”"). start is the first content token.
func colonName(ts []tok, start int) found {
	k := start - 1
	for k >= 0 && ts[k].quote && ts[k].isMark() && ts[k].para == ts[start].para {
		k--
	}
	if k < 1 || ts[k].Text != ":" || ts[k].para != ts[start].para {
		return found{cue: -1}
	}
	i := k
	for i > 0 && k-i < 6 && proper(ts[i-1]) && !ts[i-1].quote && ts[i-1].para == ts[k].para {
		i--
	}
	if i == k || i > 0 && ts[i-1].para == ts[k].para {
		return found{cue: -1}
	}
	return found{np{i, k}, -1}
}

// standsAlone reports whether the quotation holding token i opens its
// sentence, so that its attribution may follow in the next one.
func standsAlone(ts []tok, i int) bool {
	a, _ := sentBounds(ts, i)
	for a < i && ts[a].quote && ts[a].isMark() {
		a++
	}
	return ts[a].quote
}

// around takes any cue of the sentences holding the quotation, nearest
// first: partial quotations sit inside a clause whose attribution may come
// anywhere ("… engaged in “candid talks”, according to Lin").
func around(ts []tok, start, end int) found {
	a, _ := sentBounds(ts, start)
	_, b := sentBounds(ts, max(end-1, start))
	best, bestDist := found{cue: -1}, len(ts)
	for k := a; k < b; k++ {
		if ts[k].quote {
			continue
		}
		var p np
		switch {
		case according(ts, k):
			p = rightNP(ts, k+2, b)
		case ts[k].isCue() && ts[k].POS == "VBG":
			// A participle ("…, arguing that") has the main clause's
			// subject, which leftNP would not find.
			p = subject(ts, a, k)
		case ts[k].isCue():
			if p = leftNP(ts, k, a); !subjectLike(ts, p, a) {
				p = np{}
			}
		default:
			continue
		}
		d := min(abs(k-start), abs(k-end))
		if p.ok() && d < bestDist {
			best, bestDist = found{p, k}, d
		}
	}
	return best
}

// introduced finds the speaker of a paragraph that is nothing but a
// quotation from the paragraph before it, when that one ends on a cue and a
// colon ("Roe said:") — the convention for long statements.
func introduced(ts []tok, start int) found {
	if start == 0 || ts[start].para == ts[start-1].para {
		return found{cue: -1}
	}
	last := start - 1
	if ts[last].Text != ":" {
		return found{cue: -1}
	}
	floor, _ := sentBounds(ts, last)
	for k := last - 1; k >= floor && last-k <= cueWindow; k-- {
		if ts[k].isCue() {
			if p := leftNP(ts, k, floor); p.ok() {
				return found{p, k}
			}
		}
	}
	return found{cue: -1}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
