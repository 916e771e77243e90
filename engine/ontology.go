package engine

import (
	"errors"
	"fmt"
	"os"

	"github.com/khaldun/khaldun/petrarch"
)

// Negations reads the UD-PETRARCH coding ontologies in o.Petrarch.Ontology
// and merges the negations they define, later files overriding earlier
// ones for the same code. As with dictionaries, a missing file is an error
// and a malformed line costs that line only and is reported to Warnings.
// No ontology gives a nil table: the coder then codes negated verbs as it
// does without one.
func Negations(o Options) (map[string]string, error) {
	if len(o.Petrarch.Ontology) == 0 {
		return nil, nil
	}
	neg := map[string]string{}
	var errs []error
	for _, p := range o.Petrarch.Ontology {
		if _, err := os.Stat(p); err != nil {
			errs = append(errs, fmt.Errorf("coding ontology: %w", err))
			continue
		}
		n, err := petrarch.LoadOntologyFile(p)
		if err != nil && o.Warnings != nil {
			fmt.Fprintf(o.Warnings, "khaldun: warning: %v\n", err)
		}
		for code, to := range n {
			neg[code] = to
		}
	}
	return neg, errors.Join(errs...)
}
