package khaldun

import (
	"context"
	"errors"
)

// Store keeps coded articles and the events aggregated across them. It is
// implemented by package sqlite (an embedded file) and later by postgres;
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
	Place     string // location name, or "geonames:ID"
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
