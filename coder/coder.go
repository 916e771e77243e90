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
	// Target. By default they are dropped, as PETRARCH's require_dyad
	// does: on the PETRARCH suite they cost far more precision than the
	// recall they add.
	Monadic bool
}

// Coder codes events. It is safe for concurrent use: it only reads the
// dictionary.
type Coder struct {
	d    *dict.Dictionary
	opts Options

	mu     sync.RWMutex
	sorted map[*dict.VerbBlock][]*dict.Pattern
}

// New returns a coder using d.
func New(d *dict.Dictionary, opts Options) *Coder {
	return &Coder{d: d, opts: opts, sorted: map[*dict.VerbBlock][]*dict.Pattern{}}
}

var _ khaldun.Annotator = (*Coder)(nil)

// Annotate appends the events of t to doc.Events.
func (c *Coder) Annotate(ctx context.Context, t *khaldun.Text, doc *khaldun.Document) error {
	if t == nil || doc == nil {
		return fmt.Errorf("coder: nil text or document")
	}
	sents := make([]*sentence, 0, len(t.Sentences))
	for i := range t.Sentences {
		s := newSentence(t, &t.Sentences[i])
		if story, hit := c.discarded(s); hit {
			if story {
				return nil
			}
			continue
		}
		sents = append(sents, s)
	}
	for _, s := range sents {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("coder: %w", err)
		}
		doc.Events = append(doc.Events, c.codeSentence(s)...)
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
			}
			hit = true
		}
	}
	return story, hit
}

// patterns returns the block's patterns most specific first, so that
// "- * WITH $ ON &TOPIC" is tried before "- * WITH $". The order is
// computed once per block.
func (c *Coder) patterns(b *dict.VerbBlock) []*dict.Pattern {
	if b == nil {
		return nil
	}
	c.mu.RLock()
	ps, ok := c.sorted[b]
	c.mu.RUnlock()
	if ok {
		return ps
	}
	ps = append([]*dict.Pattern(nil), b.Patterns...)
	slices.SortStableFunc(ps, func(x, y *dict.Pattern) int { return y.Specificity() - x.Specificity() })
	c.mu.Lock()
	c.sorted[b] = ps
	c.mu.Unlock()
	return ps
}
