package quote

import "sort"

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
		// A signed statement: `“…” — Jane Roe` closing its paragraph.
		k := j
		for k < len(ts) && proper(ts[k]) && ts[k].para == ts[j].para {
			k++
		}
		if k > j && (k == len(ts) || ts[k].para != ts[j].para) {
			return found{np{j, k}, -1}
		}
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
			if p := leftNP(ts, k, floor); p.ok() {
				return found{p, k}
			}
			return found{cue: -1}
		}
	}
	return found{cue: -1}
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
		case ts[k].isCue() && ts[k].POS != "VBG":
			// A participle ("…, arguing that") has the main clause's
			// subject, which leftNP would not find.
			p = leftNP(ts, k, a)
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
