package timex

import "strings"

// Each core reads one kind of expression at token j, given what the prefix
// said; it returns the expression with end set, or false.

// numeric reads dates written in one token: 2024-04-30, 4/30/2024, 4/30/24.
func (s *scanner) numeric(j int, _ prefix) (expr, bool) {
	w := s.lo(j)
	if f := strings.Split(w, "-"); len(f) == 3 && len(f[0]) == 4 && len(f[1]) == 2 && len(f[2]) == 2 {
		y, ok1 := number(f[0])
		m, ok2 := number(f[1])
		d, ok3 := number(f[2])
		if ok1 && ok2 && ok3 && validDate(y, m, d) {
			return expr{k: kCal, y: y, m: m, d: d, end: j + 1, noDet: true}, true
		}
	}
	f := strings.Split(w, "/")
	if len(f) != 3 {
		return expr{}, false
	}
	a, ok1 := number(f[0])
	b, ok2 := number(f[1])
	c, ok3 := number(f[2])
	if !ok1 || !ok2 || !ok3 {
		return expr{}, false
	}
	y, m, d := c, a, b // English news writes month first
	switch {
	case len(f[0]) == 4:
		y, m, d = a, b, c
	case len(f[2]) == 2:
		y = 1900 + c
		if c < 50 {
			y = 2000 + c
		}
	case len(f[2]) != 4:
		return expr{}, false
	}
	if !validDate(y, m, d) {
		return expr{}, false
	}
	return expr{k: kCal, y: y, m: m, d: d, end: j + 1, noDet: true}, true
}

func validDate(y, m, d int) bool {
	return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// hyphenated reads one-token compounds: mid-November, mid-1990s,
// third-quarter, five-year, year-earlier.
func (s *scanner) hyphenated(j int, p prefix) (expr, bool) {
	w := s.lo(j)
	a, b, ok := strings.Cut(w, "-")
	if !ok {
		return expr{}, false
	}
	if a == "mid" {
		if m := months[b]; m > 0 {
			return expr{k: kCal, m: m, mod: "MID", end: j + 1}, true
		}
		if e, ok := yearOrDecade(b); ok {
			e.mod, e.end = "MID", j+1
			return e, true
		}
		return expr{}, false
	}
	if a == "late" || a == "early" {
		if m := months[b]; m > 0 {
			return expr{k: kCal, m: m, mod: edgeWords[a], end: j + 1}, true
		}
		return expr{}, false
	}
	if (a == "year" || a == "month" || a == "week") && (b == "earlier" || b == "ago") {
		e := expr{k: kShift, n: 1, u: units[a], rel: -1, hasRel: true, anchorPrev: true, end: j + 1, noDet: true}
		if n := s.lo(j + 1); n == "quarter" || n == "period" {
			e.end++
			e.noDet = false
		}
		return e, true
	}
	if q := ordinals[a]; q > 0 && (b == "quarter" || b == "half") {
		return s.quarterOf(expr{k: kCal, q: q, noDet: true}, b, j+1), true
	}
	if strings.Count(b, "-") > 0 { // "two-year-old", "twenty-four-hour"
		if x, rest, _ := strings.Cut(b, "-"); smallNumbers[a] >= 20 && smallNumbers[x] > 0 && units[rest] != noUnit {
			return duration(expr{end: j + 1}, smallNumbers[a]+smallNumbers[x], units[rest]), true
		}
		return expr{}, false
	}
	u := units[b]
	if u == noUnit || strings.HasSuffix(b, "s") && u != uHour {
		return expr{}, false
	}
	n, ok := number(a)
	if !ok {
		n = smallNumbers[a]
	}
	if n <= 0 {
		return expr{}, false
	}
	return duration(expr{end: j + 1, noDet: true}, n, u), true
}

// quarter reads "third quarter", "first half", with "of 1990" after it.
func (s *scanner) quarter(j int, _ prefix) (expr, bool) {
	q := ordinals[s.lo(j)]
	n := s.lo(j + 1)
	if q == 0 || n != "quarter" && n != "half" {
		return expr{}, false
	}
	return s.quarterOf(expr{k: kCal, q: q}, n, j+2), true
}

func (s *scanner) quarterOf(e expr, what string, k int) expr {
	if what == "half" {
		e.q, e.half = 0, e.q
		if e.half > 2 {
			e.half = 2
		}
	}
	e.end = k
	if s.lo(k) == "of" {
		if y, ok := s.yearAt(k + 1); ok {
			e.y, e.end = y, k+2
		}
	}
	return e
}

// yearAt reads a four-digit year.
func (s *scanner) yearAt(j int) (int, bool) {
	w := s.lo(j)
	if len(w) != 4 {
		return 0, false
	}
	y, ok := number(w)
	return y, ok && y >= 1600 && y <= 2099
}

// dayAt reads a day of the month: "30", "30th", "1st".
func (s *scanner) dayAt(j int) (int, bool) {
	w := s.lo(j)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) > 2 {
		return 0, false
	}
	d, ok := number(w)
	return d, ok && d >= 1 && d <= 31
}

