package khaldun

import "testing"

func TestScored(t *testing.T) {
	analysed := NewDocument(Article{ID: "a", Tone: -2.5})
	analysed.Sentences = []SentRef{{Span: Span{Start: 0, End: 4}}}
	skipped := NewDocument(Article{ID: "b", Skipped: "language de"})
	skipped.Sentences = analysed.Sentences
	tests := []struct {
		name string
		doc  *Document
		want *float64
	}{
		{"analysed", analysed, ptr(-2.5)},
		{"skipped for its language", skipped, nil},
		{"no sentences", NewDocument(Article{ID: "c"}), nil},
		{"no document", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Scored(tt.doc, "lexicon-x", "dev")
			if c.Doc != tt.doc || c.Dictionary != "lexicon-x" || c.Pipeline != "dev" {
				t.Fatalf("Scored = %+v", c)
			}
			switch {
			case (c.Tone == nil) != (tt.want == nil):
				t.Errorf("tone %v, want %v", c.Tone, tt.want)
			case c.Tone != nil && *c.Tone != *tt.want:
				t.Errorf("tone %v, want %v", *c.Tone, *tt.want)
			}
		})
	}
}

func ptr(f float64) *float64 { return &f }
