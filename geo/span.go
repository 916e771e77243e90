package geo

import (
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/gazetteer"
)

// ResolveSpans resolves given spans of t as toponyms, with the article's
// context, whether or not recognition would have found them: it is how
// resolution is scored apart from recognition, and how a caller that knows
// a name is a place (a named-entity tagger, an analyst) gets coordinates.
// A span the gazetteer does not know gives nil.
func (a *Annotator) ResolveSpans(t *khaldun.Text, spans []khaldun.Span) []*khaldun.Place {
	mentions, ctx := a.resolveAll(t)
	out := make([]*khaldun.Place, len(spans))
	for i, sp := range spans {
		if sp.Start < 0 || sp.End > len(t.Body) || sp.End <= sp.Start {
			continue
		}
		for _, m := range mentions {
			if m.span == sp {
				p := a.place(t.Body, m)
				out[i] = &p
				break
			}
		}
		if out[i] != nil {
			continue
		}
		c := candidate{span: sp, key: trimKey(gazetteer.Key(t.Body[sp.Start:sp.End]))}
		c.matches = a.g.LookupKey(c.key)
		if len(c.matches) == 0 {
			continue
		}
		if e := a.best(c, ctx); e != nil {
			p := a.place(t.Body, mention{candidate: c, entry: e})
			out[i] = &p
		}
	}
	return out
}

// trimKey drops what gold spans often include around a name: an article
// and a possessive.
func trimKey(k string) string {
	k = strings.TrimPrefix(k, "the ")
	k = strings.TrimSuffix(k, "'s")
	return strings.TrimSpace(k)
}
