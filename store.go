package khaldun

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Store keeps coded articles and the events aggregated across them. It is
// implemented by package sqlite (an embedded file) and package postgres;
// the CLI, the HTTP API and the exports depend on this interface only.
//
// Every method takes a context and is safe for concurrent use. Writes are
// idempotent: an article is identified by its content hash (Article.ID),
// so saving the same text twice stores it once.
type Store interface {
	// Save stores the articles in one transaction: everything in each
	// document, its near-duplicate links, and the aggregate events its
	// mentions belong to. Articles already stored are skipped and counted
	// in SaveStats.Skipped. Either the whole batch is stored or none of it.
	Save(ctx context.Context, articles ...*Coded) (SaveStats, error)
	// HasArticle reports whether an article with this ID is stored.
	HasArticle(ctx context.Context, id string) (bool, error)
	// Article returns a stored article with everything coded in it, or an
	// error wrapping ErrNotFound.
	Article(ctx context.Context, id string) (*StoredArticle, error)
	// Events lists aggregate events matching the filter, one page at a
	// time; pass EventPage.Next back as EventFilter.Cursor for the next.
	Events(ctx context.Context, f EventFilter) (*EventPage, error)
	// Event returns one aggregate event with its mentions, or an error
	// wrapping ErrNotFound.
	Event(ctx context.Context, id string) (*AggregateEvent, []Mention, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (StoreStats, error)
	Close() error
}

// ErrNotFound is wrapped by Store errors for a missing article or event.
var ErrNotFound = errors.New("not found")

// ErrUnsupported is wrapped by a Store that cannot apply a filter yet, so
// that a caller can tell "no results" from "not implemented here".
var ErrUnsupported = errors.New("filter not supported by this store")

// Coded is what the ingest hands to a Store: a document coded with its
// analysed body and the versions that produced it, so that articles coded
// with older dictionaries can be found and recoded.
type Coded struct {
	// Doc must carry the analysed body in Doc.Article.Text (the pipeline's
	// WithText option); offsets in it refer to that body.
	Doc *Document
	// Dictionary names the dictionaries used (lexicon.Version, or a hash
	// of PETRARCH files); Pipeline the khaldun build.
	Dictionary string
	Pipeline   string
	// Tone is the article's tone when a tone stage ran; nil otherwise, and
	// the aggregate events' AvgTone stays null.
	Tone *float64
}

// Scored wraps a document of the standard pipeline (package engine) for
// a Store. Its tone stage scores every analysed article, so Tone is set,
// and the aggregate events' AvgTone follows; an article skipped for its
// language, or one without sentences, has no tone.
func Scored(doc *Document, dictionary, pipeline string) *Coded {
	c := &Coded{Doc: doc, Dictionary: dictionary, Pipeline: pipeline}
	if doc != nil && doc.Article.Skipped == "" && len(doc.Sentences) > 0 {
		t := doc.Article.Tone
		c.Tone = &t
	}
	return c
}

// SaveStats counts what one Save did.
type SaveStats struct {
	Articles   int // stored
	Skipped    int // already stored
	Mentions   int // coded events stored
	NewEvents  int // aggregate events created (the rest joined existing ones)
	Duplicates int // near-duplicate links made
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Articles   int64
	Mentions   int64
	Events     int64
	Duplicates int64 // near-duplicate links
}

// StoredArticle is an article read back from a store.
type StoredArticle struct {
	Doc        *Document
	Dictionary string
	Pipeline   string
	Ingested   string // RFC 3339, UTC
	// DuplicateOf is the earliest stored article this one near-duplicates
	// ("" when it is original); Duplicates lists every linked article.
	DuplicateOf string
	Duplicates  []DuplicateLink
}

// DuplicateLink is a near-duplicate relation between two stored articles.
type DuplicateLink struct {
	Article    string  `json:"article"`
	Similarity float64 `json:"similarity"` // estimated Jaccard of word shingles
}

// AggregateEvent is one real-world event as GDELT counts it: the coded
// events (mentions) of every article that report the same date, source,
// target, event code and location, merged.
type AggregateEvent struct {
	ID        string    `json:"id"` // hash of the aggregation key
	Date      string    `json:"date"`
	Source    ActorRef  `json:"source"`
	Target    *ActorRef `json:"target"`
	Code      string    `json:"code"`
	Root      string    `json:"root"`
	Name      string    `json:"name"`
	Plover    string    `json:"plover"`
	QuadClass int       `json:"quad_class"`
	Goldstein float64   `json:"goldstein"`
	Location  *Location `json:"location"`
	// NumMentions counts coded events, NumArticles the articles they come
	// from, NumSources the independent outlets: a near-duplicate of an
	// article counts as the source of the article it copies.
	NumMentions int      `json:"num_mentions"`
	NumSources  int      `json:"num_sources"`
	NumArticles int      `json:"num_articles"`
	FirstSeen   string   `json:"first_seen"` // earliest publication date of a mentioning article
	LastSeen    string   `json:"last_seen"`
	AvgTone     *float64 `json:"avg_tone"`
}

// ActorRef is an actor as aggregated: its code, without the text that
// varies between mentions.
type ActorRef struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	Role    string `json:"role"`
}

