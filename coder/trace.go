package coder

import (
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
)

// TraceKind is a step of the coder's work on a sentence.
type TraceKind uint8

const (
	TraceSentence TraceKind = iota // a sentence is about to be coded
	TraceDiscard                   // a discard phrase voids the sentence or story
	TraceMention                   // an actor or agent mention was found
	TraceVerb                      // a dictionary verb (or event noun) was found
	TracePattern                   // a pattern was tried; Matched says whether it fired
	TraceDrop                      // a verb produced nothing, Detail says why
	TraceCoded                     // an event was coded
)

var traceNames = [...]string{"sentence", "discard", "mention", "verb", "pattern", "drop", "event"}

func (k TraceKind) String() string {
	if int(k) < len(traceNames) {
		return traceNames[k]
	}
	return fmt.Sprintf("TraceKind(%d)", k)
}

// TraceEvent is one step reported to Options.Trace. It exists so that
// `khaldun explain` shows what the coder really did rather than a
// re-implementation of it.
type TraceEvent struct {
	Kind     TraceKind
	Sentence int
	Span     khaldun.Span // evidence in the body
	Text     string       // the evidence as written
	Detail   string       // codes, rule, reason
	Matched  bool         // TracePattern only
	Event    *khaldun.Event
}

func (c *Coder) tracing() bool { return c.opts.Trace != nil }

func (c *Coder) trace(s *sentence, k TraceKind, lo, hi int, detail string) {
	sp := s.span(lo, hi)
	c.opts.Trace(TraceEvent{Kind: k, Sentence: s.sent.Index, Span: sp, Text: s.textOf(sp), Detail: detail})
}

func (c *Coder) traceMentions(s *sentence, ms []mention) {
	for _, m := range ms {
		d := strings.Join(m.codes, "/")
		if m.group != ms[0].group || len(ms) > 1 {
			d += fmt.Sprintf(" group=%d", m.group)
		}
		if m.resolved != "" {
			d += " resolved:" + m.resolved
		}
		c.trace(s, TraceMention, m.start, m.end, d+" "+m.rule)
	}
}
