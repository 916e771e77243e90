package khaldun

import (
	"context"
	"fmt"
)

// Position names a place in an input: a file (or "-" for standard input)
// and a 1-based line, 0 when the line is unknown or irrelevant.
type Position struct {
	File string
	Line int
}

func (p Position) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Input is one article as read from a file, feed or archive, before any
// analysis. Meta carries what the input said about the article (URL, title,
// source, publication date); the pipeline fills in the rest.
type Input struct {
	Origin Position
	Meta   Article
	Body   []byte
	// BodyLine is the line of the origin file on which Body starts, when
	// the body is a stretch of the file (plain text after its title), so
	// that dropped lines can be reported by their line in the file. It is 0
	// when Body is not a stretch of lines of the file (a JSON string).
	BodyLine int
}

// Annotator is a pipeline stage that reads an analysed text and adds what it
// finds (events, entities, places, ...) to the document. Stages are run in
// order and may read what earlier stages added.
type Annotator interface {
	Annotate(ctx context.Context, t *Text, d *Document) error
}
