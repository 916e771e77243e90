package coder

import (
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
