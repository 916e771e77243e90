// Package eventkey names what the stores aggregate by, so that every store
// (sqlite, postgres) gives the same event the same ID and counts the same
// outlets: an aggregate event's ID is the identity across stores.
package eventkey

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// Key is the aggregation key of a coded event: GDELT's notion of "the same
// event" — same day, actors, event code and place. The day defaults to the
// article's publication date; article only matters when there is neither.
func Key(e *khaldun.Event, published, article string) string {
	date := e.Date
	if date == "" {
		date = published
	}
	if date == "" {
		// Without a day, "the same event" cannot be told from a recurring
		// one; keep undated mentions to their article rather than merge a
		// thousand unrelated "USA made a statement"s into one event.
		date = "article:" + article
	}
	target := ""
	if e.Target != nil {
		target = e.Target.Code
	}
	place := ""
	if l := e.Location; l != nil {
		if l.GeonameID != 0 {
			place = "geonames:" + strconv.Itoa(l.GeonameID)
		} else {
			place = strings.ToLower(strings.TrimSpace(l.Name))
		}
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{date, e.Source.Code, target, e.Code, place}, "\x1f")))
	return hex.EncodeToString(sum[:8])
}

// Outlet names who published an article for NumSources: its source, else
// the URL's host, else the article itself.
func Outlet(a *khaldun.Article) string {
	if s := strings.ToLower(strings.TrimSpace(a.Source)); s != "" {
		return s
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return a.ID
}
