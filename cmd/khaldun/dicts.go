package main

import (
	"os"

	"github.com/spf13/pflag"

	"github.com/khaldun/khaldun/engine"
	"github.com/khaldun/khaldun/pipeline"
)

// dictFlags choose the coder's dictionaries: khaldun's embedded ones by
// default, PETRARCH-format files instead, or both with --extend-dicts.
type dictFlags struct {
	opt engine.Options
}

func (f *dictFlags) register(fl *pflag.FlagSet) {
	p := &f.opt.Petrarch
	fl.StringArrayVar(&p.Actors, "petrarch-actors", nil, "PETRARCH actor dictionary (repeatable)")
	fl.StringArrayVar(&p.Agents, "petrarch-agents", nil, "PETRARCH agent dictionary (repeatable)")
	fl.StringArrayVar(&p.Verbs, "petrarch-verbs", nil, "PETRARCH verb dictionary (repeatable)")
	fl.StringArrayVar(&p.Discards, "petrarch-discards", nil, "PETRARCH discard dictionary (repeatable)")
	// An ontology only gives negated verbs their code; it does not make
	// the dictionaries PETRARCH's, so petrarch() below leaves it out.
	fl.StringArrayVar(&p.Ontology, "petrarch-ontology", nil, "UD-PETRARCH coding ontology (PICO file) whose negations code negated verbs (repeatable)")
	fl.BoolVar(&f.opt.Extend, "extend-dicts", false, "add the PETRARCH dictionaries to the embedded ones instead of replacing them")
}

func (f *dictFlags) petrarch() bool {
	p := f.opt.Petrarch
	return len(p.Actors)+len(p.Agents)+len(p.Verbs)+len(p.Discards) > 0
}

// pipeline builds the standard pipeline with these dictionaries. Evaluation
// sets are clean English sentences: nothing is boilerplate, nothing foreign.
func (f *dictFlags) pipeline(withText, evaluation bool) (*pipeline.Pipeline, error) {
	o := f.opt
	o.Warnings = os.Stderr
	o.WithText, o.KeepBoilerplate, o.AnyLanguage = withText, evaluation, evaluation
	return engine.New(o)
}
