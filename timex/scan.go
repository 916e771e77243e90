package timex

import (
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// word is a token as the recogniser sees it.
type word struct {
	text, lo, pos, lemma string
	span                 khaldun.Span
}

// scanner finds expressions in one sentence: a hand-written recogniser that
// reads an optional determiner and modifiers, then one core (a date, a
// weekday, an amount of units, ...), then what may follow the core.
type scanner struct{ w []word }

func (s *scanner) lo(i int) string {
	if i < 0 || i >= len(s.w) {
		return ""
	}
	return s.w[i].lo
}

// all returns the expressions of the sentence, left to right, not
// overlapping: at each token the longest reading wins.
func (s *scanner) all() []expr {
	var out []expr
	for i := 0; i < len(s.w); {
		if !mayStart(s.w[i].lo) {
			i++
			continue
		}
		if e, ok := s.at(i); ok && e.end > i {
			out = append(out, e)
			i = e.end
			continue
		}
		i++
	}
	return out
}

// prefix is what precedes a core: "the", "early", "last", "about", ...
type prefix struct {
	the, fiscal bool
	that        bool // "that day": counts from the date last mentioned
	latest      bool // "the latest quarter": a date, not "the last quarter" as a span
	anaphoric   bool // "the following year", "the previous Friday": from the date last mentioned
	rel         int
	hasRel      bool
	mod         string
}

// at reads one expression starting at token i.
func (s *scanner) at(i int) (expr, bool) {
	var p prefix
	j := i
loop:
	for j < len(s.w) {
		w, next := s.lo(j), s.lo(j+1)
		switch {
		case w == "the" && (j == i || s.lo(j-1) == "of"):
			p.the = true
		case w == "that" && j == i:
			p.that = true
		case w == "right" && j == i && next == "now":
		case (w == "more" || w == "less" || w == "fewer") && next == "than" && p.mod == "":
			p.mod = map[string]string{"more": "MORE_THAN"}[w]
			if p.mod == "" {
				p.mod = "LESS_THAN"
			}
			j++
		case w == "at" && (next == "least" || next == "most") && p.mod == "":
			p.mod = map[string]string{"least": "EQUAL_OR_MORE", "most": "EQUAL_OR_LESS"}[next]
			j++
		case approxWords[w] != "" && p.mod == "" && s.amountAt(j+1):
			p.mod = approxWords[w]
		case edgeWords[w] != "" && p.mod == "" && (w != "earlier" && w != "later" || relWords[next] != 0 || next == "this" || next == "that"):
			p.mod = edgeWords[w]
		case p.the && (w == "end" || w == "beginning" || w == "start" || w == "middle") && next == "of" && p.mod == "":
			p.mod = map[string]string{"end": "END", "middle": "MID"}[w]
			if p.mod == "" {
				p.mod = "START"
			}
			j++
		case (w == "latest" || w == "most") && !p.hasRel:
			if w == "most" {
				if next != "recent" {
					break loop
				}
				j++
			}
			p.rel, p.hasRel, p.latest = -1, true, true
		case relWords[w] != 0 || w == "this" || (w == "current" && s.unitAt(j+1) != noUnit):
			if p.hasRel && !(w == "past" && s.lo(j-1) == "this") {
				break loop
			}
			p.rel, p.hasRel = relWords[w], true
			p.anaphoric = p.the && (w == "following" || w == "previous" || w == "preceding")
		case w == "fiscal":
			p.fiscal = true
		default:
			break loop
		}
		j++
	}
	e, ok := s.core(j, p)
	if !ok {
		e, ok = s.bare(i, j, p)
		if !ok {
			return expr{}, false
		}
	}
	e.start = i
	if e.noDet && p.the && j == i+1 {
		e.start = j
	}
	e = s.after(e)
	if e.mod == "" {
		e.mod = p.mod
	}
	if p.hasRel && !e.hasRel {
		e.rel, e.hasRel = p.rel, true
	}
	if e.typ == "" {
		e.typ = Date
	}
	return e, true
}

// after extends an expression with what may follow its core: "or so", a
// day after a clock time ("noon Thursday"), a quarter after a year ("the
// 1988 third quarter", "next year's first quarter").
func (s *scanner) after(e expr) expr {
	k := e.end
	if s.lo(k) == "or" && s.lo(k+1) == "so" {
		e.end, e.mod = k+2, "APPROX"
		return e
	}
	if e.k == kClock {
		if d, ok := s.weekday(k, prefix{}); ok && d.k == kWeekday {
			d.clock, d.typ, d.start = e.clock, Time, e.start
			return d
		}
		if d, ok := s.deictic(k, prefix{}); ok && d.k == kDayRel {
			d.clock, d.typ, d.start = e.clock, Time, e.start
			return d
		}
		return e
	}
	yearLike := e.k == kCal && e.y > 0 && e.m == 0 && e.q == 0 && e.half == 0 && e.season == "" ||
		e.k == kUnitRel && e.u == uYear && !e.anchorPrev
	if !yearLike {
		return e
	}
	if s.lo(k) == "'s" {
		k++
	}
	if q := ordinals[s.lo(k)]; q > 0 && (s.lo(k+1) == "quarter" || s.lo(k+1) == "half") {
		q := s.quarterOf(expr{k: kCal, q: q}, s.lo(k+1), k+2)
		e.q, e.half, e.end, e.noDet = q.q, q.half, q.end, false
		if e.k == kUnitRel {
			e.k, e.relYear = kCal, true
		}
		return e
	}
	if w := s.lo(k); (w == "quarter" || w == "period") && e.k == kCal {
		e.end, e.noDet, e.q = k+1, false, -1 // the quarter last mentioned, in year y
	}
	return e
}

// bare handles prefixes that are expressions by themselves: "the past",
// "the future".
func (s *scanner) bare(i, j int, p prefix) (expr, bool) {
	switch {
	case p.the && j == i+2 && s.lo(i+1) == "past" && p.mod == "":
		return expr{k: kFixed, value: "PAST_REF", end: j}, true
	case p.the && j == i+1 && s.lo(j) == "future":
		return expr{k: kFixed, value: "FUTURE_REF", end: j + 1}, true
	}
	return expr{}, false
}

// core reads the expression proper at j.
func (s *scanner) core(j int, p prefix) (expr, bool) {
	if j >= len(s.w) {
		return expr{}, false
	}
	for _, f := range cores {
		if e, ok := f(s, j, p); ok {
			return e, true
		}
	}
	return expr{}, false
}

// cores are tried in order; the first that reads something wins, so the
// more specific come first ("three days ago" before "three days").
var cores = []func(*scanner, int, prefix) (expr, bool){
	(*scanner).numeric, (*scanner).amount, (*scanner).hyphenated, (*scanner).quarter,
	(*scanner).monthFirst, (*scanner).dayFirst, (*scanner).weekday, (*scanner).deictic,
	(*scanner).unitRel, (*scanner).season, (*scanner).year, (*scanner).clock,
	(*scanner).set, (*scanner).holiday,
}

// number reads an integer token written in digits.
func number(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// amountAt reports whether an amount ("two", "14", "a few") starts at j.
func (s *scanner) amountAt(j int) bool {
	_, k := s.readAmount(j)
	return k > j
}

// readAmount reads "three", "twenty-four", "twenty four", "14", "a few",
// "several", "a couple of"; n is -1 for a vague amount. It returns k == j
// when there is none.
func (s *scanner) readAmount(j int) (n, k int) {
	w := s.lo(j)
	if v, ok := number(w); ok {
		if len(w) == 4 && v >= 1600 && v <= 2099 { // "the 1988 quarter"
			return 0, j
		}
		return v, j + 1
	}
	if w == "a" || w == "an" {
		switch s.lo(j + 1) {
		case "few":
			return -1, j + 2
		case "couple":
			if s.lo(j+2) == "of" {
				return 2, j + 3
			}
		case "dozen":
			return 12, j + 2
		}
		return 1, j + 1
	}
	if vagueAmounts[w] {
		if w == "couple" && s.lo(j+1) == "of" {
			return 2, j + 2
		}
		if w == "couple" || w == "some" {
			return 0, j
		}
		return -1, j + 1
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		x, y := smallNumbers[a], smallNumbers[b]
		if x >= 20 && y > 0 && y < 10 {
			return x + y, j + 1
		}
		return 0, j
	}
	v, ok := smallNumbers[w]
	if !ok || v == 0 {
		return 0, j
	}
	if v >= 20 && v%10 == 0 {
		if y := smallNumbers[s.lo(j+1)]; y > 0 && y < 10 {
			return v + y, j + 2
		}
	}
	return v, j + 1
}

// unitAt is the unit named by token j, or noUnit.
func (s *scanner) unitAt(j int) unit { return units[s.lo(j)] }

// plural reports whether token j is a unit in the plural.
func (s *scanner) plural(j int) bool {
	w := s.lo(j)
	return strings.HasSuffix(w, "s") || w == "centuries"
}

// amount reads "three days", "two weeks ago", "a year earlier", "the past
// three months", "several years", "years".
func (s *scanner) amount(j int, p prefix) (expr, bool) {
	if ordinals[s.lo(j)] == 1 && s.amountAt(j+1) { // "the first nine months"
		j++
	}
	n, k := s.readAmount(j)
	if k > j && (s.lo(k) == "to" || s.lo(k) == "or") { // "two to three weeks"
		if m, k2 := s.readAmount(k + 1); k2 > k+1 && m > n {
			n, k = m, k2
		}
	}
	bare := k == j
	if k == j {
		n = -1
		if w := s.lo(j); w == "recent" || w == "future" {
			v := "PAST_REF"
			if w == "future" {
				v = "FUTURE_REF"
			}
			k = j + 1
			if u := s.unitAt(k); u >= uDay && s.plural(k) {
				return expr{k: kFixed, value: v, end: k + 1}, true
			}
			return expr{}, false
		}
		// A bare plural ("for years") is a vague duration.
		if u := s.unitAt(k); u < uDay || !s.plural(k) || p.hasRel && p.rel == 0 {
			return expr{}, false
		}
	}
	u := s.unitAt(k)
	if u == noUnit {
		return expr{}, false
	}
	if n == 0 {
		return expr{}, false
	}
	e := expr{end: k + 1, n: n, u: u}
	switch s.lo(k + 1) {
	case "ago":
		e.k, e.rel, e.end = kShift, -1, k+2
	case "earlier", "previously":
		e.k, e.rel, e.anchorPrev, e.end = kShift, -1, true, k+2
	case "later", "afterward", "afterwards":
		e.k, e.rel, e.anchorPrev, e.end = kShift, 1, true, k+2
	case "before", "after":
		// Only at the end of a clause: in "two days after the vote" the
		// word is a preposition and the expression is "two days".
		if f := s.lo(k + 2); f == "" || f == "," || f == "." || f == ";" {
			e.k, e.rel, e.anchorPrev, e.end = kShift, -1, true, k+2
			if s.lo(k+1) == "after" {
				e.rel = 1
			}
		}
	case "from", "hence":
		if s.lo(k+1) == "hence" || s.lo(k+2) == "now" {
			e.k, e.rel, e.end = kShift, 1, k+3
			if s.lo(k+1) == "hence" {
				e.end = k + 2
			}
		}
	}
	if e.k == kShift {
		e.hasRel = true
		return e, true
	}
	if n == 1 && (s.lo(j) == "a" || s.lo(j) == "an") && p.the {
		return expr{}, false
	}
	if n < 0 && p.hasRel && p.rel != 0 {
		// An unmeasured stretch reaching back or ahead from now ("the
		// past several quarters", "in coming months") is a vague
		// reference, not a duration.
		e.k, e.value = kFixed, "PAST_REF"
		if p.rel > 0 {
			e.value = "FUTURE_REF"
		}
		return e, true
	}
	e = duration(e, n, u)
	e.noDet = bare // "the weeks before": "weeks"
	return e, true
}

// duration makes a DURATION expression of n units.
func duration(e expr, n int, u unit) expr {
	e.k, e.typ, e.hasRel = kFixed, Duration, true
	amt := "X"
	if n > 0 {
		amt = strconv.Itoa(n)
	}
	code := durationCode[u]
	if code[0] == 'T' {
		e.value = "PT" + amt + code[1:]
	} else {
		e.value = "P" + amt + code
	}
	return e
}
