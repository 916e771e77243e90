// Package bench measures the standard pipeline over a corpus: the cost of
// start-up (dictionaries and models), of each stage per sentence, and of
// the whole run in articles and sentences per second of wall time and of
// CPU time, with the peak resident memory. khaldun bench prints its
// Report.
//
// Stage times are taken with the wall clock around each stage, which a
// loaded machine inflates; CPU time is the process's own (user + system).
// Rates "per CPU-second" share the process CPU time out among the stages
// in proportion to their wall times, so they hold on a shared machine
// where wall-clock rates do not.
package bench

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/engine"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/source"
)

// Options say what to run and for how long.
type Options struct {
	Paths   []string
	Source  source.Options
	Engine  engine.Options
	Workers int // goroutines coding articles; < 1 means one per core
	// Articles and Duration bound the run; the first reached ends it, and
	// zero means no bound. Without either the whole corpus is coded.
	Articles int
	Duration time.Duration
	// Store, when set, receives every coded article in batches of
	// SaveBatch, as ingest stores them, and its time is the "store" stage.
	Store     khaldun.Store
	SaveBatch int
	// Dictionary and Pipeline name what was coded for the store.
	Dictionary, Pipeline string
}

// Startup is the cost of building the pipeline.
type Startup struct {
	// Dictionaries is compiling the dictionaries alone; Total is building
	// the whole pipeline (dictionaries again, models, gazetteer). Models
	// are decoded once per process, so only a process's first run pays
	// for them. The CPU figures are the process's user+sys time meanwhile,
	// which a loaded machine does not inflate as it does wall time.
	Dictionaries, Total       time.Duration
	DictionariesCPU, TotalCPU time.Duration
	// Allocated bytes during each, and the bytes still live after a
	// collection (what stays in memory for the run).
	DictAlloc, DictLive, TotalAlloc, TotalLive uint64
}

// Stage is the time of one stage over the run.
type Stage struct {
	Name string
	Wall time.Duration // summed over inputs and goroutines
	CPU  time.Duration // the process CPU time apportioned by Wall
}

// Report is what a run measured.
type Report struct {
	Startup                     Startup
	Workers                     int
	Articles, Sentences, Events int
	Failed, NoText              int
	Errors                      []string      // the first few failures
	Wall                        time.Duration // of the coding run, start-up excluded
	CPU                         time.Duration // user + system of the run
	PeakRSS                     int64         // bytes, of the process so far; 0 when unknown
	Stages                      []Stage
}

// maxErrors bounds the failures a report quotes.
const maxErrors = 5

