// Package quote finds reported speech and its speaker: direct quotations in
// straight or curly double marks (single marks in the headline), partial
// quotations inside a sentence, and quotations running over paragraphs,
// each with the person or organisation the article credits with it.
//
// The speaker comes from an attribution cue next to the quotation — a
// closed list of speech verbs read by lemma and part of speech, or
// "according to" — whose subject is taken from the tags: a proper-noun
// head ("foreign ministry spokesman Lin Jian" → Lin Jian, the title kept
// apart), a pronoun or a role noun resolved to the last person named with
// it, a surname linked to the full name met earlier. With a dictionary the
// speaker is also coded as an actor.
//
// Only direct quotations go to khaldun.Document; Find returns the richer
// Attribution, which also locates the speaker's mention and cue.
package quote

import (
	"context"
	"sort"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
)

// Attribution is one quotation with what is known of its speaker.
type Attribution struct {
	Kind    string       // "direct"
	Content khaldun.Span // inside the marks
	Group   int          // pieces of one quotation over paragraphs share it
	// Mention is the speaker as the cue's subject ("he", "Lin", "the
	// spokesman"); Cue the cue verb or "according". Both are zero when no
	// speaker was found or the speaker was carried over from the paragraph
	// before.
	Mention, Cue khaldun.Span
	Speaker      string // the name as written at its fullest mention
	Title        string // title words before the name ("foreign ministry spokesman")
	Actor        string // actor code when the dictionary knows the speaker
}

// Annotator adds the quotations of a text to its document.
type Annotator struct {
	d *dict.Dictionary
}

// New returns an annotator; d may be nil, and then speakers are not coded.
func New(d *dict.Dictionary) *Annotator { return &Annotator{d: d} }

// Annotate appends the direct quotations of t to doc.Quotes.
func (a *Annotator) Annotate(ctx context.Context, t *khaldun.Text, doc *khaldun.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, at := range a.Find(t) {
		doc.Quotes = append(doc.Quotes, at.Quote(t.Body))
	}
	return nil
}

// Quote is the attribution as the output contract has it; body is the text
// it was found in. Annotate and callers of Find that want both (the polnear
// eval, which scores the Mention) share it so their quotes cannot differ.
func (at Attribution) Quote(body string) khaldun.Quote {
	q := khaldun.Quote{
		Text:         body[at.Content.Start:at.Content.End],
		Span:         at.Content,
		Speaker:      at.Speaker,
		SpeakerActor: at.Actor,
	}
	if at.Mention.Len() > 0 {
		m := at.Mention
		q.SpeakerSpan = &m
	}
	return q
}

// Find returns the quotations of t in reading order.
func (a *Annotator) Find(t *khaldun.Text) []Attribution {
	pieces := scanQuotes(t.Body, paragraphs(t))
	if len(pieces) == 0 {
		return nil
	}
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].span.Start < pieces[j].span.Start })
	ts := flatten(t, pieces)
	r := &resolver{ts: ts, body: t.Body, d: a.d, date: t.Published}
	var out []Attribution
	var prev *Attribution // the last quotation with a speaker
	prevPara := -1
	for _, g := range groups(pieces) {
		first, last := pieces[g[0]], pieces[g[len(g)-1]]
		start := tokenAt(ts, first.span.Start)
		if start >= len(ts) {
			continue
		}
		r.catchUp(start)
		f := found{cue: -1}
		for _, pi := range g {
			p := pieces[pi]
			s, e := tokenAt(ts, p.span.Start), tokenAt(ts, p.span.End)
			if s >= len(ts) {
				continue
			}
			for _, try := range []func() found{
				func() found { return after(ts, e) },
				func() found { return before(ts, s) },
				func() found { return around(ts, s, e) },
			} {
				if f = try(); f.who.ok() {
					break
				}
			}
			if f.who.ok() {
				break
			}
		}
		if !f.who.ok() {
			f = introduced(ts, max(start-1, 0))
		}
		if !f.who.ok() {
			f = colonName(ts, start)
		}
		if !f.who.ok() && !paragraphOpener(ts, start) {
			// No speech verb: the subject of the clause the quotation
			// sits in ("Trump attacked “the hateful ideology …”").
			a, _ := sentBounds(ts, start)
			if p := subject(ts, a, start); p.ok() {
				f = found{p, -1}
			}
		}
		at := Attribution{Kind: "direct", Group: first.group}
		switch {
		case f.who.ok():
			r.catchUp(f.who.from)
			r.resolve(&at, f.who.named(ts))
			at.Mention = khaldun.Span{Start: ts[f.who.from].Span.Start, End: ts[f.who.to-1].Span.End}
			if f.cue >= 0 {
				at.Cue = ts[f.cue].Span
			}
		case prev != nil && prevPara >= ts[start].para-1 && paragraphOpener(ts, start):
			// A paragraph that is only a quotation, right after a quoted
			// speaker: newspapers drop the attribution for a speaker
			// still talking.
			at.Speaker, at.Title, at.Actor = prev.Speaker, prev.Title, prev.Actor
		}
		if at.Speaker != "" {
			prev, prevPara = &at, ts[tokenAt(ts, last.span.Start)].para
		}
		for _, pi := range g {
			at.Content = pieces[pi].span
			out = append(out, at)
		}
	}
	return out
}

// groups lists the piece indexes of each quotation in order.
func groups(pieces []piece) [][]int {
	var out [][]int
	at := map[int]int{}
	for i, p := range pieces {
		if k, ok := at[p.group]; ok {
			out[k] = append(out[k], i)
			continue
		}
		at[p.group] = len(out)
		out = append(out, []int{i})
	}
	return out
}

// paragraphOpener reports whether the quotation starting at token i (its
// first content token) opens its paragraph.
func paragraphOpener(ts []tok, i int) bool {
	j := i - 1
	for j >= 0 && ts[j].quote && ts[j].isMark() && ts[j].para == ts[i].para {
		j--
	}
	return j < 0 || ts[j].para != ts[i].para
}
