package storetest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/khaldun/khaldun"
)

// BenchSave stores articles of the size the coder produces on news (16
// mentions, 10 entities) in batches of 100, as ingest does, and reports
// articles/s. Half the mentions join events already stored. It is the
// same workload for every store, so that their figures compare.
func BenchSave(b *testing.B, s khaldun.Store) {
	batch := make([]*khaldun.Coded, 0, 100)
	for i := 0; b.Loop(); i++ {
		batch = append(batch, benchArticle(i))
		if len(batch) == 100 {
			if _, err := s.Save(context.Background(), batch...); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchSaveParallel is BenchSave from several goroutines at once (as many
// as GOMAXPROCS times b.SetParallelism's p), as workers sharing one store
// write: their batches join the same events.
func BenchSaveParallel(b *testing.B, s khaldun.Store) {
	var next atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		batch := make([]*khaldun.Coded, 0, 100)
		for pb.Next() {
			batch = append(batch, benchArticle(int(next.Add(1))))
			if len(batch) == 100 {
				if _, err := s.Save(context.Background(), batch...); err != nil {
					b.Error(err)
					return
				}
				batch = batch[:0]
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// benchArticle is the i-th article of the Save benchmarks.
func benchArticle(i int) *khaldun.Coded {
	var events []khaldun.Event
	for j := range 16 {
		events = append(events, meet("USAGOV", fmt.Sprintf("R%dGOV", (i*16+j)%(2000+i)), "2024-05-01"))
	}
	c := coded(fmt.Sprint("a", i), fmt.Sprint("outlet", i%50), "2024-05-01", fmt.Sprintf("%s %d %s", talks, i, protest), events...)
	for j := range 10 {
		c.Doc.Entities = append(c.Doc.Entities, khaldun.Entity{Text: "Geneva", Type: "LOC", Span: khaldun.Span{Start: j, End: j + 6}})
	}
	return c
}

// BenchExplore stores n articles of 16 events each, spread over a year,
// eight countries and twenty CAMEO roots, then times the reads the HTTP
// API makes most: the first page of events (by date, and by a country),
// a text query, a monthly time series split by root, and the top dyads.
// Each read is a sub-benchmark reporting ns/op.
func BenchExplore(b *testing.B, s Store, n int) {
	ctx := context.Background()
	countries := []string{"USA", "RUS", "CHN", "IRN", "ISR", "UKR", "FRA", "DEU"}
	batch := make([]*khaldun.Coded, 0, 100)
	for i := range n {
		var events []khaldun.Event
		for j := range 16 {
			k := i*16 + j
			e := meet(countries[k%8]+"GOV", countries[(k/8)%8]+"MIL", fmt.Sprintf("2024-%02d-%02d", 1+k%12, 1+k%28))
			e.Root = fmt.Sprintf("%02d", 1+k%20)
			e.Code = e.Root + "0"
			events = append(events, e)
		}
		body := fmt.Sprintf("%s %d %s", talks, i, protest)
		if i%2 == 1 {
			body = fmt.Sprintf("%s %d %s", protest, i, talksOwnWords)
		}
		batch = append(batch, coded(fmt.Sprint("x", i), fmt.Sprint("outlet", i%50), "2024-06-01", body, events...))
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := s.Save(ctx, batch...); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	reads := []struct {
		name string
		read func() error
	}{
		{"events", func() error { _, err := s.Events(ctx, khaldun.EventFilter{}); return err }},
		{"events-country", func() error { _, err := s.Events(ctx, khaldun.EventFilter{Country: "IRN"}); return err }},
		{"events-query", func() error { _, err := s.Events(ctx, khaldun.EventFilter{Query: "students marched"}); return err }},
		{"timeseries", func() error {
			_, err := s.Timeseries(ctx, khaldun.SeriesFilter{Interval: khaldun.Month, By: "root"})
			return err
		}},
		{"timeseries-actor", func() error {
			_, err := s.Timeseries(ctx, khaldun.SeriesFilter{Filter: khaldun.EventFilter{Actor: "IRN"}, Interval: khaldun.Week})
			return err
		}},
		{"network", func() error { _, err := s.Network(ctx, khaldun.NetworkFilter{ByCountry: true}); return err }},
	}
	for _, r := range reads {
		b.Run(r.name, func(b *testing.B) {
			for b.Loop() {
				if err := r.read(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