// Run builds the pipeline, measuring start-up, and codes the corpus.
func Run(ctx context.Context, o Options) (*Report, error) {
	if o.Workers < 1 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.SaveBatch < 1 {
		o.SaveBatch = 100
	}
	rep := &Report{Workers: o.Workers}

	// Start-up: the dictionaries alone, then the whole pipeline.
	var t timings
	o.Engine.Timing = t.add
	var p *pipeline.Pipeline
	st := &rep.Startup
	st.Dictionaries, st.DictionariesCPU, st.DictAlloc, st.DictLive = measure(func() (any, error) {
		return engine.Dictionary(o.Engine)
	})
	var err error
	st.Total, st.TotalCPU, st.TotalAlloc, st.TotalLive = measure(func() (any, error) {
		p, err = engine.New(o.Engine)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("bench: start-up: %w", err)
	}
	t.order = append([]string{"read"}, p.Stages()...)
	if o.Store != nil {
		t.order = append(t.order, "store")
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	if o.Duration > 0 {
		var stop context.CancelFunc
		runCtx, stop = context.WithTimeout(runCtx, o.Duration)
		defer stop()
	}
	cpu0 := cpuTime()
	start := time.Now()
	var batch []*khaldun.Coded
	save := func() error {
		if len(batch) == 0 {
			return nil
		}
		began := time.Now()
		_, err := o.Store.Save(context.WithoutCancel(ctx), batch...)
		t.add("store", time.Since(began))
		batch = batch[:0]
		return err
	}
	inputs := t.timed("read", source.Read(runCtx, o.Paths, o.Source))
	runErr := p.Run(runCtx, inputs, o.Workers, func(r pipeline.Result) error {
		switch {
		case errors.Is(r.Err, pipeline.ErrNoText):
			rep.NoText++
			return nil
		case r.Err != nil && runCtx.Err() != nil && errors.Is(r.Err, runCtx.Err()):
			return nil
		case r.Err != nil:
			rep.Failed++
			if len(rep.Errors) < maxErrors {
				rep.Errors = append(rep.Errors, fmt.Sprintf("%s: %v", r.Input.Origin, r.Err))
			}
			return nil
		}
		if o.Articles > 0 && rep.Articles >= o.Articles {
			return nil // coded before the budget's cancel reached the workers
		}
		rep.Articles++
		rep.Sentences += r.Doc.Article.Stats.Sentences
		rep.Events += len(r.Doc.Events)
		if o.Store != nil {
			batch = append(batch, khaldun.Scored(r.Doc, o.Dictionary, o.Pipeline))
			if len(batch) >= o.SaveBatch {
				if err := save(); err != nil {
					return err
				}
			}
		}
		if o.Articles > 0 && rep.Articles >= o.Articles {
			cancel()
		}
		return nil
	})
	if o.Store != nil {
		if err := save(); err != nil && runErr == nil {
			runErr = err
		}
	}
	rep.Wall = time.Since(start)
	rep.CPU = cpuTime() - cpu0
	rep.PeakRSS = peakRSS()
	// A run ended by its own budget is a finished run.
	if ctx.Err() == nil && (errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded)) {
		runErr = nil
	}
	if runErr != nil {
		return rep, fmt.Errorf("bench: %w", runErr)
	}
	rep.Stages = t.stages(rep.CPU)
	return rep, nil
}

// measure runs build and returns its wall and CPU time, the bytes it
// allocated and the bytes of its result still live after a collection.
func measure(build func() (any, error)) (wall, cpu time.Duration, alloc, live uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	began, cpu0 := time.Now(), cpuTime()
	v, err := build()
	wall, cpu = time.Since(began), cpuTime()-cpu0
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if err != nil {
		return wall, cpu, 0, 0
	}
	if after.HeapAlloc > before.HeapAlloc {
		live = after.HeapAlloc - before.HeapAlloc
	}
	return wall, cpu, after.TotalAlloc - before.TotalAlloc, live
}

// timings sums stage times reported from several goroutines.
type timings struct {
	mu    sync.Mutex
	wall  map[string]time.Duration
	order []string
}

func (t *timings) add(stage string, took time.Duration) {
	t.mu.Lock()
	if t.wall == nil {
		t.wall = map[string]time.Duration{}
	}
	t.wall[stage] += took
	t.mu.Unlock()
}

// timed wraps a stream so the time spent producing each item (reading,
// decompressing, decoding) counts as stage.
func (t *timings) timed(stage string, in iter.Seq2[khaldun.Input, error]) iter.Seq2[khaldun.Input, error] {
	return func(yield func(khaldun.Input, error) bool) {
		began := time.Now()
		for x, err := range in {
			t.add(stage, time.Since(began))
			if !yield(x, err) {
				return
			}
			began = time.Now()
		}
	}
}

// stages lists the stages in pipeline order with the CPU time shared out
// by wall time.
func (t *timings) stages(cpu time.Duration) []Stage {
	t.mu.Lock()
	defer t.mu.Unlock()
	var sum time.Duration
	for _, d := range t.wall {
		sum += d
	}
	out := make([]Stage, 0, len(t.order))
	for _, name := range t.order {
		s := Stage{Name: name, Wall: t.wall[name]}
		if sum > 0 {
			s.CPU = time.Duration(float64(cpu) * float64(s.Wall) / float64(sum))
		}
		out = append(out, s)
	}
	return out
}