// monthAt reads a month name, which must be capitalised.
func (s *scanner) monthAt(j int) int {
	if j >= len(s.w) || !isCap(s.w[j].text) {
		return 0
	}
	return months[s.w[j].lo]
}

// temporalCue is a word before a bare month or season that makes it a
// period of time ("in May", "since March").
var temporalCue = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "of": true,
	"during": true, "through": true, "before": true, "after": true, "from": true,
	"to": true, "last": true, "next": true, "this": true, "early": true, "late": true,
	"mid": true, "between": true, "and": true, "or": true,
}

// monthFirst reads "April 30", "Apr. 30, 2024", "April 30th", "February
// 2024", "March of 1990" and a bare "April".
func (s *scanner) monthFirst(j int, p prefix) (expr, bool) {
	m := s.monthAt(j)
	if m == 0 {
		return expr{}, false
	}
	lo := s.lo(j)
	e := expr{k: kCal, m: m, end: j + 1}
	if d, ok := s.dayAt(j + 1); ok && validDate(2000, m, d) {
		e.d, e.end, e.noDet = d, j+2, true
		k := j + 2
		if s.lo(k) == "," {
			k++
		}
		if y, ok := s.yearAt(k); ok {
			e.y, e.end = y, k+1
		}
		return e, true
	}
	k := j + 1
	if s.lo(k) == "of" || s.lo(k) == "," {
		k++
	}
	if y, ok := s.yearAt(k); ok {
		e.y, e.end, e.noDet = y, k+1, true
		return e, true
	}
	if r, ok := relWords[s.lo(j+1)]; ok && s.lo(j+2) == "year" {
		e.relYear, e.rel, e.hasRel, e.end = true, r, true, j+3
		return e, true
	}
	// A bare month: abbreviations without their dot and words that are also
	// verbs or modals need a cue.
	if !strings.HasSuffix(lo, ".") && len(lo) <= 4 && lo != "june" && lo != "july" && lo != "may" {
		return expr{}, false
	}
	cue := p.the || p.hasRel || p.mod != "" || temporalCue[s.lo(j-1)]
	if riskyMonth[lo] && (!cue || s.w[j].pos == "MD") {
		return expr{}, false
	}
	return e, true
}

// dayFirst reads "30 April 2024", "the 30th of April" and "on the 30th".
func (s *scanner) dayFirst(j int, p prefix) (expr, bool) {
	d, ok := s.dayAt(j)
	if !ok {
		return expr{}, false
	}
	k := j + 1
	if s.lo(k) == "of" {
		k++
	}
	if m := s.monthAt(k); m > 0 && validDate(2000, m, d) {
		e := expr{k: kCal, m: m, d: d, end: k + 1}
		if y, ok := s.yearAt(k + 1); ok {
			e.y, e.end = y, k+2
		}
		return e, true
	}
	w := s.lo(j)
	if p.the && j >= 2 && s.lo(j-2) == "on" && len(w) > 2 && !strings.HasPrefix(s.w[j].pos, "NNS") {
		if _, isNum := number(w); !isNum {
			return expr{k: kCal, d: d, end: j + 1}, true
		}
	}
	return expr{}, false
}

// weekday reads "Tuesday", "Tuesday night", "Monday, Oct. 26".
func (s *scanner) weekday(j int, p prefix) (expr, bool) {
	if j >= len(s.w) || !isCap(s.w[j].text) {
		return expr{}, false
	}
	wd, ok := weekdays[s.lo(j)]
	if !ok {
		return expr{}, false
	}
	k := j + 1
	if s.lo(k) == "," {
		k++
	}
	if e, ok := s.monthFirst(k, prefix{}); ok && e.d > 0 {
		e.wd = wd + 1 // checked against the year when it is missing
		return e, true
	}
	e := expr{k: kWeekday, wd: wd, end: j + 1, noDet: true, anchorPrev: p.anaphoric}
	if part, ok := dayParts[s.lo(j+1)]; ok {
		e.part, e.typ, e.end = part, Time, j+2
	}
	return e, true
}

