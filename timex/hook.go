package timex

import "github.com/khaldun/khaldun"

// IsCalendar reports whether a value names a calendar period an event can
// be dated to (2024-04-30, 2024-04, 2024-W17, 2024-Q2, 2024, 199X, or a
// time of day on a date), as opposed to a duration (P3D), a set or a vague
// reference (PAST_REF).
func IsCalendar(value string) bool {
	if len(value) < 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if value[i] < '0' || value[i] > '9' {
			return false
		}
	}
	return true
}

// EventDate is the hook for the event coder: among dates (a document's
// Dates, in text order) it returns the calendar date inside clause that is
// nearest to the byte offset at (the event's verb), with any time of day
// cut off so that Value is a date. A date before the verb wins a tie,
// as in "On Tuesday, police arrested".
func EventDate(dates []khaldun.Date, clause khaldun.Span, at int) (khaldun.Date, bool) {
	best, dist := -1, 0
	for i, d := range dates {
		if !clause.Contains(d.Span) || !IsCalendar(d.Value) {
			continue
		}
		n := d.Span.Start - at
		if d.Span.End <= at {
			n = at - d.Span.End
		}
		if best < 0 || n < dist {
			best, dist = i, n
		}
	}
	if best < 0 {
		return khaldun.Date{}, false
	}
	d := dates[best]
	for i := 0; i < len(d.Value); i++ {
		if d.Value[i] == 'T' {
			d.Value = d.Value[:i]
			break
		}
	}
	return d, true
}
