package http

import (
	"fmt"
	nethttp "net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
)

// checkParams refuses parameters a route does not document, and repeated
// ones: a misspelt filter silently ignored returns everything, which looks
// like an answer.
func checkParams(r *nethttp.Request, known []string) error {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return badRequest("query string: %v", err)
	}
	for name, vs := range q {
		if !slices.Contains(known, name) {
			if len(known) == 0 {
				return badRequest("unknown parameter %q: this endpoint takes none", name)
			}
			return badRequest("unknown parameter %q; known: %s", name, strings.Join(known, ", "))
		}
		if len(vs) > 1 {
			return badRequest("parameter %q given %d times", name, len(vs))
		}
	}
	return nil
}

// Parameter sets shared by the event routes, in the order the spec lists
// them.
var (
	filterParams = []string{"actor", "actor_name", "side", "country", "code", "root", "quad_class",
		"from", "to", "place", "bbox", "q"}
	eventParams    = append(slices.Clone(filterParams), "article", "sort", "cursor", "limit")
	seriesParams   = append(slices.Clone(filterParams), "interval", "by")
	networkParams  = append(slices.Clone(filterParams), "by", "limit")
	actorParams    = []string{"q", "limit"}
	quoteParams    = []string{"speaker", "actor", "q", "from", "to", "cursor", "limit"}
	countParams    = []string{"type", "country", "from", "to", "cursor", "limit"}
	actorCode      = regexp.MustCompile(`^[A-Za-z0-9]{1,30}$`)
	eventCode      = regexp.MustCompile(`^[0-9]{2,4}$`)
	countryCode    = regexp.MustCompile(`^[A-Za-z]{3}$`)
	rootCode       = regexp.MustCompile(`^[0-9]{2}$`)
	maxTextParam   = 200
	maxPageLimit   = 500
	defaultPageLen = 100
)

// query reads validated parameters, keeping the first error.
type query struct {
	v   url.Values
	err error
}

func newQuery(r *nethttp.Request) *query { return &query{v: r.URL.Query()} }

func (q *query) fail(name, format string, a ...any) {
	if q.err == nil {
		q.err = badRequest("%s: %s", name, fmt.Sprintf(format, a...))
	}
}

func (q *query) text(name string) string {
	s := strings.TrimSpace(q.v.Get(name))
	if len(s) > maxTextParam {
		q.fail(name, "longer than %d bytes", maxTextParam)
	}
	return s
}

func (q *query) match(name string, re *regexp.Regexp, want string) string {
	s := q.v.Get(name)
	if s != "" && !re.MatchString(s) {
		q.fail(name, "%q is not %s", s, want)
	}
	return s
}

func (q *query) date(name string) string {
	s := q.v.Get(name)
	if s != "" {
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			q.fail(name, "%q is not a date YYYY-MM-DD", s)
		}
	}
	return s
}

func (q *query) dates() (from, to string) {
	from, to = q.date("from"), q.date("to")
	if from != "" && to != "" && from > to {
		q.fail("from", "%s is after to %s", from, to)
	}
	return from, to
}

func (q *query) choice(name string, options ...string) string {
	s := q.v.Get(name)
	if s != "" && !slices.Contains(options, s) {
		q.fail(name, "%q is not one of %s", s, strings.Join(options, ", "))
	}
	return s
}

func (q *query) limit(def, most int) int {
	s := q.v.Get("limit")
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > most {
		q.fail("limit", "%q is not a number from 1 to %d", s, most)
	}
	return n
}

// filter reads the event filter parameters every event route shares.
func (q *query) filter() khaldun.EventFilter {
	f := khaldun.EventFilter{
		Actor:     q.match("actor", actorCode, "an actor code prefix (letters and digits)"),
		ActorName: q.text("actor_name"),
		Country:   q.match("country", countryCode, "an ISO 3166-1 alpha-3 code"),
		Code:      q.match("code", eventCode, "a CAMEO event code prefix (2-4 digits)"),
		Root:      q.match("root", rootCode, "a CAMEO root (2 digits)"),
		Place:     q.text("place"),
		Query:     q.text("q"),
	}
	f.From, f.To = q.dates()
	switch q.choice("side", "source", "target", "either") {
	case "source":
		f.Side = khaldun.SourceSide
	case "target":
		f.Side = khaldun.TargetSide
	}
	if s := q.v.Get("quad_class"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			q.fail("quad_class", "%q is not 1, 2, 3 or 4", s)
		}
		f.QuadClass = n
	}
	if s := q.v.Get("bbox"); s != "" {
		f.BBox = q.bbox(s)
	}
	return f
}

// bbox reads min_lon,min_lat,max_lon,max_lat, the order of GeoJSON and of
// most map libraries. A box may cross the antimeridian (min_lon > max_lon).
func (q *query) bbox(s string) *khaldun.BBox {
	parts := strings.Split(s, ",")
	var v [4]float64
	ok := len(parts) == 4
	for i := 0; ok && i < 4; i++ {
		var err error
		v[i], err = strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
		ok = err == nil
	}
	b := &khaldun.BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	switch {
	case !ok:
		q.fail("bbox", "%q is not min_lon,min_lat,max_lon,max_lat", s)
	case b.MinLat < -90 || b.MaxLat > 90 || b.MinLat > b.MaxLat:
		q.fail("bbox", "latitudes must be within -90..90, min first")
	case b.MinLon < -180 || b.MaxLon > 180 || b.MinLon > 180 || b.MaxLon < -180:
		q.fail("bbox", "longitudes must be within -180..180")
	}
	return b
}
