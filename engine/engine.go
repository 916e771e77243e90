// Package engine assembles the standard khaldun pipeline: the text layer
// plus every annotator, in the order their dependencies need, from the
// dictionaries the user chose. The CLI, the evaluations and the benchmarks
// build it here so that all of them measure the same thing.
package engine

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/count"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/entities"
	"github.com/khaldun/khaldun/geo"
	"github.com/khaldun/khaldun/lexicon"
	"github.com/khaldun/khaldun/petrarch"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/quote"
	"github.com/khaldun/khaldun/timex"
	"github.com/khaldun/khaldun/tone"
)

// Options choose the dictionaries and the output details.
type Options struct {
	// Petrarch lists PETRARCH-format dictionaries. When any is given they
	// replace the embedded dictionaries, unless Extend is set.
	Petrarch petrarch.Files
	Extend   bool
	// Warnings receives malformed dictionary lines (skipped); nil discards.
	Warnings io.Writer

	WithText        bool
	KeepBoilerplate bool
	AnyLanguage     bool

	// Monadic keeps events without a target with any dictionary; Trace
	// receives every step of the coder (khaldun explain).
	Monadic bool
	Trace   func(coder.TraceEvent)
	// Timing receives each stage's time per input; see pipeline.Options.
	Timing func(stage string, took time.Duration)
}

func (o Options) petrarch() bool {
	f := o.Petrarch
	return len(f.Actors)+len(f.Agents)+len(f.Verbs)+len(f.Discards) > 0
}

// Dictionary loads the chosen dictionaries. A missing file is an error; a
// malformed line in a PETRARCH file costs that entry only (PETRARCH's own
// files carry a few) and is reported to Warnings. khaldun's embedded
// dictionaries are lint-tested, so an error there is a bug and fails.
func Dictionary(o Options) (*dict.Dictionary, error) {
	d := dict.New()
	if !o.petrarch() || o.Extend {
		if err := lexicon.Load(d); err != nil {
			return nil, fmt.Errorf("embedded dictionaries: %w", err)
		}
	}
	var errs []error
	for _, g := range []struct {
		kind  petrarch.Kind
		paths []string
	}{{petrarch.Verbs, o.Petrarch.Verbs}, {petrarch.Actors, o.Petrarch.Actors}, {petrarch.Agents, o.Petrarch.Agents}, {petrarch.Discards, o.Petrarch.Discards}} {
		for _, p := range g.paths {
			if _, err := os.Stat(p); err != nil {
				errs = append(errs, fmt.Errorf("%s dictionary: %w", g.kind, err))
				continue
			}
			if err := petrarch.LoadFile(d, g.kind, p); err != nil && o.Warnings != nil {
				fmt.Fprintf(o.Warnings, "khaldun: warning: %v\n", err)
			}
		}
	}
	return d, errors.Join(errs...)
}

// New builds the standard pipeline.
func New(o Options) (*pipeline.Pipeline, error) {
	d, err := Dictionary(o)
	if err != nil {
		return nil, err
	}
	neg, err := Negations(o)
	if err != nil {
		return nil, err
	}
	toner, err := tone.New()
	if err != nil {
		return nil, err
	}
	ner, err := entities.New()
	if err != nil {
		return nil, err
	}
	places, err := geo.New()
	if err != nil {
		return nil, err
	}
	events := coder.New(d, coder.Options{
		Monadic:   o.Monadic,
		Trace:     o.Trace,
		Negations: neg,
		Locate: func(doc *khaldun.Document, _ *khaldun.Text, s *khaldun.Sentence, e *khaldun.Event, verb khaldun.Span) *khaldun.Location {
			return places.Attach(doc, *s, e, verb)
		},
		Date: func(doc *khaldun.Document, _ *khaldun.Text, s *khaldun.Sentence, evidence khaldun.Span) (string, string, bool) {
			date, ok := timex.EventDate(doc.Dates, s.Span, evidence.Start)
			return date.Value, date.Text, ok
		},
	})
	// Places and dates come before the coder, which locates and dates each
	// event from its clause; tone comes last, to give each event its
	// sentence's tone.
	annotators := []khaldun.Annotator{
		ner,
		places,
		timex.New(),
		quote.New(d),
		count.New(),
		events,
		toner,
	}
	return pipeline.New(pipeline.Options{
		Annotators:      annotators,
		WithText:        o.WithText,
		KeepBoilerplate: o.KeepBoilerplate,
		AnyLanguage:     o.AnyLanguage,
		Timing:          o.Timing,
	})
}
