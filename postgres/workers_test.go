package postgres

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
)

// article is a fixture article with n events, its body unlike any other's
// so that no two are near duplicates.
func article(id, outlet string, n int) *khaldun.Coded {
	words := []string{}
	for i := range 40 {
		words = append(words, fmt.Sprintf("%s%d", id, i))
	}
	body := strings.Join(words, " ") + ". " + strings.Join(words, " ") + "."
	d := khaldun.NewDocument(khaldun.Article{ID: id, Source: outlet, Published: "2024-05-01", Language: "en", Text: body})
	end := strings.Index(body, ". ") + 1
	d.Sentences = []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: end}, Text: body[:end]}}
	for i := range n {
		d.Events = append(d.Events, khaldun.Event{ID: fmt.Sprintf("%s-%d", id, i), Text: body[:end],
			Source: khaldun.Actor{Code: "USAGOV", Country: "USA"}, Target: &khaldun.Actor{Code: fmt.Sprintf("T%02dGOV", i%7)},
			Code: "040", Root: "04", QuadClass: 1, Goldstein: 1, Date: "2024-05-01"})
	}
	return &khaldun.Coded{Doc: d, Dictionary: "test", Pipeline: "test"}
}

// TestWorkers saves from several stores on one database at once, as
// several khaldun worker processes do: batches overlap in articles and
// events, in different orders. Every article must be stored once and every
// counter must agree with the mentions.
func TestWorkers(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	const workers, articles = 4, 40
	var wg sync.WaitGroup
	errs := make(chan error, workers*articles)
	for w := range workers {
		s, err := Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < articles; i += 5 {
				var batch []*khaldun.Coded
				for j := range 5 {
					k := (i + j + w*7) % articles // each worker starts elsewhere
					if w%2 == 1 {
						k = articles - 1 - k // and half go backwards
					}
					batch = append(batch, article(fmt.Sprint("a", k), fmt.Sprint("outlet", k%3), 1+k%5))
				}
				if _, err := s.Save(ctx, batch...); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := openStore(t, dsn)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mentions := 0
	for k := range articles {
		mentions += 1 + k%5
	}
	if st.Articles != articles || st.Events != 5 || st.Mentions != int64(mentions) || st.Duplicates != 0 {
		t.Errorf("stats %+v, want %d articles, 5 events, %d mentions", st, articles, mentions)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
	page, err := s.Events(ctx, khaldun.EventFilter{Sort: khaldun.ByMentions})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Events {
		if e.NumSources != 3 {
			t.Errorf("event %s: %d sources, want 3", e.Target.Code, e.NumSources)
		}
	}
}

func openStore(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestExportPages exports more rows than one cursor fetch holds.
func TestExportPages(t *testing.T) {
	s, ctx := openTest(t), context.Background()
	var batch []*khaldun.Coded
	for i := range 60 {
		batch = append(batch, article(fmt.Sprint("p", i), "wire", 21))
	}
	if _, err := s.Save(ctx, batch...); err != nil {
		t.Fatal(err)
	}
	n, last := 0, ""
	for m, err := range s.ExportMentions(ctx, khaldun.EventFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("p%d-%d", n/21, n%21)
		if m.Event.ID != want {
			t.Fatalf("mention %d is %s, want %s (after %s)", n, m.Event.ID, want, last)
		}
		last = m.Event.ID
		n++
	}
	if n != 60*21 || n <= fetchSize {
		t.Errorf("exported %d mentions, want %d (more than a fetch of %d)", n, 60*21, fetchSize)
	}
}
