// Package timex finds temporal expressions in analysed text and normalises
// them to TimeML TIMEX3 values against the publication date: "on Tuesday"
// in an article of 2024-05-02 is 2024-04-30, "last week" is 2024-W17, "the
// 1990s" is 199X, "for three days" is the duration P3D.
//
// The recogniser is hand-written over the tagger's tokens: tables of month,
// weekday, number and unit words and a short reading at each token (an
// optional determiner and modifiers, one core, what may follow it). It
// needs no regular expression and no allocation per token beyond the
// lower-cased word, so it costs little beside tagging.
//
// # Hook for the event coder
//
// Annotate appends every expression to Document.Dates, in text order. To
// date an event, the coder calls EventDate with those dates and the span of
// the event's clause (or sentence): it returns the calendar date the clause
// names, if any, skipping durations, sets and vague references. For a
// phrase outside a document, Resolve normalises it against a publication
// date with the clause's tense.
package timex

import (
	"context"
	"strings"

	"github.com/khaldun/khaldun"
)

// Timex is a temporal expression with its TimeML type. khaldun.Date has no
// type field, so Find returns these and Annotate writes their Text, Span
// and Value.
type Timex struct {
	Text  string
	Span  khaldun.Span
	Type  string // DATE, TIME, DURATION or SET
	Value string // TimeML value: 2024-04-30, 2024-W17, P3D, PRESENT_REF, ...
	Mod   string // TimeML mod: START, END, MID, APPROX, ... or ""
}

// Annotator is the pipeline stage; it holds no state and is safe for
// concurrent use.
type Annotator struct{}

// New returns the annotator.
func New() *Annotator { return &Annotator{} }

// Annotate appends the temporal expressions of t to d.Dates.
func (a *Annotator) Annotate(ctx context.Context, t *khaldun.Text, d *khaldun.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, x := range a.Find(t) {
		d.Dates = append(d.Dates, khaldun.Date{Text: x.Text, Span: x.Span, Value: x.Value, Type: x.Type, Mod: x.Mod})
	}
	return nil
}

// Find returns the temporal expressions of t with their types, in text
// order. Relative ones resolve against t.Published and, for "a year
// earlier" and the like, against the last date mentioned before them.
func (a *Annotator) Find(t *khaldun.Text) []Timex {
	var out []Timex
	r := newResolver(t.Published)
	var s scanner
	for _, sent := range t.Sentences {
		s.w = s.w[:0]
		for _, tok := range sent.Tokens {
			s.w = append(s.w, word{text: tok.Text, lo: lower(tok.Text), pos: tok.POS, lemma: tok.Lemma, span: tok.Span})
		}
		for _, e := range s.all() {
			out = append(out, r.timex(&s, e, t.Body))
		}
	}
	return out
}

// timex resolves e and makes it the reference time for what follows.
func (r *resolver) timex(s *scanner, e expr, body string) Timex {
	span := khaldun.Span{Start: s.w[e.start].span.Start, End: s.w[e.end-1].span.End}
	v, p, ok := r.resolve(e, exprTense(s.w, e.start, e.end))
	if ok && e.typ == Date && e.k != kShift {
		r.prev, r.hasPrev = p, true
	}
	x := Timex{Span: span, Type: e.typ, Value: v, Mod: e.mod}
	if span.Start >= 0 && span.End <= len(body) && span.Start <= span.End {
		x.Text = body[span.Start:span.End]
	}
	return x
}

// Resolve normalises a phrase such as "last Tuesday" or "three days ago"
// against a publication date (YYYY-MM-DD) for a clause of the given tense.
// ok is false when the phrase does not start with a temporal expression.
func (a *Annotator) Resolve(phrase, published string, tense Tense) (value string, ok bool) {
	var s scanner
	for _, f := range splitPhrase(phrase) {
		s.w = append(s.w, word{text: f, lo: lower(f)})
	}
	if len(s.w) == 0 {
		return "", false
	}
	e, ok := s.at(0)
	if !ok {
		if !leadingPreps[s.lo(0)] {
			return "", false
		}
		if e, ok = s.at(1); !ok {
			return "", false
		}
	}
	r := newResolver(published)
	if s.lo(0) == "since" && tense == Unknown {
		tense = sincePast
	}
	v, _, _ := r.resolve(e, tense)
	return v, true
}

// leadingPreps may open a phrase given to Resolve; they are not part of the
// expression.
var leadingPreps = map[string]bool{"on": true, "in": true, "since": true, "for": true, "at": true, "by": true, "until": true}

// splitPhrase cuts a phrase into words as the tokenizer would for the
// forms timex reads: commas and a possessive 's stand alone.
func splitPhrase(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		tail := ""
		if strings.HasSuffix(f, ",") {
			f, tail = f[:len(f)-1], ","
		}
		if strings.HasSuffix(f, "'s") && len(f) > 2 {
			out = append(out, f[:len(f)-2], "'s")
		} else if f != "" {
			out = append(out, f)
		}
		if tail != "" {
			out = append(out, tail)
		}
	}
	return out
}

// futureLemmas are verbs and adjectives that put their clause in the future:
// "is expected to meet Tuesday", "the vote is scheduled for May". "set" is
// among them only before "to" or "for" (see groupTense): "set aside" is not.
var futureLemmas = map[string]bool{
	"will": true, "shall": true, "'ll": true, "wo": true, "expect": true, "schedule": true,
	"plan": true, "due": true, "intend": true, "upcoming": true, "going": true, "suppose": true,
	"would": true, // reported future: "said he would travel Thursday"
}

