package count

import (
	"context"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/pos"
	"github.com/khaldun/khaldun/segment"
	"github.com/khaldun/khaldun/token"
)

var (
	taggerOnce sync.Once
	tagger     *pos.Tagger
	taggerErr  error
)

// prepare runs the text layer the way the pipeline does.
func prepare(tb testing.TB, body string) *khaldun.Text {
	tb.Helper()
	taggerOnce.Do(func() { tagger, taggerErr = pos.Default() })
	if taggerErr != nil {
		tb.Fatal(taggerErr)
	}
	sents := segment.Sentences(body)
	for i := range sents {
		sents[i].Tokens = token.Tokenize(body, sents[i].Span)
		tagger.Tag(sents[i].Tokens)
	}
	return &khaldun.Text{Body: body, Sentences: sents}
}

func annotate(tb testing.TB, body string) []khaldun.Count {
	tb.Helper()
	d := khaldun.NewDocument(khaldun.Article{})
	if err := New().Annotate(context.Background(), prepare(tb, body), d); err != nil {
		tb.Fatal(err)
	}
	return d.Counts
}