// Mention is one coded event of one article, belonging to an aggregate.
type Mention struct {
	Article string `json:"article"`
	Event   Event  `json:"event"`
}

// Side chooses which actor of an event an actor filter applies to.
type Side int

const (
	EitherSide Side = iota
	SourceSide
	TargetSide
)

// EventSort orders an event listing; ties are broken by event ID so that
// cursors are stable.
type EventSort int

const (
	ByDate     EventSort = iota // newest first
	ByMentions                  // most mentioned first
)

// BBox is a latitude/longitude box, edges included.
type BBox struct {
	MinLat, MinLon, MaxLat, MaxLon float64
}

// EventFilter selects aggregate events. Zero fields do not filter; all set
// fields must match.
type EventFilter struct {
	Actor     string // actor code prefix, e.g. "IRN" or "USAGOV"
	ActorName string // substring of an actor's text in any mention
	Side      Side   // which actor Actor, ActorName and Country apply to
	Country   string // actor country, ISO 3166-1 alpha-3
	Code      string // event code prefix, e.g. "19" or "193"
	Root      string // exact CAMEO root, e.g. "19"
	QuadClass int    // 1-4
	From, To  string // YYYY-MM-DD, inclusive
	Place     string // location name, "name, CCC" (a name in an ISO alpha-3 country), or "geonames:ID"; PlaceParam gives it
	BBox      *BBox
	Query     string // words in the evidence sentence of any mention
	Article   string // only events mentioned by this article
	Sort      EventSort
	Cursor    string // from EventPage.Next
	Limit     int    // default 100, at most 1000
}

// EventPage is one page of an event listing.
type EventPage struct {
	Events []AggregateEvent `json:"events"`
	Next   string           `json:"next"` // "" on the last page
}

// Explorer answers the aggregate questions of the HTTP API and the exports
// over what a Store holds. It is separate from Store so that a store can be
// written (ingest) before it can be explored, and implemented by package
// sqlite and package postgres next to Store.
type Explorer interface {
	// Actors lists actors by the number of events they take part in.
	Actors(ctx context.Context, f ActorFilter) ([]ActorCount, error)
	// Timeseries counts the events matching f.Filter per period.
	Timeseries(ctx context.Context, f SeriesFilter) ([]SeriesPoint, error)
	// Network lists source→target dyads of the events matching f.Filter.
	Network(ctx context.Context, f NetworkFilter) ([]Dyad, error)
	// Quotes lists stored quotes, newest article first, a page at a time.
	Quotes(ctx context.Context, f QuoteFilter) (*QuotePage, error)
	// Counts lists stored casualty counts, newest article first, a page at
	// a time.
	Counts(ctx context.Context, f CountFilter) (*CountPage, error)
	// EventDetail returns an aggregate event with each mention's article
	// and evidence sentence, or an error wrapping ErrNotFound.
	EventDetail(ctx context.Context, id string) (*EventDetail, error)
	// Places counts the located events matching f.Filter per place, most
	// events first: what a map draws, however many events there are.
	Places(ctx context.Context, f PlaceFilter) ([]PlaceCount, error)
}

// PlaceFilter selects the events whose places are counted. Filter's
// cursor, sort and limit are ignored; events without a location are left
// out.
type PlaceFilter struct {
	Filter EventFilter
	Limit  int // places with the most events; default 1000, at most 10000
}

// PlaceCount is a place with the events that happened there. A place is
// its gazetteer entry: GeoNames id, name, country and point together, since
// places resolved to a whole country or region all carry GeonameID 0 and
// must stay apart. Ties in Events are ordered by mentions, then name,
// country, id and point, so that every store lists them alike.
type PlaceCount struct {
	GeonameID int     `json:"geonameid"` // 0: a country or region
	Name      string  `json:"name"`
	Country   string  `json:"country"` // ISO 3166-1 alpha-3
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Events    int64   `json:"events"`
	Mentions  int64   `json:"mentions"` // summed over its events
	// ByQuad counts the events of quad class 1, 2, 3 and 4, in that order.
	ByQuad [4]int64 `json:"by_quad_class"`
	// Place is the EventFilter.Place (the API's place parameter) that
	// selects this place's events: PlaceParam of the place.
	Place string `json:"place"`
}

// PlaceParam is the EventFilter.Place that selects the events of a place:
// "geonames:ID" when it has a GeoNames id, else "name, CCC" with its
// country, which tells Georgia the country from Georgia in the USA.
func PlaceParam(geonameID int, name, country string) string {
	if geonameID != 0 {
		return "geonames:" + strconv.Itoa(geonameID)
	}
	if country == "" {
		return name
	}
	return name + ", " + country
}

