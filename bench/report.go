package bench

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"
)

// textLayer are the stages before the annotators.
var textLayer = []string{"norm", "boiler", "lang", "segment", "token", "pos"}

// Group is a named set of stages with their summed time.
type Group struct {
	Name   string
	Stages []string
	Wall   time.Duration
	CPU    time.Duration
}

// Groups are the sums people ask about: the text layer, events only
// (text layer + coder, what `khaldun code` needs for events), and the
// whole pipeline (every stage but reading and storing).
func (r *Report) Groups() []Group {
	var whole []string
	for _, s := range r.Stages {
		if s.Name != "read" && s.Name != "store" {
			whole = append(whole, s.Name)
		}
	}
	gs := []Group{
		{Name: "text layer", Stages: textLayer},
		{Name: "events only (text layer + coder)", Stages: append(slices.Clone(textLayer), "coder")},
		{Name: "whole pipeline", Stages: whole},
	}
	for i := range gs {
		for _, s := range r.Stages {
			if slices.Contains(gs[i].Stages, s.Name) {
				gs[i].Wall += s.Wall
				gs[i].CPU += s.CPU
			}
		}
	}
	return gs
}

// per is n per second of d, 0 for no time.
func per(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

func mb(b uint64) float64 { return float64(b) / (1 << 20) }

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// WriteText writes the report for a person.
func (r *Report) WriteText(w io.Writer) error {
	s := r.Startup
	fmt.Fprintf(w, "start-up: dictionaries %.0f ms wall, %.0f ms CPU, %.1f MB allocated, %.1f MB live; whole pipeline (dictionaries, models, gazetteer) %.0f ms wall, %.0f ms CPU, %.1f MB allocated, %.1f MB live\n",
		ms(s.Dictionaries), ms(s.DictionariesCPU), mb(s.DictAlloc), mb(s.DictLive), ms(s.Total), ms(s.TotalCPU), mb(s.TotalAlloc), mb(s.TotalLive))
	fmt.Fprintf(w, "run: %d articles (%d without text, %d failed), %d sentences, %d events on %d goroutine(s) in %s wall, %s CPU (user+sys)",
		r.Articles, r.NoText, r.Failed, r.Sentences, r.Events, r.Workers, r.Wall.Round(time.Millisecond), r.CPU.Round(time.Millisecond))
	if r.PeakRSS > 0 {
		fmt.Fprintf(w, ", peak RSS %.0f MB", float64(r.PeakRSS)/(1<<20))
	}
	fmt.Fprintln(w)
	for _, e := range r.Errors {
		fmt.Fprintf(w, "failed: %s\n", e)
	}
	fmt.Fprintf(w, "rate: %.1f articles/s and %.0f sentences/s wall; %.1f articles and %.0f sentences per CPU-second\n",
		per(r.Articles, r.Wall), per(r.Sentences, r.Wall), per(r.Articles, r.CPU), per(r.Sentences, r.CPU))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\twall ms\tCPU ms\tCPU share\tms/article\tsentences per CPU-s\t")
	row := func(name string, wall, cpu time.Duration) {
		share := 0.0
		if r.CPU > 0 {
			share = 100 * float64(cpu) / float64(r.CPU)
		}
		perArt := 0.0
		if r.Articles > 0 {
			perArt = ms(cpu) / float64(r.Articles)
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.1f%%\t%.2f\t%.0f\t\n", name, ms(wall), ms(cpu), share, perArt, per(r.Sentences, cpu))
	}
	for _, st := range r.Stages {
		row(st.Name, st.Wall, st.CPU)
	}
	for _, g := range r.Groups() {
		row(g.Name, g.Wall, g.CPU)
	}
	return tw.Flush()
}
