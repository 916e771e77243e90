package pipeline

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"github.com/khaldun/khaldun"
)

// Result is the outcome for one input of a stream: a document, or the error
// that kept the input from becoming one.
type Result struct {
	Input khaldun.Input
	Doc   *khaldun.Document
	Err   error
}

// Run processes a stream of inputs on workers goroutines (all cores when
// workers < 1) and calls emit for every input, and for every read error of
// the stream, in stream order. It stops early only when ctx is cancelled or
// emit returns an error.
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq2[khaldun.Input, error], workers int, emit func(Result) error) error {
	return p.RunUnless(ctx, inputs, workers, nil, emit)
}

// RunUnless is Run with each input processed by ProcessUnless: an input
// whose article known reports gets ErrKnown as its result. known is
// called from the worker goroutines, concurrently.
func (p *Pipeline) RunUnless(ctx context.Context, inputs iter.Seq2[khaldun.Input, error], workers int, known func(id string) bool, emit func(Result) error) error {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Each job carries its own result channel; the ordered queue of those
	// channels is what keeps output in input order while work runs in
	// parallel. The queue's capacity bounds the articles held in memory.
	type job struct {
		r    Result
		done chan Result
	}
	jobs := make(chan job)
	order := make(chan chan Result, workers*4)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.r.Err == nil {
					j.r.Doc, j.r.Err = p.ProcessUnless(ctx, j.r.Input, known)
				}
				j.done <- j.r
			}
		}()
	}

	go func() {
		defer close(order)
		defer close(jobs)
		for in, err := range inputs {
			j := job{r: Result{Input: in, Err: err}, done: make(chan Result, 1)}
			select {
			case order <- j.done:
			case <-ctx.Done():
				return
			}
			if err != nil {
				j.done <- j.r
				continue
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				j.r.Err = ctx.Err()
				j.done <- j.r
				return
			}
		}
	}()

	var emitErr error
	for done := range order {
		r := <-done
		if emitErr == nil {
			if emitErr = emit(r); emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}
