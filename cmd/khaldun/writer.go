package main

import (
	"context"
	"sync"
	"time"

	"github.com/khaldun/khaldun"
)

// batchWriter is the single writer of an ingest: it collects coded
// articles from the coding goroutine and saves them in batches of
// batchSize, or whatever arrived within batchEvery, so that coding goes on
// while a transaction commits.
type batchWriter struct {
	ctx   context.Context
	store khaldun.Store
	in    chan *khaldun.Coded
	fail  func(error)
	saved func([]*khaldun.Coded, khaldun.SaveStats) // nil, or called after each batch is stored
	done  chan struct{}

	mu    sync.Mutex
	stats khaldun.SaveStats
	err   error
}

// newBatchWriter starts the writer. ctx should survive an interrupt so the
// last batch is stored; fail is called once when a save fails, to stop the
// producer.
func newBatchWriter(ctx context.Context, store khaldun.Store, fail func(error)) *batchWriter {
	return newHookedWriter(ctx, store, fail, nil)
}

// newHookedWriter is newBatchWriter calling saved, from the writer's
// goroutine, with each batch once it is committed: what has to follow a
// save (watch marks feed items seen) must not happen before it, or a
// crash in between would lose the article for good. saved must not keep
// the slice.
func newHookedWriter(ctx context.Context, store khaldun.Store, fail func(error), saved func([]*khaldun.Coded, khaldun.SaveStats)) *batchWriter {
	w := &batchWriter{ctx: ctx, store: store, in: make(chan *khaldun.Coded, 2*batchSize), fail: fail, saved: saved, done: make(chan struct{})}
	go w.loop()
	return w
}

// add queues an article; after a failed save it drops it, the run is
// being stopped anyway.
func (w *batchWriter) add(c *khaldun.Coded) { w.in <- c }

// close stores what is queued and reports the totals and the first error.
func (w *batchWriter) close() (khaldun.SaveStats, error) {
	close(w.in)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stats, w.err
}

func (w *batchWriter) loop() {
	defer close(w.done)
	tick := time.NewTicker(batchEvery / 4)
	defer tick.Stop()
	var batch []*khaldun.Coded
	oldest := time.Time{}
	flush := func() {
		if len(batch) == 0 {
			return
		}
		st, err := w.store.Save(w.ctx, batch...)
		w.mu.Lock()
		if err != nil && w.err == nil {
			w.err = err
			w.fail(err)
		}
		w.stats.Articles += st.Articles
		w.stats.Skipped += st.Skipped
		w.stats.Mentions += st.Mentions
		w.stats.NewEvents += st.NewEvents
		w.stats.Duplicates += st.Duplicates
		failed := w.err != nil
		w.mu.Unlock()
		if err == nil && w.saved != nil {
			w.saved(batch, st)
		}
		batch = batch[:0]
		if failed {
			for range w.in { // drain so the producer never blocks
			}
		}
	}
	for {
		select {
		case c, ok := <-w.in:
			if !ok {
				flush()
				return
			}
			if len(batch) == 0 {
				oldest = time.Now()
			}
			batch = append(batch, c)
			if len(batch) >= batchSize {
				flush()
			}
		case <-tick.C:
			if len(batch) > 0 && time.Since(oldest) >= batchEvery {
				flush()
			}
		}
	}
}
