package listing

import (
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
)

// Page sizes of the event and annotation listings.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// Limit is a page size asked for, n, with def for none (0 or less) and
// most at the most.
func Limit(n, def, most int) int {
	if n <= 0 {
		return def
	}
	return min(n, most)
}

// PrefixEnd is the upper bound of the range of codes starting with
// prefix, so that a store can serve a prefix from an index as
// code >= prefix AND code < PrefixEnd(prefix). CAMEO actor and event codes
// are upper-case ASCII letters and digits, all below '~', and both stores
// compare them as bytes.
func PrefixEnd(prefix string) string { return prefix + "~" }

// Events checks an event filter and returns it normalised: actor prefix
// and country upper-case, as codes are stored. A side out of range or a
// bounding box whose south edge is above its north one is refused with
// khaldun.ErrInvalid. The place, the text query and the sort are the
// stores' own to check, since each turns them into its own SQL.
func Events(f khaldun.EventFilter) (khaldun.EventFilter, error) {
	if f.Side < khaldun.EitherSide || f.Side > khaldun.TargetSide {
		return f, fmt.Errorf("unknown side %d: %w", f.Side, khaldun.ErrInvalid)
	}
	if b := f.BBox; b != nil && b.MinLat > b.MaxLat {
		return f, fmt.Errorf("bbox: min latitude above max: %w", khaldun.ErrInvalid)
	}
	f.Actor, f.Country = strings.ToUpper(f.Actor), strings.ToUpper(f.Country)
	return f, nil
}

// Quotes returns a quote filter normalised: the speaker's actor prefix
// upper-case.
func Quotes(f khaldun.QuoteFilter) khaldun.QuoteFilter {
	f.Actor = strings.ToUpper(f.Actor)
	return f
}

// Counts returns a count filter normalised: the type lower-case, as the
// count annotator writes it, and the country upper-case.
func Counts(f khaldun.CountFilter) khaldun.CountFilter {
	f.Type, f.Country = strings.ToLower(f.Type), strings.ToUpper(f.Country)
	return f
}
