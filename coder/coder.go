// Package coder is khaldun's event coder: a shallow, fast, transparent
// successor to TABARI/PETRARCH. It codes from tokens and POS tags alone (no
// parse tree): it finds actor mentions by longest dictionary match, finds
// verbs by tag and lemma, matches the verb's dictionary patterns against
// the tokens around it, and picks source and target by position, voice and
// prepositions. Every event names the dictionary line that produced it.
package coder

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
)

// Options tunes the coder.
type Options struct {
	// Monadic keeps events without a target ("X protested") with a nil
	// Target even with a dictionary that requires dyads. By default the
	// dictionary decides (dict.Dictionary.RequireDyad): PETRARCH verb
	// files drop them, as PETRARCH does (on its suite they cost far more
	// precision than they add recall: extra 11% → 47%); khaldun's lexicon
	// keeps them (PLOVER root F1 0.42 → 0.48, ConfliBERT class accuracy
	// 0.46 → 0.54), because its gold sets code one-sided events.
	Monadic bool

	// Reflexive codes a compound subject without an object as acting on
	// itself ("Gondor and Osgiliath renewed ties" → each on the other), as
	// PETRARCH does.
	Reflexive bool

	// KeepBare keeps an agent without a country as "---GOV" even when
	// the sentence names a single country its holder must belong to.
	// By default the dictionary decides, as for Monadic: the PETRARCH
	// records write such actors "---", khaldun's gold sets give them
	// the country ("officials said" in a sentence about Hungary are
	// HUNGOV).
	KeepBare bool

	// FutureIntent codes "will VERB" as the intent to do it ("Portugal
	// will support Turkey" → 032, "X will attack Y" → 138), as the
	// CAMEO manual and the PLOVER records do. By default the dictionary
	// decides: the PETRARCH records code the act itself (their suite
	// loses 1.4 points of coded_pct with it), khaldun's lexicon codes
	// intent (PLOVER headline F1 +0.02).
	FutureIntent bool

	// LiteralPatterns matches the words of verb patterns as written,
	// not through the token's lemma ("- * RESOLUTION" does not match
	// "resolutions"). By default the dictionary decides, as for
	// Monadic: PETRARCH verb files spell out the inflections a pattern
	// means (their unit-test records expect "adopt a set of
	// resolutions" to miss "* RESOLUTION": coded_pct +0.6); khaldun's
	// lexicon writes base forms and relies on the lemma.
	LiteralPatterns bool

	// Negations gives the code of a negated verb ("did not criticise")
	// when no pattern spells the negation out: UD-PETRARCH's coding
	// ontology defines some (petrarch.LoadOntology), so that "did not
	// clash over the efforts" is cooperation rather than nothing. A
	// negated verb whose code has no entry is refused or dropped as
	// without the table.
	Negations map[string]string

	// Trace, when set, receives every step of the coding (mentions,
	// verbs, patterns tried, drops, events) for `khaldun explain`. It
	// is called from the goroutine running Annotate.
	Trace func(TraceEvent)

	// Locate gives an event's location; nil or a nil result leaves
	// Event.Location nil. The geo stage plugs in here. verb is the span
	// of the verb or event noun that coded e, the anchor of its clause:
	// e.Span starts at the source actor, not at the predicate. e carries
	// the source and target spans, so that a place which is one of the
	// event's own actors ("called on Israel") is not taken as where.
	// Date and Confidence are filled; Location is not yet.
	Locate func(doc *khaldun.Document, t *khaldun.Text, s *khaldun.Sentence, e *khaldun.Event, verb khaldun.Span) *khaldun.Location

	// Date gives an event's date (YYYY, YYYY-MM or YYYY-MM-DD) and the
	// text it was read from. When Date is nil or reports !ok, the event
	// takes the publication date and an empty DateText: an empty
	// DateText means "dated by publication", not "happened that day".
	Date func(doc *khaldun.Document, t *khaldun.Text, s *khaldun.Sentence, evidence khaldun.Span) (value, text string, ok bool)
}

// Coder codes events. It is safe for concurrent use: it only reads the
// dictionary.
type Coder struct {
	d     *dict.Dictionary
	opts  Options
	cache *patternOrder // shared by the per-call copies WithMonadic makes
}

// patternOrder caches each verb block's patterns, most specific first.
type patternOrder struct {
	mu     sync.RWMutex
	sorted map[*dict.VerbBlock][]*dict.Pattern
}

// New returns a coder using d.
func New(d *dict.Dictionary, opts Options) *Coder {
	if !d.RequireDyad {
		opts.Monadic = true
		opts.FutureIntent = true
	} else {
		opts.KeepBare = true
		opts.LiteralPatterns = true
	}
	return &Coder{d: d, opts: opts, cache: &patternOrder{sorted: map[*dict.VerbBlock][]*dict.Pattern{}}}
}

