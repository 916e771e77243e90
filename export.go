package khaldun

import (
	"context"
	"iter"
)

// Exporter streams whole tables out of a store for `khaldun export`. It is
// separate from Store because a listing API pages (bounded responses,
// stable cursors) while an export wants every matching row once, in one
// pass and in constant memory, however many millions there are.
//
// Every sequence yields rows in a stable order; the caller stops it by
// returning false from the loop, and a cancelled context ends it with the
// context's error. A filter the store cannot apply ends it with an error
// wrapping ErrInvalid or ErrUnsupported before any row.
type Exporter interface {
	// ExportEvents yields the aggregate events matching f, by Seq. The
	// filter's Cursor, Sort and Limit are ignored.
	ExportEvents(ctx context.Context, f EventFilter) iter.Seq2[*ExportEvent, error]
	// ExportMentions yields the mentions of the events matching f, in the
	// order they were stored.
	ExportMentions(ctx context.Context, f EventFilter) iter.Seq2[*ExportMention, error]
	// ExportQuotes and ExportCounts yield the quotes and casualty counts
	// of the articles matching f, article by article.
	ExportQuotes(ctx context.Context, f AnnotationFilter) iter.Seq2[*ExportQuote, error]
	ExportCounts(ctx context.Context, f AnnotationFilter) iter.Seq2[*ExportCount, error]
}

// ExportEvent is an aggregate event with what a flat export needs beyond
// AggregateEvent: an integer identity and the fields GDELT takes from the
// first article that reported the event.
type ExportEvent struct {
	AggregateEvent
	// Seq is the store's integer key of the event: stable for the life of
	// the store (never reused or renumbered), so it serves as GDELT's
	// GlobalEventID. It is not stable across stores: two databases built
	// from the same articles in another order number events differently;
	// ID, the hash of the aggregation key, is the identity across stores.
	Seq int64
	// SourceText and TargetText are the actors as written in the first
	// mention (GDELT's Actor1Name and Actor2Name).
	SourceText, TargetText string
	// InLead reports whether any mention is in the first paragraph of its
	// article (GDELT's IsRootEvent).
	InLead bool
	// Added is when the first mentioning article was stored, RFC 3339 UTC
	// (GDELT's DATEADDED); URL is that article's (GDELT's SOURCEURL).
	Added string
	URL   string
}

// ExportArticle is the article a mention, quote or count comes from.
type ExportArticle struct {
	ID        string
	URL       string
	Title     string
	Source    string
	Published string   // YYYY-MM-DD or ""
	Ingested  string   // RFC 3339, UTC
	Tone      *float64 // nil when no tone stage ran
	Length    int      // bytes of the analysed body, which spans index
}

// ExportMention is one coded event of one article with the aggregate it
// belongs to.
type ExportMention struct {
	EventSeq   int64  // ExportEvent.Seq of the aggregate
	EventID    string // AggregateEvent.ID
	EventAdded string // ExportEvent.Added
	Article    ExportArticle
	Event      Event // Event.Location is not filled: it is the aggregate's
}

// ExportQuote is a quote with its article.
type ExportQuote struct {
	Article ExportArticle
	Quote   Quote
}

// ExportCount is a casualty count with its article.
type ExportCount struct {
	Article ExportArticle
	Count   Count
}

// AnnotationFilter selects the quotes or counts to export. Dates are the
// articles' publication dates, inclusive; Actor is a prefix of a quote's
// speaker actor code and is invalid for counts.
type AnnotationFilter struct {
	From, To string
	Actor    string
}
