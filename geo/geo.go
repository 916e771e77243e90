// Package geo finds and resolves toponyms: it reads the tagged text, marks
// the capitalised names the gazetteer knows, chooses for each the place it
// most likely means, and appends them to Document.Places. Attach then gives
// the coder the place an event clause happened in.
//
// Recognition wants proper-noun tags and, for small towns, a cue (a
// locative preposition, a "Town, Country" pattern, the town's country named
// elsewhere in the article), so that common words that are also towns
// ("Aid", "Police") do not fire. Resolution scores each candidate place by
// population, kind (a country beats a town of the same name), the countries
// and regions the article names, and "Town, State" patterns.
//
// Demonyms and adjectives ("Syrian") are places too, as in the LGL,
// TR-News and GeoWebNews conventions, and so are metonyms ("Washington
// said"); Attach uses neither as an event location.
//
// Wiring: build one Annotator with New at start-up (it loads the embedded
// gazetteer once, about half a second of CPU, so a server may build it in
// the background), add it to pipeline.Options.Annotators before the coder,
// and have the coder call Attach(doc, sentence, event, verbSpan) for each event to
// fill Event.Location. ResolveSpans resolves spans found by other means.
package geo

import (
	"context"
	"fmt"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/gazetteer"
)

// Annotator is the toponym stage; it is safe for concurrent use.
type Annotator struct {
	g *gazetteer.Gazetteer
}

// New returns an annotator over the embedded gazetteer.
func New() (*Annotator, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	return &Annotator{g: g}, nil
}

// Annotate appends the article's toponyms to d.Places in text order.
func (a *Annotator) Annotate(ctx context.Context, t *khaldun.Text, d *khaldun.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	mentions, _ := a.resolveAll(t)
	for _, m := range mentions {
		d.Places = append(d.Places, a.place(t.Body, m))
	}
	return nil
}

func (a *Annotator) place(body string, m mention) khaldun.Place {
	e := m.entry
	return khaldun.Place{
		Text: body[m.span.Start:m.span.End], Span: m.span, Name: e.Name, Country: e.Country,
		Admin1: e.Admin1, Lat: e.Lat, Lon: e.Lon, GeonameID: e.ID,
	}
}
