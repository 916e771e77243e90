package timex

import (
	"fmt"
	"strconv"
	"time"
)

// Tense is the tense of the clause an expression sits in; it decides
// whether "Tuesday" or "in February" is the last one or the next one.
type Tense int

const (
	// Unknown resolves like Past: news reports what happened.
	Unknown Tense = iota
	Past
	Present
	Future
)

// point is a resolved calendar period: its first day and its granularity.
type point struct {
	t      time.Time
	gran   unit
	season string
}

// resolver turns expressions into TimeML values against a reference date
// (publication) and the last date the text mentioned (TimeML's reference
// time, used by "a year earlier" and "the quarter").
type resolver struct {
	ref     time.Time
	hasRef  bool
	prev    point
	hasPrev bool
}

func newResolver(published string) *resolver {
	r := &resolver{}
	if len(published) >= 10 {
		if t, err := time.Parse("2006-01-02", published[:10]); err == nil {
			r.ref, r.hasRef = t, true
		}
	}
	return r
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func daysIn(y, m int) int { return day(y, m+1, 0).Day() }

// resolve gives the value of e, and the period it names when it names one.
func (r *resolver) resolve(e expr, tense Tense) (string, point, bool) {
	switch e.k {
	case kFixed:
		return e.value, point{}, false
	case kDecade:
		return strconv.Itoa(e.decade) + "X", point{}, false
	}
	if !r.hasRef && !(e.k == kCal && e.y > 0 && e.holiday == "") {
		return unresolved(e), point{}, false
	}
	var p point
	switch e.k {
	case kCal:
		p = r.calendar(e, tense)
	case kWeekday:
		p = point{t: r.weekday(e, tense), gran: uDay}
	case kDayRel:
		p = point{t: r.ref.AddDate(0, 0, e.n), gran: uDay}
	case kClock:
		return format(point{t: r.ref, gran: uDay}) + "T" + e.clock, point{}, false
	case kUnitRel:
		p = r.unitRel(e, tense)
	case kShift:
		if e.n < 0 {
			if e.rel < 0 {
				return "PAST_REF", point{}, false
			}
			return "FUTURE_REF", point{}, false
		}
		p = r.shift(e)
	}
	v := format(p)
	switch {
	case p.gran != uDay:
	case e.clock != "":
		v += "T" + e.clock
	case e.part != "":
		v += "T" + e.part
	}
	return v, p, true
}

// unresolved is the value of a relative expression without a reference
// date: its known fields with X for the unknown ones.
func unresolved(e expr) string {
	switch {
	case e.k == kCal && e.d > 0 && e.m > 0:
		return fmt.Sprintf("XXXX-%02d-%02d", e.m, e.d)
	case e.k == kCal && e.m > 0:
		return fmt.Sprintf("XXXX-%02d", e.m)
	case e.k == kClock:
		return "XXXX-XX-XXT" + e.clock
	case e.k == kShift && e.rel < 0:
		return "PAST_REF"
	case e.k == kShift:
		return "FUTURE_REF"
	case e.k == kDayRel && e.n == 0:
		return "PRESENT_REF"
	}
	return "XXXX-XX-XX"
}

// calendar completes a date whose year may be missing: the latest one not
// after publication, or the next one for a future clause or "next".
func (r *resolver) calendar(e expr, tense Tense) point {
	p := point{gran: uYear, season: e.season}
	sm, sd := 1, 1
	span := func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }
	switch {
	case e.d > 0 && e.m > 0:
		sm, sd, p.gran = e.m, e.d, uDay
		span = func(t time.Time) time.Time { return t }
	case e.d > 0:
		return point{t: r.dayOfMonth(e.d, tense), gran: uDay}
	case e.holiday != "":
		sm, p.gran = e.m, uDay
		span = func(t time.Time) time.Time { return t }
	case e.m > 0:
		sm, p.gran = e.m, uMonth
		span = func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }
	case e.q < 0: // "the 1988 period": the quarter last mentioned
		if r.hasPrev && r.prev.gran == uQuarter {
			sm, p.gran = int(r.prev.t.Month()), uQuarter
		}
	case e.q > 0:
		sm, p.gran = 3*e.q-2, uQuarter
		span = func(t time.Time) time.Time { return t.AddDate(0, 3, -1) }
	case e.half > 0:
		sm, p.gran = 6*e.half-5, uHalf
		span = func(t time.Time) time.Time { return t.AddDate(0, 6, -1) }
	case e.season != "":
		sm = seasonMonth[e.season]
		span = func(t time.Time) time.Time { return t.AddDate(0, 3, -1) }
	}
	y := e.y
	if e.relYear {
		y = r.ref.Year() + e.rel
	}
	if y == 0 {
		y = r.ref.Year()
		start := day(y, sm, sd)
		end := span(start)
		switch {
		case e.hasRel && e.rel < 0:
			if !end.Before(r.ref) {
				y--
			}
		case e.hasRel && e.rel > 0:
			if !start.After(r.ref) {
				y++
			}
		case e.hasRel:
		case tense == Future && e.q == 0:
			// Quarters are reported after they end: "will report
			// third-quarter results" is the last third quarter.
			if end.Before(r.ref) {
				y++
			}
		case tense == Past && r.upcoming(start, p.gran):
			// A past clause naming a date just ahead reports a plan or a
			// deadline ("extended the offer to Nov. 20", "decided to
			// admit them in March"); a past event then would need "last".
		case tense == Past || tense == sincePast || e.q != 0 || e.half != 0:
			if start.After(r.ref) {
				y--
			}
		default:
			// Without a tense, the nearer one: "payable Dec. 15" in
			// October is this December, "in April" in November last April.
			if start.After(r.ref) {
				if start.Sub(r.ref) > r.ref.Sub(day(y-1, sm, sd)) {
					y--
				}
			} else if end.Before(r.ref) && day(y+1, sm, sd).Sub(r.ref) < r.ref.Sub(end) {
				y++
			}
		}
	}
	p.t = day(y, sm, sd)
	if e.wd > 0 && e.y == 0 && e.d > 0 {
		// "Monday, Oct. 26": the year in which Oct. 26 is a Monday.
		for _, c := range []int{y, y - 1, y + 1} {
			if t := day(c, sm, sd); int(t.Weekday()) == e.wd-1 {
				p.t = t
				break
			}
		}
	}
	if e.holiday == "thanksgiving" {
		first := day(y, 11, 1)
		p.t = first.AddDate(0, 0, (int(time.Thursday)-int(first.Weekday())+7)%7+21)
	}
	return p
}

