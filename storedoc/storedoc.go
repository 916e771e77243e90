// Package storedoc is the part of a stored article that does not depend
// on the database: which documents a store accepts, what is derived from
// a khaldun.Document before its row is written (the body as bytes and the
// JSON columns of sentences, dropped lines and statistics), and how those
// columns and a mention's location decode back. The sqlite and postgres
// stores both call it, so that an article read back from either is the
// same document.
package storedoc

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dedup"
)

// Check refuses what no store can save: a missing document, an article
// without an ID, or one without its analysed body (every span points
// into it).
func Check(a *khaldun.Coded) error {
	switch {
	case a == nil || a.Doc == nil:
		return errors.New("nil document")
	case a.Doc.Article.ID == "":
		return errors.New("article has no id")
	case a.Doc.Article.Text == "":
		return fmt.Errorf("article %s: no body (code it with the text)", a.Doc.Article.ID)
	}
	return nil
}

// Columns are the article columns encoded from a document rather than
// copied from its fields.
type Columns struct {
	Body      []byte // the analysed text, stored as bytes
	Sentences string // JSON [[start, end, paragraph, tone], ...]; see encodeSentences
	Dropped   string // JSON of Article.Dropped, [] for none
	Stats     string // JSON of Article.Stats
	// Tone is Article.Tone, the document's own mean sentence tone, kept
	// apart from khaldun.Coded.Tone (the articles.tone column the
	// aggregates average). Rows stored before the column existed scan
	// NULL and read back as tone 0, which is what they held.
	Tone *float64
}

// Encode gives the columns of d's article row.
func Encode(d *khaldun.Document) Columns {
	tone := d.Article.Tone // a copy: the columns must not alias the document
	dropped := d.Article.Dropped
	if dropped == nil {
		dropped = []khaldun.Dropped{} // "[]", never "null", in the column
	}
	return Columns{Body: []byte(d.Article.Text), Sentences: encodeSentences(d.Sentences), Dropped: JSON(dropped),
		Stats: JSON(d.Article.Stats), Tone: &tone}
}

// JSON encodes values made of Go types that always encode; "null" stands
// for the impossible failure rather than an error every caller would
// have to carry.
func JSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// Decode rebuilds the document of an article row: a holds the plain
// fields read, c the encoded columns. Each sentence gets its text back
// from the body.
func Decode(a khaldun.Article, c Columns) (*khaldun.Document, error) {
	a.Text = string(c.Body)
	sents, serr := decodeSentences(c.Sentences)
	if err := errors.Join(serr, json.Unmarshal([]byte(c.Dropped), &a.Dropped),
		json.Unmarshal([]byte(c.Stats), &a.Stats)); err != nil {
		return nil, fmt.Errorf("decode article columns: %w", err)
	}
	if c.Tone != nil {
		a.Tone = *c.Tone
	}
	doc := khaldun.NewDocument(a)
	for i := range sents {
		sents[i].Text = Slice(a.Text, sents[i].Span)
	}
	doc.Sentences = sents
	return doc, nil
}

// Slice returns body[s], or "" when the span does not fit the body: a
// damaged row must not panic a reader.
func Slice(body string, s khaldun.Span) string {
	if s.Start < 0 || s.End > len(body) || s.Start > s.End {
		return ""
	}
	return body[s.Start:s.End]
}

// Location decodes the location column of mention id, stored by JSON.
func Location(id, column string) (*khaldun.Location, error) {
	l := new(khaldun.Location)
	if err := json.Unmarshal([]byte(column), l); err != nil {
		return nil, fmt.Errorf("mention %s location: %w", id, err)
	}
	return l, nil
}

// Prepare checks every article of a batch and sketches its body for
// near-duplicate detection: the CPU-heavy part of a save, which a store
// does before it takes any lock. An article too short to sketch gets a
// nil sketch.
func Prepare(arts []*khaldun.Coded) ([]*dedup.Sketch, error) {
	sketches := make([]*dedup.Sketch, len(arts))
	for i, a := range arts {
		if err := Check(a); err != nil {
			return nil, err
		}
		if sk, err := dedup.New(a.Doc.Article.Text); err == nil {
			sketches[i] = &sk
		}
	}
	return sketches, nil
}
