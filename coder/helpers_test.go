package coder

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/petrarch"
	"github.com/khaldun/khaldun/pipeline"
)

// sharedDir is the shared evaluation data; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

func validationDict(t testing.TB) (*dict.Dictionary, string) {
	base := filepath.Join(sharedDir(t), "data", "events", "petrarch2", "data")
	d, err := petrarch.LoadFiles(petrarch.Validation(filepath.Join(base, "dictionaries")))
	if err != nil {
		t.Logf("dictionary errors (lines skipped):\n%v", err)
	}
	return d, filepath.Join(base, "text", "PETR.UnitTest.records.xml")
}

var (
	textLayerOnce sync.Once
	textLayer     *pipeline.Pipeline
	textLayerErr  error
)

// prepare runs the pipeline's text layer (segment, token, pos) on body.
func prepare(t testing.TB, body, published string) *khaldun.Text {
	t.Helper()
	textLayerOnce.Do(func() { textLayer, textLayerErr = pipeline.New(pipeline.Options{}) })
	if textLayerErr != nil {
		t.Fatal(textLayerErr)
	}
	return textLayer.Prepare(body, published)
}

// codeInBounds codes body and fails when an event's span leaves the text:
// the check every fuzz target of the coder makes.
func codeInBounds(t *testing.T, c *Coder, body, date string) {
	t.Helper()
	text := prepare(t, body, date)
	doc := khaldun.NewDocument(khaldun.Article{})
	if err := c.Annotate(context.Background(), text, doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Events {
		if e.Span.Start < 0 || e.Span.End > len(text.Body) || e.Span.Start > e.Span.End {
			t.Fatalf("event span %v outside a body of %d bytes", e.Span, len(text.Body))
		}
	}
}
