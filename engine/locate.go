package engine

import (
	"context"

	"github.com/khaldun/khaldun"
)

// notActors clears an event location that is one of the event's own
// actors: in "called on Israel to withdraw", "on Israel" reads like a
// locative phrase to the geo stage, but Israel is who is called on, not
// where. The location hook sees only the evidence span, so the check runs
// once the events and their actor spans exist.
type notActors struct{}

func (notActors) Annotate(ctx context.Context, t *khaldun.Text, d *khaldun.Document) error {
	for i := range d.Events {
		e := &d.Events[i]
		if e.Location == nil || e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
			continue
		}
		sent := d.Sentences[e.Sentence].Span
		for _, p := range d.Places {
			if p.Text != e.Location.Text || !sent.Contains(p.Span) {
				continue
			}
			if overlaps(p.Span, e.Source.Span) || (e.Target != nil && overlaps(p.Span, e.Target.Span)) {
				e.Location = nil
				break
			}
		}
	}
	return ctx.Err()
}

func overlaps(a, b khaldun.Span) bool { return a.Start < b.End && b.Start < a.End }
