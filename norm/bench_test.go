package norm

import (
	"strings"
	"testing"
)

// benchBody is a news-like article of about 5 KB with what norm repairs:
// decomposed accents, an invalid byte, typographic marks.
func benchBody() []byte {
	para := "The mayor of Montre\u0301al said on Tuesday that talks with the transit union \u201cwould resume next week,\u201d " +
		"after a walkout that stranded thousands of commuters \xff across the island.\n\n"
	return []byte(strings.Repeat(para, 5000/len(para)+1))
}

func BenchmarkNormalize(b *testing.B) {
	body := benchBody()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if r := Normalize(body); r.Invalid == 0 {
			b.Fatal("the invalid bytes were not counted")
		}
	}
}