// monadicKey marks a context whose Annotate calls keep one-sided events;
// negationsKey carries a negation table for them.
type (
	monadicKey   struct{}
	negationsKey struct{}
)

// WithMonadic returns a context under which Annotate keeps events without
// a target (Options.Monadic) whatever the dictionary asks. It is for
// callers that switch PETRARCH's require_dyad per input, as its
// validation records do with <Config option="require_dyad" value="false">;
// a coder built with Monadic set ignores it.
func WithMonadic(ctx context.Context) context.Context {
	return context.WithValue(ctx, monadicKey{}, true)
}

// WithNegations returns a context under which Annotate codes negated
// verbs through neg (see Options.Negations) when the coder has no table
// of its own: a records file names the ontology its codings assume, so
// the table goes with the input, as require_dyad does.
func WithNegations(ctx context.Context, neg map[string]string) context.Context {
	return context.WithValue(ctx, negationsKey{}, neg)
}

// forCall is c with the options the context switches on, or c itself.
func (c *Coder) forCall(ctx context.Context) *Coder {
	on, _ := ctx.Value(monadicKey{}).(bool)
	neg, _ := ctx.Value(negationsKey{}).(map[string]string)
	on = on && !c.opts.Monadic
	neg1 := len(neg) > 0 && c.opts.Negations == nil
	if !on && !neg1 {
		return c
	}
	cc := *c
	if on {
		cc.opts.Monadic = true
	}
	if neg1 {
		cc.opts.Negations = neg
	}
	return &cc
}

var _ khaldun.Annotator = (*Coder)(nil)

// Annotate appends the events of t to doc.Events.
func (c *Coder) Annotate(ctx context.Context, t *khaldun.Text, doc *khaldun.Document) error {
	if t == nil || doc == nil {
		return fmt.Errorf("coder: nil text or document")
	}
	c = c.forCall(ctx)
	sents := make([]*sentence, 0, len(t.Sentences))
	home := articleCountryOf(doc.Places)
	for i := range t.Sentences {
		s := newSentence(t, &t.Sentences[i])
		s.placeCountry, s.articleCountry = placeCountryOf(doc.Places, s.sent.Span), home
		c.retag(s)
		if c.tracing() {
			c.trace(s, TraceSentence, 0, len(s.toks), "")
		}
		if story, hit := c.discarded(s); hit {
			if story {
				return nil
			}
			continue
		}
		sents = append(sents, s)
	}
	mem := &memory{names: map[string]mention{}}
	for _, s := range sents {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("coder: %w", err)
		}
		for _, ce := range c.codeSentence(s, mem) {
			e := ce.Event
			c.place(doc, t, s, &e, ce.verb)
			if c.tracing() {
				c.opts.Trace(TraceEvent{Kind: TraceCoded, Sentence: e.Sentence, Span: e.Span, Text: e.Text, Detail: e.Rule, Event: &e})
			}
			doc.Events = append(doc.Events, e)
		}
	}
	return nil
}

// discarded reports whether a discard phrase occurs in s, and whether it
// voids the whole story.
func (c *Coder) discarded(s *sentence) (story, hit bool) {
	for i := 0; i < s.seq.Len(); i++ {
		if xs, n := c.d.MatchDiscard(s.seq, i); n > 0 {
			for _, x := range xs {
				story = story || x.Story
				if c.tracing() {
					c.trace(s, TraceDiscard, i, i+n, fmt.Sprintf("story=%v discards:%s", x.Story, x.Source))
				}
			}
			hit = true
		}
	}
	return story, hit
}

// place fills the event's date and location through the hooks; verb is
// the span of the verb or event noun that coded it.
func (c *Coder) place(doc *khaldun.Document, t *khaldun.Text, s *sentence, e *khaldun.Event, verb khaldun.Span) {
	e.Date, e.DateText = t.Published, ""
	if c.opts.Date != nil {
		if v, txt, ok := c.opts.Date(doc, t, s.sent, e.Span); ok && v != "" {
			e.Date, e.DateText = v, txt
		}
	}
	if c.opts.Locate != nil {
		e.Location = c.opts.Locate(doc, t, s.sent, e, verb)
	}
}

// patterns returns the block's patterns most specific first, so that
// "- * WITH $ ON &TOPIC" is tried before "- * WITH $". The order is
// computed once per block.
func (c *Coder) patterns(b *dict.VerbBlock) []*dict.Pattern {
	if b == nil {
		return nil
	}
	c.cache.mu.RLock()
	ps, ok := c.cache.sorted[b]
	c.cache.mu.RUnlock()
	if ok {
		return ps
	}
	ps = append([]*dict.Pattern(nil), b.Patterns...)
	slices.SortStableFunc(ps, func(x, y *dict.Pattern) int { return y.Specificity() - x.Specificity() })
	c.cache.mu.Lock()
	c.cache.sorted[b] = ps
	c.cache.mu.Unlock()
	return ps
}