// haveForms make a following participle a perfect (past); forms of "be"
// make it a passive in the tense of "be" itself.
var haveForms = map[string]bool{"have": true, "has": true, "had": true, "having": true, "'ve": true}

var beForms = map[string]bool{"is": true, "are": true, "am": true, "'s": true, "'re": true, "be": true, "being": true, "been": true, "was": true, "were": true}

// Two readings of a clause that are not tenses: the expression follows
// "since", so it can only be past; or it follows a preposition of deadline
// ("by", "until"), which points at whichever occurrence is nearer.
const (
	sincePast Tense = iota + 100
	deadline
)

// exprTense is the tense an expression at tokens [i, j) is resolved in: the
// preposition before it can settle the direction ("since", "by", "as early
// as") before the clause's verb is read.
func exprTense(w []word, i, j int) Tense {
	k := i - 1
	if k >= 0 && (w[k].lo == "until" || w[k].lo == "till") && k > 0 && (w[k-1].lo == "not" || w[k-1].lo == "n't") {
		k = -1 // "not until Tuesday" reads like the clause
	}
	if k >= 0 {
		switch w[k].lo {
		case "since":
			return sincePast
		case "by", "until", "till", "through", "before":
			return deadline
		case "as":
			// "as early as Tuesday", "as soon as next week": a possibility
			// still open.
			if k >= 2 && w[k-2].lo == "as" && (w[k-1].lo == "early" || w[k-1].lo == "soon") {
				return Future
			}
		}
	}
	return clauseTense(w, i, j)
}

// clauseTense reads the tense of the verb group nearest to tokens [i, j),
// looking no further than the clause: a comma or a conjunction of clauses
// ends it.
func clauseTense(w []word, i, j int) Tense {
	best, dist := -1, 1<<30
	for k := i - 1; k >= 0 && i-k <= 8; k-- {
		if stop(w, k) {
			break
		}
		if verb(w[k].pos) {
			best, dist = k, i-k
			break
		}
	}
	// After the expression, a verb must be nearer than the one before it,
	// and an infinitive ("met Thursday to discuss") is a purpose, not the
	// expression's verb.
	for k := j; k < len(w) && k-j+1 < dist && k-j <= 8; k++ {
		if stop(w, k) || w[k].pos == "TO" {
			break
		}
		if verb(w[k].pos) {
			best = k
			break
		}
	}
	if best >= 0 {
		return groupTense(w, best)
	}
	// Cut off from its verb by commas ("stepped down as chairman,
	// president and chief executive in March"), the expression belongs to
	// the verb before it; a fronted one ("In March, the envoy met …"), with
	// none before it, to the first finite verb after it.
	for k := i - 1; k >= 0; k-- {
		if finite(w[k].pos) || w[k].pos == "VBN" {
			return groupTense(w, k)
		}
	}
	for k := j; k < len(w); k++ {
		if finite(w[k].pos) {
			return groupTense(w, k)
		}
	}
	return Unknown
}

// groupTense reads the tense of the verb group around the verb at best: a
// future word or "is to" makes it future; a past form, or a participle
// after "have" or standing alone, past; a participle after a present "is"
// is a present passive ("the case is heard in May").
func groupTense(w []word, best int) Tense {
	lo, hi := best, best
	for lo > 0 && group(w[lo-1]) {
		lo--
	}
	for hi+1 < len(w) && group(w[hi+1]) {
		hi++
	}
	t := Unknown
	for k := lo; k <= hi; k++ {
		x := w[k].lo
		switch {
		case x == "set" && k+1 < len(w) && (w[k+1].lo == "to" || w[k+1].lo == "for"):
			return Future
		case futureLemmas[x] || futureLemmas[w[k].lemma]:
			return Future
		case beForms[x] && w[k].pos != "VBN" && k+2 <= hi && w[k+1].lo == "to" && w[k+2].pos == "VB":
			return Future // "is to resume trading Tuesday"
		case w[k].pos == "VBD":
			t = Past
		case w[k].pos == "VBZ" || w[k].pos == "VBP" || w[k].pos == "MD":
			if t == Unknown {
				t = Present
			}
		case w[k].pos == "VBN":
			if k > lo && haveForms[w[k-1].lo] || t == Unknown {
				t = Past
			}
		}
	}
	if t == Unknown {
		t = Present
	}
	return t
}

func finite(pos string) bool { return pos == "MD" || pos == "VBD" || pos == "VBZ" || pos == "VBP" }

func verb(pos string) bool { return pos == "MD" || strings.HasPrefix(pos, "VB") }

func group(w word) bool {
	return verb(w.pos) || w.pos == "RB" || w.pos == "TO" || w.lo == "due" || w.lo == "going" || w.lo == "set"
}

// stop reports whether token k ends a clause: punctuation, quotes, or a
// conjunction that is not joining two nouns ("Australia and India").
func stop(w []word, k int) bool {
	x := w[k]
	if x.pos == "CC" {
		return !(k > 0 && k+1 < len(w) && nominal(w[k-1].pos) && nominal(w[k+1].pos))
	}
	return x.lo == "," || x.lo == ";" || x.lo == ":" || x.lo == "\"" || x.lo == "``" || x.lo == "''"
}

func nominal(pos string) bool {
	return strings.HasPrefix(pos, "NN") || pos == "JJ" || pos == "CD"
}