// ParsePlaceParam reads an EventFilter.Place: a GeoNames id, or a name
// and, when it ends in ", " and three capital letters, a country. Such a
// name may also be a whole location name as stored, so stores match
// either reading. A bad "geonames:" id wraps ErrInvalid.
func ParsePlaceParam(s string) (geonameID int, name, country string, err error) {
	if id, ok := strings.CutPrefix(s, "geonames:"); ok {
		// Id 0 is no id: countries and regions share it.
		n, err := strconv.Atoi(id)
		if err != nil || n <= 0 {
			return 0, "", "", fmt.Errorf("place %q: bad GeoNames id: %w", s, ErrInvalid)
		}
		return n, "", "", nil
	}
	if i := len(s) - 5; i > 0 && s[i:i+2] == ", " && isUpper3(s[i+2:]) {
		return 0, s[:i], s[i+2:], nil
	}
	return 0, s, "", nil
}

func isUpper3(s string) bool {
	return len(s) == 3 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// EventDetail is an aggregate event with where each mention was found.
type EventDetail struct {
	Event    AggregateEvent
	Mentions []MentionDetail
}

// MentionDetail is a mention with its article and evidence sentence; the
// event's spans are in the article body, as everywhere.
type MentionDetail struct {
	Article  ArticleRef
	Event    Event
	Sentence Span
}

// ActorFilter selects actors. Query matches an actor code prefix or a
// substring of the text an actor was found as.
type ActorFilter struct {
	Query string
	Limit int // default 50, at most 500
}

// ActorCount is an actor code with how often it occurs in events.
type ActorCount struct {
	Code     string `json:"code"`
	Country  string `json:"country"`
	Events   int64  `json:"events"`    // as source or target
	AsSource int64  `json:"as_source"` // events
	AsTarget int64  `json:"as_target"`
	Mentions int64  `json:"mentions"` // summed over its events
}

// Interval is the width of a time-series period.
type Interval int

const (
	Day   Interval = iota // YYYY-MM-DD
	Week                  // the Monday starting it, YYYY-MM-DD
	Month                 // YYYY-MM
)

// SeriesFilter selects the events a time series counts. Filter's cursor,
// sort and limit are ignored; undated events are left out.
type SeriesFilter struct {
	Filter   EventFilter
	Interval Interval
	// By splits each period by "root" (CAMEO root) or "quad" (quad class);
	// "" gives one total per period.
	By string
}

// SeriesPoint counts the events of one period (and one root or quad class
// when the series is split).
type SeriesPoint struct {
	Period    string  `json:"period"`
	Key       string  `json:"key"` // root or quad class; "" when not split
	Events    int64   `json:"events"`
	Mentions  int64   `json:"mentions"`
	Goldstein float64 `json:"goldstein"` // summed over the events
}

// NetworkFilter selects the events whose dyads are counted.
type NetworkFilter struct {
	Filter EventFilter
	// ByCountry joins actors by country instead of full actor code.
	ByCountry bool
	Limit     int // top dyads by event count; default 100, at most 1000
}

// Dyad is a directed source→target pair with what passed between them.
type Dyad struct {
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Events        int64   `json:"events"`
	Mentions      int64   `json:"mentions"`
	MeanGoldstein float64 `json:"mean_goldstein"`
}

// QuoteFilter selects stored quotes. Dates are the articles' publication
// dates.
type QuoteFilter struct {
	Speaker  string // substring of the speaker as written
	Actor    string // speaker's actor code prefix
	Text     string // substring of the quote
	From, To string // YYYY-MM-DD, inclusive
	Cursor   string // from QuotePage.Next
	Limit    int    // default 100, at most 1000
}

// ArticleRef names the article an annotation comes from.
type ArticleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// StoredQuote is a quote with its article.
type StoredQuote struct {
	Article ArticleRef `json:"article"`
	Quote   Quote      `json:"quote"`
}

// QuotePage is one page of a quote listing.
type QuotePage struct {
	Quotes []StoredQuote `json:"quotes"`
	Next   string        `json:"next"`
}

// CountFilter selects stored casualty counts. Dates are the articles'
// publication dates; Country keeps the counts of articles naming a place
// in that country.
type CountFilter struct {
	Type     string // killed, wounded, ...
	Country  string // ISO 3166-1 alpha-3
	From, To string
	Cursor   string
	Limit    int
}

// StoredCount is a casualty count with its article.
type StoredCount struct {
	Article ArticleRef `json:"article"`
	Count   Count      `json:"count"`
}

// CountPage is one page of a count listing.
type CountPage struct {
	Counts []StoredCount `json:"counts"`
	Next   string        `json:"next"`
}

// ErrInvalid is wrapped by Store and Explorer errors for a filter or
// cursor that cannot be used, so that a server can answer 400, not 500.
var ErrInvalid = errors.New("invalid filter")
