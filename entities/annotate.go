package entities

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/khaldun/khaldun"
)

//go:embed model/en.bin.gz
var defaultModel []byte

var (
	defaultOnce  sync.Once
	defaultValue *Model
	defaultErr   error
)

// Default returns the model that ships with khaldun, trained on CoNLL-2003
// English. It is decoded on first use only.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultValue, defaultErr = Load(bytes.NewReader(defaultModel))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("entities: embedded model: %w", defaultErr)
		}
	})
	return defaultValue, defaultErr
}

// Annotator finds named entities and adds them to a document. It
// implements khaldun.Annotator and is safe for concurrent use.
type Annotator struct {
	t *tagger
}

// New returns an Annotator with the shipped model and khaldun's own
// dictionaries.
func New() (*Annotator, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return NewWithModel(m)
}

// NewWithModel returns an Annotator using m, for models trained by the
// caller.
func NewWithModel(m *Model) (*Annotator, error) {
	if m == nil {
		return nil, fmt.Errorf("entities: no model")
	}
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	return &Annotator{t: newTagger(m, g)}, nil
}

// Annotate appends one khaldun.Entity per mention, in text order. A
// mention that refers back to an earlier one (a surname after the full
// name, an acronym after its expansion) carries the earlier one's actor
// code; Mentions exposes the link itself.
func (a *Annotator) Annotate(ctx context.Context, t *khaldun.Text, d *khaldun.Document) error {
	ms, err := a.Mentions(ctx, t)
	if err != nil {
		return err
	}
	for _, m := range ms {
		d.Entities = append(d.Entities, m.Entity)
	}
	return nil
}

// Mention is an entity mention with its place in the text and its link.
type Mention struct {
	khaldun.Entity
	Sentence int // index into Text.Sentences
	// Ref is the index, in the same list, of the first mention of the
	// name this one refers back to, or -1. Links are not chained: every
	// mention of a name points at the first.
	Ref int
}

// Mentions returns the entity mentions of a text in order, linked within
// the text.
func (a *Annotator) Mentions(ctx context.Context, t *khaldun.Text) ([]Mention, error) {
	s := a.t.pool.Get().(*scratch)
	defer a.t.pool.Put(s)
	l := newLinker(a.t.gaz, t.Published)
	for si := range t.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		toks := t.Sentences[si].Tokens
		spans := a.t.spans(toks, s)
		l.sentence(t.Body, si, toks, s.info, spans)
	}
	return l.out, nil
}
