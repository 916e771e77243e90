package dedup

import (
	"strings"
	"testing"
)

// Fixtures are written for these tests: a wire story, a reprint with a new
// headline and a trailing paragraph, and an independent report of the same
// event in other words.
const (
	wire = `GENEVA (Wire) — Delegations from both governments met in Geneva on Tuesday
for a third round of talks on a ceasefire, officials said, after weeks of shelling
along the northern border. The talks, hosted by the foreign ministry, were expected
to last two days. "We are ready to sign if the other side withdraws its artillery,"
the lead negotiator told reporters outside the hotel. Aid groups said thousands of
families had fled the border villages since the start of the month.`
	reprint = `Ceasefire talks resume in Geneva

GENEVA (Wire) - Delegations from both governments met in Geneva on Tuesday for a
third round of talks on a ceasefire, officials said, after weeks of shelling along
the northern border. The talks, hosted by the foreign ministry, were expected to
last two days. "We are ready to sign if the other side withdraws its artillery," the
lead negotiator told reporters outside the hotel. Aid groups said thousands of
families had fled the border villages since the start of the month.
This story has been updated with comment from aid groups.`
	independent = `Negotiators sat down again in Switzerland this week. The two sides, whose
armies have traded artillery fire for a month, are discussing a truce; one envoy
said an agreement depended on guns being pulled back from the frontier, while
relief agencies counted the displaced in the thousands.`
)

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		dup    bool
		minSim float64
	}{
		{"identical", wire, wire, true, 1},
		{"layout and case only", wire, strings.ToUpper(strings.ReplaceAll(wire, "\n", " ")), true, 1},
		{"reprint with headline and update", wire, reprint, true, 0.6},
		{"independent report", wire, independent, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := New(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			b, err := New(tt.b)
			if err != nil {
				t.Fatal(err)
			}
			sim := a.Similarity(&b)
			if (sim >= Threshold) != tt.dup || sim < tt.minSim {
				t.Errorf("similarity %.2f, want dup=%v and ≥ %.2f", sim, tt.dup, tt.minSim)
			}
			if tt.dup && !shareBand(&a, &b) {
				t.Errorf("duplicates share no LSH band (similarity %.2f)", sim)
			}
		})
	}
}

func shareBand(a, b *Sketch) bool {
	ka, kb := a.BandKeys(), b.BandKeys()
	for i := range ka {
		if ka[i] == kb[i] {
			return true
		}
	}
	return false
}

func TestShort(t *testing.T) {
	for _, text := range []string{"", "   ", "one two three four five six seven eight nine", "—,.;"} {
		if _, err := New(text); err != ErrShort {
			t.Errorf("New(%q) error %v, want ErrShort", text, err)
		}
	}
	if n := Shingles("a b c d e f g h i j", func(uint64) {}); n != MinWords-ShingleWords+1 {
		t.Errorf("10 words gave %d shingles", n)
	}
}

func TestBinary(t *testing.T) {
	s, err := New(wire)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.MarshalBinary()
	var back Sketch
	if err := back.UnmarshalBinary(b); err != nil || back != s {
		t.Fatalf("round trip: %v", err)
	}
	if err := back.UnmarshalBinary(b[1:]); err == nil {
		t.Error("short sketch accepted")
	}
}

// FuzzShingles checks that any text, valid UTF-8 or not, sketches without
// panicking, deterministically, with no more shingles than words.
func FuzzShingles(f *testing.F) {
	for _, s := range []string{wire, independent, "", "a", "\xff\xfe words \x00 here", strings.Repeat("x ", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var first []uint64
		n := Shingles(text, func(h uint64) { first = append(first, h) })
		if n != len(first) || n > len(strings.Fields(text))+len(text) {
			t.Fatalf("%d shingles, %d reported", len(first), n)
		}
		i := 0
		Shingles(text, func(h uint64) {
			if i >= len(first) || first[i] != h {
				t.Fatal("shingles not deterministic")
			}
			i++
		})
		s, err := New(text)
		if (err == nil) != (n > 0) {
			t.Fatalf("New error %v with %d shingles", err, n)
		}
		if err == nil && s.Similarity(&s) != 1 {
			t.Fatal("sketch not similar to itself")
		}
	})
}
