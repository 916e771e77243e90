package khaldun

import (
	"encoding/json"
	"fmt"
)

// Span is a half-open range [Start, End) of byte offsets into the article
// body. It is written in JSON as a two-element array.
type Span struct {
	Start, End int
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// MarshalJSON writes the span as [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", s.Start, s.End)), nil
}

// UnmarshalJSON reads a span written by MarshalJSON.
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Token is a word or punctuation mark of the body.
type Token struct {
	Text  string // as it appears in the body, Text == body[Span.Start:Span.End]
	Span  Span
	POS   string // Penn Treebank tag (NN, VBD, ...), set by the tagger
	Lemma string // lower-case dictionary form, set by the tagger
}

// Sentence is a sentence of the body with its tokens.
type Sentence struct {
	Index     int
	Paragraph int
	Span      Span
	Tokens    []Token
}

// Text is an article body made ready for analysis: normalised, stripped of
// boilerplate, segmented and tagged. Stages after tagging read it.
type Text struct {
	Body      string
	Sentences []Sentence
	// Published is the publication date as YYYY-MM-DD, or "" when unknown;
	// relative dates ("on Tuesday") resolve against it.
	Published string
}
