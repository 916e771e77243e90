package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress reports a long run: a bar on a terminal, where it can redraw
// itself, and a plain line every interval otherwise, where a bar would
// fill a log file with carriage returns. Methods are safe for concurrent
// use; the total may arrive late, from a counting pass.
type progress interface {
	add(articles, events int)
	setTotal(n int64)
	// clear makes room for a message line on the same stream.
	clear()
	finish()
}

func newProgress(w io.Writer, terminal bool, every time.Duration) progress {
	if terminal {
		bar := progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionShowDescriptionAtLineEnd(),
			progressbar.OptionSetWidth(30),
		)
		return &barProgress{bar: bar}
	}
	return &lineProgress{w: w, every: every, start: time.Now(), last: time.Now(), total: -1}
}

type barProgress struct {
	mu     sync.Mutex
	bar    *progressbar.ProgressBar
	events int
}

func (p *barProgress) add(articles, events int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.events += events
	p.bar.Describe(fmt.Sprintf("%d events", p.events))
	p.bar.Add(articles)
}

// The total arrives from the counting goroutine while workers report
// progress, so every call on the bar holds the lock.
func (p *barProgress) setTotal(n int64) { p.mu.Lock(); defer p.mu.Unlock(); p.bar.ChangeMax64(n) }
func (p *barProgress) clear()           { p.mu.Lock(); defer p.mu.Unlock(); p.bar.Clear() }
func (p *barProgress) finish()          { p.mu.Lock(); defer p.mu.Unlock(); p.bar.Finish(); p.bar.Clear() }

type lineProgress struct {
	mu               sync.Mutex
	w                io.Writer
	every            time.Duration
	start, last      time.Time
	articles, events int
	total            int64
}

func (p *lineProgress) add(articles, events int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.articles += articles
	p.events += events
	if time.Since(p.last) >= p.every {
		p.last = time.Now()
		p.line()
	}
}

func (p *lineProgress) line() {
	elapsed := time.Since(p.start)
	rate := float64(p.articles) / max(elapsed.Seconds(), 1e-9)
	msg := fmt.Sprintf("khaldun: ingest: %d articles", p.articles)
	if p.total > 0 {
		msg += fmt.Sprintf(" of %d (%.0f%%)", p.total, 100*float64(p.articles)/float64(p.total))
	}
	msg += fmt.Sprintf(", %d events, %.0f articles/s, %s elapsed", p.events, rate, elapsed.Round(time.Second))
	if p.total > 0 && rate > 0 && int64(p.articles) < p.total {
		eta := time.Duration(float64(p.total-int64(p.articles)) / rate * float64(time.Second))
		msg += fmt.Sprintf(", ETA %s", eta.Round(time.Second))
	}
	fmt.Fprintln(p.w, msg)
}

func (p *lineProgress) setTotal(n int64) {
	p.mu.Lock()
	p.total = n
	p.mu.Unlock()
}

func (p *lineProgress) clear()  {}
func (p *lineProgress) finish() {}
