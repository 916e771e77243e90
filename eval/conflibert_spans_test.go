package eval

import (
	"context"
	"os"
	"reflect"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestReadSpans(t *testing.T) {
	raw, err := os.ReadFile("testdata/spans.txt")
	if err != nil {
		t.Fatal(err)
	}
	items, errs := readSpans("spans.txt", raw)
	// The third sentence has a line without a tag: reported and dropped.
	if len(items) != 3 || len(errs) != 1 || errs[0] != `spans.txt:14: want "token TAG", got 1 fields` {
		t.Fatalf("%d items, errors %q", len(items), errs)
	}
	s := items[0]
	if s.text != "Freedonia shelled Sylvania border towns ." || s.line != 1 {
		t.Errorf("text %q line %d", s.text, s.line)
	}
	if s.toks[2] != (khaldun.Span{Start: 18, End: 26}) {
		t.Errorf("token 2 at %v, want [18,26)", s.toks[2])
	}
	if want := []span{{'S', 0, 1}, {'T', 2, 5}}; !reflect.DeepEqual(s.spans, want) {
		t.Errorf("spans %v, want %v", s.spans, want)
	}
	if want := []span{{'R', 0, 3}}; !reflect.DeepEqual(items[1].spans, want) {
		t.Errorf("spans %v, want %v", items[1].spans, want)
	}
	// An I- tag with nothing to continue starts a span.
	if want := []span{{'T', 0, 1}}; !reflect.DeepEqual(items[2].spans, want) || items[2].line != 17 {
		t.Errorf("spans %v line %d, want %v line 17", items[2].spans, items[2].line, want)
	}
}

// actorAt builds an actor covering text[start:end].
func actorAt(start, end int) khaldun.Actor {
	return khaldun.Actor{Code: "X", Span: khaldun.Span{Start: start, End: end}}
}

func spanEv(src, tgt khaldun.Actor) khaldun.Event {
	return khaldun.Event{Source: src, Target: &tgt, Code: "010"}
}

func TestPredictSpans(t *testing.T) {
	// "Freedonia and Sylvania met": tokens [0,9) [10,13) [14,22) [23,26).
	toks := []khaldun.Span{{Start: 0, End: 9}, {Start: 10, End: 13}, {Start: 14, End: 22}, {Start: 23, End: 26}}
	fr, sy := actorAt(0, 9), actorAt(14, 22)
	cases := []struct {
		name string
		evs  []khaldun.Event
		want []span
	}{
		{"one event", []khaldun.Event{spanEv(fr, sy)}, []span{{'S', 0, 1}, {'T', 2, 3}}},
		// Mirrored events: each actor is source and target → R.
		{"mirrored", []khaldun.Event{spanEv(fr, sy), spanEv(sy, fr)}, []span{{'R', 0, 1}, {'R', 2, 3}}},
		// The same source in two events is one span.
		{"repeated", []khaldun.Event{spanEv(fr, sy), spanEv(fr, actorAt(23, 26))}, []span{{'S', 0, 1}, {'T', 2, 3}, {'T', 3, 4}}},
		// A span touching part of a token covers the token; one in a gap or
		// empty covers nothing.
		{"partial token", []khaldun.Event{spanEv(actorAt(5, 12), actorAt(9, 10))}, []span{{'S', 0, 2}}},
		{"no target", []khaldun.Event{{Source: fr, Code: "010"}}, []span{{'S', 0, 1}}},
	}
	for _, c := range cases {
		if got := predictSpans(toks, c.evs); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// Fixture sentences with canned predictions (hand-computed):
//
//	1 gold S[0,1) T[2,5); pred S[0,1) (exact), T[2,3) (partial)
//	2 gold R[0,3);        pred R[0,1) R[2,3) (mirrored; both partial)
//	3 gold T[0,1);        pred none
//
// gold 4, pred 4, exact 1 → P=R=F1=1/4. Partial: all 4 predictions overlap
// a gold span of their type → P=1; 3 of 4 gold spans are hit → R=3/4;
// F1 = 2·1·0.75/1.75 = 6/7. Source: 1/1/1 → F1 1; target: gold 2, pred 1,
// match 0 → 0; reciprocal: gold 1, pred 2, match 0 → 0.
func TestRunSpans(t *testing.T) {
	c := &fakeCoder{events: map[string][]khaldun.Event{
		"Freedonia shelled Sylvania border towns .": {spanEv(actorAt(0, 9), actorAt(18, 26))},
		"Freedonia and Sylvania met":                {spanEv(actorAt(0, 9), actorAt(14, 22)), spanEv(actorAt(14, 22), actorAt(0, 9))},
	}}
	rep, err := Run(context.Background(), "conflibert-spans", Options{Gold: "testdata/spans.txt"}, c)
	if err != nil {
		t.Fatal(err)
	}
	checkMetrics(t, rep, map[string]float64{
		"exact_p": 0.25, "exact_r": 0.25, "exact_f1": 0.25,
		"partial_p": 1, "partial_r": 0.75, "partial_f1": 6.0 / 7,
		"source_f1": 1, "target_f1": 0, "reciprocal_f1": 0,
	})
	if rep.N != 3 {
		t.Errorf("n = %d", rep.N)
	}
}

func FuzzReadSpans(f *testing.F) {
	if raw, err := os.ReadFile("testdata/spans.txt"); err == nil {
		f.Add(raw)
	}
	f.Add([]byte("a I-R\nb B-X\n\n\nc O\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, _ := readSpans("fuzz", data)
		for _, it := range items {
			for _, s := range it.spans {
				if s.start < 0 || s.end > len(it.toks) || s.start >= s.end {
					t.Fatalf("span %v outside %d tokens", s, len(it.toks))
				}
			}
			for _, tk := range it.toks {
				if it.text[tk.Start:tk.End] == "" {
					t.Fatal("empty token")
				}
			}
		}
	})
}