// deictic reads "today", "yesterday morning", "tonight", "now", "this
// morning", "last night".
func (s *scanner) deictic(j int, p prefix) (expr, bool) {
	w := s.lo(j)
	if w == "these" && s.lo(j+1) == "days" {
		return expr{k: kFixed, value: "PRESENT_REF", end: j + 2}, true
	}
	if v, ok := fixedRefs[w]; ok && !p.the && !p.hasRel {
		return expr{k: kFixed, value: v, end: j + 1}, true
	}
	if n, ok := dayWords[w]; ok {
		e := expr{k: kDayRel, n: n, end: j + 1}
		if w == "tonight" {
			e.part, e.typ = "NI", Time
		} else if part, ok := dayParts[s.lo(j+1)]; ok {
			e.part, e.typ, e.end = part, Time, j+2
		}
		return e, true
	}
	if part, ok := dayParts[w]; ok && p.hasRel && !p.the && p.rel <= 0 {
		e := expr{k: kDayRel, part: part, typ: Time, end: j + 1}
		if p.rel < 0 {
			if part != "NI" {
				return expr{}, false // "last morning" is not English
			}
			e.n = -1
		}
		e.hasRel = true
		return e, true
	}
	return expr{}, false
}

// theUnits are the units that "the" alone makes a date ("the quarter" in a
// report on one quarter).
var theUnits = map[unit]bool{uWeekend: true, uQuarter: true, uYear: true, uWeek: true}

// unitRel reads "last week", "this month", "next year", "the quarter",
// "the next day", "the past year".
func (s *scanner) unitRel(j int, p prefix) (expr, bool) {
	u := s.unitAt(j)
	if u < uDay || s.plural(j) && u != uWeekend {
		return expr{}, false
	}
	switch {
	case p.that && !p.hasRel:
		return expr{k: kUnitRel, u: u, anchorPrev: true, end: j + 1}, true
	case u == uDay && p.hasRel && p.rel != 0:
		return expr{k: kShift, n: 1, u: uDay, rel: p.rel, hasRel: true, anchorPrev: true, end: j + 1}, true
	case u == uDay:
		return expr{}, false
	case p.hasRel && p.the && p.rel < 0 && !p.latest:
		return duration(expr{end: j + 1}, 1, u), true
	case p.hasRel:
		return expr{k: kUnitRel, u: u, anchorPrev: p.anaphoric, end: j + 1}, true
	case p.the && theUnits[u]:
		return expr{k: kUnitRel, u: u, anchorPrev: true, end: j + 1}, true
	}
	return expr{}, false
}

// season reads "last fall", "the summer of 1990", "spring 2024".
func (s *scanner) season(j int, p prefix) (expr, bool) {
	se, ok := seasons[s.lo(j)]
	if !ok {
		return expr{}, false
	}
	e := expr{k: kCal, season: se, end: j + 1}
	k := j + 1
	if s.lo(k) == "of" {
		k++
	}
	if y, ok := s.yearAt(k); ok {
		e.y, e.end = y, k+1
		return e, true
	}
	if j+1 < len(s.w) && strings.HasPrefix(s.w[j+1].pos, "NN") {
		return expr{}, false // "the spring rally"
	}
	if p.the || p.hasRel || p.mod != "" || temporalCue[s.lo(j-1)] && s.lo(j-1) != "and" {
		return e, true
	}
	return expr{}, false
}

// yearOrDecade reads "1990" and "1990s" written as one word.
func yearOrDecade(w string) (expr, bool) {
	if len(w) == 5 && w[4] == 's' {
		if y, ok := number(w[:4]); ok && y%10 == 0 && y >= 1000 {
			return expr{k: kDecade, decade: y / 10}, true
		}
	}
	if len(w) == 4 {
		if y, ok := number(w); ok && y >= 1600 && y <= 2099 {
			return expr{k: kCal, y: y}, true
		}
	}
	return expr{}, false
}

