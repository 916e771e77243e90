package timex

import "strings"

// The tables are keyed by lower-case token text. Abbreviations appear with
// and without their dot because the tokenizer keeps the dot on "Sept." but a
// headline may write "Sept 30".

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
	"jan": 1, "feb": 2, "apr": 4, "aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// riskyMonth marks month names that are also common English words; they
// count as months only with a day, a year or a temporal cue beside them.
var riskyMonth = map[string]bool{"may": true, "march": true, "mar.": true, "jun.": true, "jul.": true}

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// parts of the day, as TimeML writes them after a date (2024-04-30TNI).
var dayParts = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// seasonMonth is the month a season starts in, for ordering against the
// reference date (northern hemisphere, meteorological seasons).
var seasonMonth = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

var smallNumbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"half": 0, // "half a year" is handled as unknown amount, never as zero
}

// vague amounts: a duration is recognised but its size is unknown (X).
var vagueAmounts = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "couple": true, "numerous": true,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

// unit is a calendar unit, ordered by size.
type unit int

const (
	noUnit unit = iota
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
)

var units = map[string]unit{
	"minute": uMinute, "minutes": uMinute, "hour": uHour, "hours": uHour,
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "weekend": uWeekend, "weekends": uWeekend,
	"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
	"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
	"century": uCentury, "centuries": uCentury,
}

// durationCode is the TimeML designator of a unit in a duration (P3D, PT4H).
var durationCode = map[unit]string{
	uMinute: "TM", uHour: "TH", uDay: "D", uWeekend: "WE", uWeek: "W", uMonth: "M",
	uQuarter: "Q", uHalf: "H", uYear: "Y", uDecade: "DE", uCentury: "CE",
}

// sets are adverbs of frequency; their value is the period.
var sets = map[string]string{
	"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
	"yearly": "P1Y", "hourly": "PT1H",
}

// deictic words and the value they always have, whatever the date.
var fixedRefs = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
	// "previously", "soon" and "formerly" are left out: TimeBank's
	// annotators mark them in a minority of their uses.
	"recently": "PAST_REF", "lately": "PAST_REF",
}

// dayWords are days named relative to the reference date.
var dayWords = map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}

// relWords set the direction of "last week", "next Tuesday", "this year".
var relWords = map[string]int{
	"last": -1, "past": -1, "previous": -1, "preceding": -1,
	"this": 0, "current": 0, "coming": 1, "next": 1, "following": 1, "upcoming": 1,
}

// edgeWords modify the part of a period meant ("early 2024", "late May").
var edgeWords = map[string]string{
	"early": "START", "earlier": "START", "late": "END", "later": "END",
	"mid": "MID", "middle": "MID",
}

// approxWords qualify amounts ("about two weeks", "more than a year ago").
var approxWords = map[string]string{
	"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
	"nearly": "LESS_THAN", "almost": "LESS_THAN", "some": "APPROX",
}

// holidays with a fixed date.
var holidays = map[string][2]int{
	"christmas": {12, 25}, "new year's day": {1, 1}, "new year's eve": {12, 31},
	"christmas eve": {12, 24}, "independence day": {7, 4}, "halloween": {10, 31},
	"valentine's day": {2, 14},
}

// isCap reports whether a word starts with an upper-case ASCII letter:
// month and weekday names in running English text always do.
func isCap(s string) bool { return s != "" && 'A' <= s[0] && s[0] <= 'Z' }

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// starters holds every word an expression can begin with, so that the
// scanner skips the other words of a sentence with one lookup.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"the", "that", "more", "less", "fewer", "at", "latest", "most",
		"fiscal", "right", "recent", "every", "each", "noon", "midnight", "thanksgiving",
		"christmas", "new", "independence", "halloween", "valentine", "'", "`", "’", "future", "these"} {
		m[w] = true
	}
	add := func(keys func(yield func(string) bool)) {
		for k := range keys {
			m[k] = true
		}
	}
	add(mapKeys(months))
	add(mapKeys(weekdays))
	add(mapKeys(dayParts))
	add(mapKeys(seasons))
	add(mapKeys(smallNumbers))
	add(mapKeys(vagueAmounts))
	add(mapKeys(ordinals))
	add(mapKeys(units))
	add(mapKeys(sets))
	add(mapKeys(fixedRefs))
	add(mapKeys(dayWords))
	add(mapKeys(relWords))
	add(mapKeys(edgeWords))
	add(mapKeys(approxWords))
	return m
}()

func mapKeys[V any](m map[string]V) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// mayStart reports whether an expression can begin with w: a table word, a
// number or a compound ("mid-May", "third-quarter", "4/30/2024").
func mayStart(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' || starters[w] {
		return true
	}
	return strings.IndexByte(w, '-') > 0
}
