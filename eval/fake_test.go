package eval

import (
	"context"
	"errors"
	"sync"

	"github.com/khaldun/khaldun"
)

// fakeCoder returns canned events keyed by Meta.ID, else by body text, and
// records what it was asked so tests can check the inputs eval builds.
type fakeCoder struct {
	events map[string][]khaldun.Event
	fail   map[string]bool // ids (or texts) to fail on
	mu     sync.Mutex
	seen   map[string]khaldun.Input
}

func (f *fakeCoder) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f.mu.Lock()
	if f.seen == nil {
		f.seen = map[string]khaldun.Input{}
	}
	f.seen[in.Meta.ID] = in
	f.mu.Unlock()
	key := in.Meta.ID
	if _, ok := f.events[key]; !ok {
		key = string(in.Body)
	}
	if f.fail[key] {
		return nil, errors.New("canned failure")
	}
	d := khaldun.NewDocument(in.Meta)
	d.Events = append(d.Events, f.events[key]...)
	return d, nil
}

// ev builds an event; tgt "" means no target.
func ev(src, tgt, code string) khaldun.Event {
	e := khaldun.Event{Source: khaldun.Actor{Code: src}, Code: code, Root: cameoRoot(code)}
	if tgt != "" {
		e.Target = &khaldun.Actor{Code: tgt}
	}
	return e
}