// upcoming reports whether a day without its year, put in the year of
// publication, falls within three months after it. A month alone is not
// upcoming in a past clause: "protests began in June" is last June.
func (r *resolver) upcoming(start time.Time, gran unit) bool {
	if !start.After(r.ref) {
		return false
	}
	switch gran {
	case uDay:
		return start.Sub(r.ref) <= 92*24*time.Hour
	}
	return false
}

// dayOfMonth resolves "on the 30th": the latest 30th not after publication.
func (r *resolver) dayOfMonth(d int, tense Tense) time.Time {
	y, m := r.ref.Year(), int(r.ref.Month())
	step := -1
	if tense == Future {
		step = 1
	}
	for range 3 {
		if d <= daysIn(y, m) {
			t := day(y, m, d)
			if step < 0 && !t.After(r.ref) || step > 0 && !t.Before(r.ref) {
				return t
			}
		}
		m += step
		if m == 0 {
			y, m = y-1, 12
		} else if m == 13 {
			y, m = y+1, 1
		}
	}
	return day(y, m, min(d, daysIn(y, m)))
}

// weekday resolves a weekday: on or before publication in a past or
// present clause, on or after it in a future one; "last" and "next" never
// mean the publication day itself.
func (r *resolver) weekday(e expr, tense Tense) time.Time {
	base := r.ref
	if e.anchorPrev && r.hasPrev && r.prev.gran == uDay {
		base = r.prev.t // "the previous Friday": before the day last named
	}
	ref := int(base.Weekday())
	back := (ref - e.wd + 7) % 7
	fwd := (e.wd - ref + 7) % 7
	switch {
	case e.hasRel && e.rel < 0:
		if back == 0 {
			back = 7
		}
		return base.AddDate(0, 0, -back)
	case e.hasRel && e.rel > 0:
		if fwd == 0 {
			fwd = 7
		}
		return base.AddDate(0, 0, fwd)
	case e.hasRel: // "this Friday": the one of the publication week
		return base.AddDate(0, 0, iso(e.wd)-iso(ref))
	case tense == Future:
		return base.AddDate(0, 0, fwd)
	case tense == deadline && fwd < back:
		// "until Tuesday" on a Monday is tomorrow, on a Wednesday yesterday.
		return base.AddDate(0, 0, fwd)
	}
	return base.AddDate(0, 0, -back)
}

