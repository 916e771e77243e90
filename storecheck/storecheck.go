// Package storecheck holds the consistency checks that the sqlite and
// postgres stores' Check both run on what they keep incrementally: each
// is one count in SQL that both databases run unchanged, over tables of
// the same shape, and the sentence a non-zero count becomes. Keeping them
// here means a store cannot drift to a weaker proof than the other.
package storecheck

import "fmt"

// Query counts the rows breaking one invariant.
type Query struct {
	Name    string // what is done, for an error: "recount events"
	SQL     string // SELECT count(*) ...
	problem string // a format for the count
}

// Problem describes n rows found by q, "" when n is 0.
func (q Query) Problem(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(q.problem, n)
}

// EventCounters recounts every aggregate event's mentions, articles and
// sources, which Save keeps up incrementally: an interrupted or faulty
// write would leave them out of step. An event without mentions is an
// orphan.
var EventCounters = Query{
	Name: "recount events",
	SQL: `SELECT count(*) FROM events e WHERE
		num_mentions <> (SELECT count(*) FROM mentions WHERE event = e.seq) OR
		num_articles <> (SELECT count(DISTINCT article) FROM mentions WHERE event = e.seq) OR
		num_sources  <> (SELECT count(*) FROM event_sources WHERE event = e.seq) OR
		num_mentions = 0`,
	problem: "%d events with counters out of step with their mentions",
}

// CopyLinks finds articles marked as near-duplicate copies that have no
// duplicate link left to show which article they copy.
var CopyLinks = Query{
	Name: "check duplicates",
	SQL: `SELECT count(*) FROM articles a WHERE a.duplicate_of IS NOT NULL AND NOT EXISTS
		(SELECT 1 FROM duplicates d WHERE d.a = a.seq OR d.b = a.seq)`,
	problem: "%d articles marked as copies without a link",
}
