// Package eval is khaldun's measuring stick: it codes the sentences of a
// public gold standard through a Coder and scores the result, so that every
// change can be judged against the same sets with the same rules.
//
// Each suite (petrarch, plover, conflibert-class, conflibert-spans, …) is one
// file that registers itself; Run dispatches on the suite's name. Every suite
// returns the same Report shape, whose JSON form is
//
//	{"suite": "...", "gold": "PATH", "n": <items scored>, "metrics": {...}}
//
// Metrics are fractions in [0, 1] except names ending in _pct (0–100).
//
// Division convention, used everywhere: a ratio whose denominator is 0 is 0.
// So an empty prediction has precision 0 (not 1), an empty gold has recall 0,
// and F1 is 0 when P+R is 0. This keeps every metric a finite number (JSON has
// no NaN) and never rewards a coder for saying nothing.
package eval

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"

	"github.com/khaldun/khaldun"
)

// Coder codes one input through the full pipeline. In eval an input is one
// gold sentence as the whole body, Meta.Published its date as YYYY-MM-DD
// (or "" when the gold has none) and Meta.ID its gold id.
type Coder interface {
	Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error)
}

// Options tunes a run. Only Gold is required.
type Options struct {
	Gold string // path of the gold file
	// PloverTable is the CAMEO→PLOVER table for the plover suite; "" means
	// CAMEO2PLOVER-2021.txt two directories above the gold file.
	PloverTable string
	Limit       int       // score only the first Limit items; 0 scores all
	Workers     int       // coding goroutines; 0 means runtime.NumCPU()
	Progress    io.Writer // receives "suite: done/total" lines; nil for none
}

// runFunc runs one suite. It is what a suite file registers.
type runFunc func(ctx context.Context, opt Options, c Coder) (*Report, error)

var registry = map[string]runFunc{}

// register adds a suite; suite files call it from init so that a new suite
// is a single new file.
func register(name string, fn runFunc) {
	if _, dup := registry[name]; dup {
		panic("eval: suite registered twice: " + name)
	}
	registry[name] = fn
}

// Suites lists the registered suite names in sorted order.
func Suites() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Run codes the gold set of suite with c and scores it.
func Run(ctx context.Context, suite string, opt Options, c Coder) (*Report, error) {
	fn, ok := registry[suite]
	if !ok {
		return nil, fmt.Errorf("eval: unknown suite %q (have %v)", suite, Suites())
	}
	if opt.Gold == "" {
		return nil, fmt.Errorf("eval %s: no gold file given", suite)
	}
	if c == nil {
		return nil, fmt.Errorf("eval %s: no coder", suite)
	}
	return fn(ctx, opt, c)
}

// item is one unit handed to the coder.
type item struct {
	id   string
	date string // YYYY-MM-DD or ""
	text string
	line int // where the item starts in the gold file, 0 if unknown
}

// limit trims items to opt.Limit.
func limit[T any](xs []T, opt Options) []T {
	if opt.Limit > 0 && opt.Limit < len(xs) {
		return xs[:opt.Limit]
	}
	return xs
}

// coded is the coder's answer for one item; exactly one field is set.
type coded struct {
	doc *khaldun.Document
	err error
}

// codeAll codes items with opt.Workers goroutines. Results are indexed like
// items, so scoring is independent of the order in which workers finish.
// A coder error for one item is kept in its slot (the item then scores as an
// empty prediction); only cancellation of ctx aborts the run.
func codeAll(ctx context.Context, suite string, opt Options, c Coder, items []item) ([]coded, error) {
	out := make([]coded, len(items))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, max(len(items), 1))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	step := max(len(items)/20, 1)
	for range workers {
		wg.Go(func() {
			for i := range next {
				it := items[i]
				in := khaldun.Input{
					Origin: khaldun.Position{File: opt.Gold, Line: it.line},
					Meta:   khaldun.Article{ID: it.id, Published: it.date},
					Body:   []byte(it.text),
				}
				doc, err := c.Code(ctx, in)
				if err == nil && doc == nil {
					err = fmt.Errorf("coder returned no document")
				}
				out[i] = coded{doc: doc, err: err}
				if opt.Progress != nil {
					mu.Lock()
					done++
					if done%step == 0 || done == len(items) {
						fmt.Fprintf(opt.Progress, "%s: %d/%d\n", suite, done, len(items))
					}
					mu.Unlock()
				}
			}
		})
	}
feed:
	for i := range items {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("eval %s: %w", suite, err)
	}
	return out, nil
}

// events returns the events of a coded item, nil when the coder failed.
func (c coded) events() []khaldun.Event {
	if c.doc == nil {
		return nil
	}
	return c.doc.Events
}

// coderErrors lists the per-item coder failures for the report.
func coderErrors(items []item, res []coded) []string {
	var errs []string
	for i, r := range res {
		if r.err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", items[i].id, r.err))
		}
	}
	return errs
}