// iso numbers weekdays from Monday = 1 to Sunday = 7.
func iso(wd int) int {
	if wd == 0 {
		return 7
	}
	return wd
}

// unitRel resolves "last week", "this month", "the quarter".
func (r *resolver) unitRel(e expr, tense Tense) point {
	base := point{t: r.ref, gran: uDay}
	rel := e.rel
	switch {
	case e.anchorPrev && r.hasPrev && r.prev.gran <= e.u:
		base = r.prev
	case e.anchorPrev && e.u == uQuarter:
		// "the quarter" with no quarter before it, in a report: the last
		// one completed.
		rel = -1
	}
	if e.u == uWeekend && rel == 0 && !(e.anchorPrev && r.hasPrev) {
		// "the weekend" in a report is the one just past; "this weekend"
		// in a future clause is the coming one.
		wd := r.ref.Weekday()
		future := tense == Future || e.hasRel && tense != Past
		if !future && wd >= time.Monday && wd <= time.Friday {
			rel = -1
		}
	}
	return point{t: add(base.t, e.u, rel), gran: e.u}
}

// shift resolves "three days ago", "a year earlier".
func (r *resolver) shift(e expr) point {
	anchor := point{t: r.ref, gran: uDay}
	if e.anchorPrev && r.hasPrev {
		anchor = r.prev
	}
	gran := e.u
	switch {
	case gran < uDay:
		gran = uDay
	case gran > uYear:
		gran = uYear
	}
	// "A year earlier" after a quarter means the same quarter a year before.
	if e.u == uYear && r.hasPrev && (r.prev.gran == uQuarter || r.prev.gran == uHalf) {
		anchor.t, gran = day(anchor.t.Year(), int(r.prev.t.Month()), 1), r.prev.gran
	}
	if e.u < uDay {
		return point{t: anchor.t, gran: gran}
	}
	return point{t: add(anchor.t, e.u, e.rel*e.n), gran: gran}
}

// add moves t by n units; months and longer move from the first of the
// month so that "a month before March 31" is in February.
func add(t time.Time, u unit, n int) time.Time {
	switch u {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	}
	first := day(t.Year(), int(t.Month()), 1)
	switch u {
	case uMonth:
		return first.AddDate(0, n, 0)
	case uQuarter:
		return first.AddDate(0, 3*n, 0)
	case uHalf:
		return first.AddDate(0, 6*n, 0)
	case uYear:
		return first.AddDate(n, 0, 0)
	case uDecade:
		return first.AddDate(10*n, 0, 0)
	case uCentury:
		return first.AddDate(100*n, 0, 0)
	}
	return t
}

// format writes a period as a TimeML value.
func format(p point) string {
	t := p.t
	y := fmt.Sprintf("%04d", t.Year())
	if p.season != "" {
		return y + "-" + p.season
	}
	switch p.gran {
	case uDay:
		return t.Format("2006-01-02")
	case uWeek, uWeekend:
		wy, w := t.ISOWeek()
		v := fmt.Sprintf("%04d-W%02d", wy, w)
		if p.gran == uWeekend {
			v += "-WE"
		}
		return v
	case uMonth:
		return t.Format("2006-01")
	case uQuarter:
		return fmt.Sprintf("%s-Q%d", y, (int(t.Month())-1)/3+1)
	case uHalf:
		return fmt.Sprintf("%s-H%d", y, (int(t.Month())-1)/6+1)
	case uDecade:
		return y[:3]
	case uCentury:
		return y[:2]
	}
	return y
}
