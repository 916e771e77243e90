package source

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the publication-date spellings seen in corpora and
// feeds, most common first. Layouts with a zone keep the date as written
// in that zone: the day the publisher printed is the one relative dates in
// the text ("on Tuesday") count from.
var dateLayouts = []string{
	time.DateOnly,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	time.DateTime,
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006/01/02",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"Monday, January 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday 2 January 2006",
}

// NormalizeDate turns a publication date in any common spelling into
// YYYY-MM-DD. Ambiguous numeric forms (01/02/2006) are refused rather than
// guessed. Years outside 1800–2200 are refused too: they are placeholders
// ("0001-01-01") or typos, and a wrong anchor date is worse than none.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		if y := t.Year(); y < 1800 || y > 2200 {
			return "", fmt.Errorf("date %q: year %d out of range", s, y)
		}
		return t.Format(time.DateOnly), nil
	}
	return "", fmt.Errorf("date %q: unrecognised format", s)
}
