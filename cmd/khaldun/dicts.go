package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/lexicon"
	"github.com/khaldun/khaldun/petrarch"
)

// dictFlags choose the coder's dictionaries: khaldun's embedded ones by
// default, PETRARCH-format files instead, or both with --extend-dicts.
type petrarchFiles = petrarch.Files

type dictFlags struct {
	files  petrarch.Files
	extend bool
}

func (f *dictFlags) register(fl *pflag.FlagSet) {
	fl.StringArrayVar(&f.files.Actors, "petrarch-actors", nil, "PETRARCH actor dictionary (repeatable)")
	fl.StringArrayVar(&f.files.Agents, "petrarch-agents", nil, "PETRARCH agent dictionary (repeatable)")
	fl.StringArrayVar(&f.files.Verbs, "petrarch-verbs", nil, "PETRARCH verb dictionary (repeatable)")
	fl.StringArrayVar(&f.files.Discards, "petrarch-discards", nil, "PETRARCH discard dictionary (repeatable)")
	fl.BoolVar(&f.extend, "extend-dicts", false, "add the PETRARCH dictionaries to the embedded ones instead of replacing them")
}

func (f *dictFlags) petrarch() bool {
	return len(f.files.Actors)+len(f.files.Agents)+len(f.files.Verbs)+len(f.files.Discards) > 0
}

// dictionary loads the chosen dictionaries. A malformed dictionary line is
// an error: coding with half a dictionary would give silently wrong data.
func (f *dictFlags) dictionary() (*dict.Dictionary, error) {
	d := dict.New()
	if !f.petrarch() || f.extend {
		if err := lexicon.Load(d); err != nil {
			return nil, fmt.Errorf("embedded dictionaries: %w", err)
		}
	}
	if f.petrarch() {
		var errs []error
		for _, g := range []struct {
			kind  petrarch.Kind
			paths []string
		}{{petrarch.Verbs, f.files.Verbs}, {petrarch.Actors, f.files.Actors}, {petrarch.Agents, f.files.Agents}, {petrarch.Discards, f.files.Discards}} {
			for _, p := range g.paths {
				if _, err := os.Stat(p); err != nil {
					errs = append(errs, fmt.Errorf("%s dictionary: %w", g.kind, err))
					continue
				}
				// A malformed line costs that entry only: PETRARCH's own
				// files carry a few, and the rest of the file is good.
				if err := petrarch.LoadFile(d, g.kind, p); err != nil {
					fmt.Fprintf(os.Stderr, "khaldun: warning: %v\n", err)
				}
			}
		}
		if err := errors.Join(errs...); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (f *dictFlags) annotators() ([]khaldun.Annotator, error) {
	d, err := f.dictionary()
	if err != nil {
		return nil, err
	}
	return []khaldun.Annotator{coder.New(d, coder.Options{})}, nil
}
