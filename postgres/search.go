package postgres

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/khaldun/khaldun"
)

// Evidence search folds words in Go, the same way for the stored sentence
// and for the query, and hands PostgreSQL plain lower-case words separated
// by spaces: its 'simple' configuration then indexes exactly those words,
// whatever the database's locale, and a query cannot carry tsquery syntax.
// The folding is that of the sqlite store's FTS5 tokenizer (unicode61 with
// diacritics removed): runs of letters and digits, lower-cased, accents
// dropped, so that both stores find the same events.

// foldWords splits text into its folded words.
func foldWords(text string) []string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, strings.ToLower(text))
	if err != nil {
		folded = strings.ToLower(text)
	}
	return strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// words is the text stored in a mention's evidence vector.
func words(text string) string { return strings.Join(foldWords(text), " ") }

// phrase turns a query into a tsquery of its words in sequence, the last a
// prefix, so that "peace tal" finds "peace talks" as a search box expects.
func phrase(q string) (string, error) {
	ws := foldWords(q)
	if len(ws) == 0 {
		return "", fmt.Errorf("query %q has no words: %w", q, khaldun.ErrInvalid)
	}
	return strings.Join(ws, " <-> ") + ":*", nil
}
