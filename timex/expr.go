package timex

// kind is what a recognised expression says about time, before it is
// resolved against a reference date.
type kind int

const (
	kFixed   kind = iota // value known at recognition: PRESENT_REF, P3D, ...
	kCal                 // calendar fields, some missing: April 30, 2024-Q3, 1990
	kWeekday             // Tuesday, last Friday
	kDayRel              // today, yesterday, this morning
	kUnitRel             // last week, this month, the quarter
	kShift               // three days ago, a year earlier
	kDecade              // the 1990s
	kClock               // 10:30 a.m.
)

// expr is a recognised temporal expression: its token range and meaning.
type expr struct {
	start, end int // token indexes, end exclusive
	typ        string
	k          kind
	value      string // kFixed
	y, m, d    int    // kCal; 0 unknown
	q, half    int    // kCal quarter or half of the year
	season     string // kCal
	wd         int    // kWeekday, 0 = Sunday; kCal: weekday+1 written beside the date, or 0
	n          int    // kDayRel offset in days; kShift amount, -1 unknown
	u          unit   // kUnitRel, kShift
	rel        int    // -1 last, 0 this, +1 next
	hasRel     bool
	anchorPrev bool // counts from the last date mentioned, not publication
	part       string
	clock      string // "10:30"
	mod        string
	decade     int    // kDecade: 199 for the 1990s
	holiday    string // kCal: a holiday whose date depends on the year
	relYear    bool   // kCal: the year is rel years from publication ("June last year")
	noDet      bool   // a leading "the" is not part of the expression ("the Oct. 23 vote")
}

// Type values, as TimeML names them.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)