// year reads "1990", "the 1990s", "the '90s".
func (s *scanner) year(j int, p prefix) (expr, bool) {
	w := s.lo(j)
	if (w == "'" || w == "`" || w == "’") && len(s.lo(j+1)) == 3 && strings.HasSuffix(s.lo(j+1), "0s") {
		if d, ok := number(s.lo(j + 1)[:2]); ok {
			c := 190
			if d < 30 {
				c = 200
			}
			return expr{k: kDecade, decade: c + d/10, end: j + 2}, true
		}
	}
	e, ok := yearOrDecade(w)
	if !ok {
		return expr{}, false
	}
	e.end = j + 1
	if e.k == kDecade {
		return e, true
	}
	e.noDet = true
	// A four-digit number is a year unless it counts or costs something.
	prev, next := s.lo(j-1), s.lo(j+1)
	if prev == "$" || prev == "#" || prev == "no." || next == "%" || next == "percent" {
		return expr{}, false
	}
	if j+1 < len(s.w) && (s.w[j+1].pos == "NNS" || s.w[j+1].pos == "CD") && !p.the && !p.fiscal {
		return expr{}, false
	}
	return e, true
}

// clock reads "10:30 a.m. EDT", "3 p.m.", "noon", "midnight".
func (s *scanner) clock(j int, _ prefix) (expr, bool) {
	w := s.lo(j)
	if w == "noon" || w == "midnight" {
		c := "12:00"
		if w == "midnight" {
			c = "24:00"
		}
		return expr{k: kClock, clock: c, typ: Time, end: j + 1}, true
	}
	h, mm, ok := 0, 0, false
	if a, b, colon := strings.Cut(w, ":"); colon && len(b) == 2 {
		var ok1, ok2 bool
		h, ok1 = number(a)
		mm, ok2 = number(b)
		ok = ok1 && ok2 && h <= 24 && mm < 60
	} else if n, isNum := number(w); isNum && n <= 24 {
		h, ok = n, n >= 1 && n <= 12
		if m, isMin := number(s.lo(j + 2)); s.lo(j+1) == ":" && isMin && len(s.lo(j+2)) == 2 && m < 60 {
			mm, ok, w = m, true, w+":"+s.lo(j+2)
			j += 2
		}
	}
	if !ok {
		return expr{}, false
	}
	k := j + 1
	switch s.lo(k) {
	case "a.m.", "am", "a.m":
		if h == 12 {
			h = 0
		}
		k++
	case "p.m.", "pm", "p.m":
		if h < 12 {
			h += 12
		}
		k++
	case "o'clock":
		k++
	default:
		if !strings.Contains(w, ":") || h > 12 && s.w[j].pos != "CD" {
			return expr{}, false
		}
		if !strings.Contains(w, ":") {
			return expr{}, false
		}
	}
	if z := s.lo(k); len(z) == 3 && strings.HasSuffix(z, "t") && isCap(s.w[k].text) {
		k++
	}
	return expr{k: kClock, clock: pad2(h) + ":" + pad2(mm), typ: Time, end: k}, true
}

func pad2(n int) string { return string([]byte{byte('0' + n/10%10), byte('0' + n%10)}) }

// set reads "daily", "every day", "each year".
func (s *scanner) set(j int, _ prefix) (expr, bool) {
	w := s.lo(j)
	if v, ok := sets[w]; ok {
		return expr{k: kFixed, value: v, typ: Set, end: j + 1}, true
	}
	if (w == "every" || w == "each") && s.unitAt(j+1) >= uDay && !s.plural(j+1) {
		e := duration(expr{end: j + 2}, 1, s.unitAt(j+1))
		e.typ = Set
		return e, true
	}
	return expr{}, false
}

// holiday reads "Christmas", "Thanksgiving Day", "New Year's Day".
func (s *scanner) holiday(j int, _ prefix) (expr, bool) {
	if j >= len(s.w) || !isCap(s.w[j].text) {
		return expr{}, false
	}
	w := s.lo(j)
	if w == "thanksgiving" {
		e := expr{k: kCal, holiday: "thanksgiving", m: 11, end: j + 1}
		if s.lo(j+1) == "day" {
			e.end++
		}
		return e, true
	}
	for n := 4; n >= 1; n-- {
		if j+n > len(s.w) {
			continue
		}
		var b strings.Builder
		for k := j; k < j+n; k++ {
			if k > j && s.lo(k) != "'s" {
				b.WriteByte(' ')
			}
			b.WriteString(s.lo(k))
		}
		if md, ok := holidays[b.String()]; ok {
			return expr{k: kCal, m: md[0], d: md[1], end: j + n}, true
		}
	}
	return expr{}, false
}
