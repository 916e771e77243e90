package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/khaldun/khaldun"
)

// BenchmarkSave stores articles of the size the coder produces on news
// (16 mentions, 10 entities), in batches of 100 as ingest does. Half the
// mentions join events already stored.
func BenchmarkSave(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	article := func(i int) *khaldun.Coded {
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
	batch := make([]*khaldun.Coded, 0, 100)
	for i := 0; b.Loop(); i++ {
		batch = append(batch, article(i))
		if len(batch) == 100 {
			if _, err := s.Save(context.Background(), batch...); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
