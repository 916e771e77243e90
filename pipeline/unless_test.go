package pipeline

import (
	"context"
	"errors"
	"iter"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/tone"
)

// Fixture texts, written for these tests.
const (
	unlessA = "Delegates from the two coastal provinces met in Tallinn on Monday to settle the fishing dispute, the mediators said."
	unlessB = "The river authority closed three bridges after heavy rain raised the water above the spring record, officials said."
)

func TestRunUnlessSkipsKnown(t *testing.T) {
	p := newTest(t, Options{})
	known := map[string]bool{ID(unlessA): true}
	tests := []struct {
		name  string
		known func(string) bool
		want  []error // per input: nil (coded), ErrKnown, ErrNoText
	}{
		{"nil known codes all", nil, []error{nil, nil, ErrNoText}},
		{"known article skipped", func(id string) bool { return known[id] }, []error{ErrKnown, nil, ErrNoText}},
		{"everything known", func(string) bool { return true }, []error{ErrKnown, ErrKnown, ErrNoText}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inputs := func(yield func(khaldun.Input, error) bool) {
				for _, body := range []string{unlessA, unlessB, " \n "} {
					if !yield(khaldun.Input{Body: []byte(body)}, nil) {
						return
					}
				}
			}
			var got []error
			err := p.RunUnless(context.Background(), iter.Seq2[khaldun.Input, error](inputs), 2, tt.known, func(r Result) error {
				if r.Err == nil && r.Doc == nil {
					t.Error("no document and no error")
				}
				got = append(got, r.Err)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d results, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if !errors.Is(got[i], tt.want[i]) || (tt.want[i] == nil) != (got[i] == nil) {
					t.Errorf("input %d: err %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// The known article's ID is the one Process gives the coded document.
func TestProcessUnlessID(t *testing.T) {
	p := newTest(t, Options{})
	doc, err := p.Process(context.Background(), khaldun.Input{Body: []byte(unlessB)})
	if err != nil {
		t.Fatal(err)
	}
	var asked string
	_, err = p.ProcessUnless(context.Background(), khaldun.Input{Body: []byte(unlessB)}, func(id string) bool { asked = id; return true })
	if !errors.Is(err, ErrKnown) || asked != doc.Article.ID {
		t.Errorf("err %v, asked %q; want ErrKnown for %q", err, asked, doc.Article.ID)
	}
}

func TestTimingReportsEveryStage(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	toner, err := tone.New()
	if err != nil {
		t.Fatal(err)
	}
	p := newTest(t, Options{
		Annotators: []khaldun.Annotator{toner},
		Timing: func(stage string, took time.Duration) {
			mu.Lock()
			defer mu.Unlock()
			if took < 0 {
				t.Errorf("%s: negative time %v", stage, took)
			}
			seen[stage]++
		},
	})
	want := []string{"norm", "boiler", "lang", "segment", "token", "pos", "tone"}
	if got := p.Stages(); !slices.Equal(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}
	for _, body := range []string{unlessA, unlessB} {
		if _, err := p.Process(context.Background(), khaldun.Input{Body: []byte(body)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range want {
		if seen[s] != 2 {
			t.Errorf("stage %s timed %d times, want 2", s, seen[s])
		}
	}
}
