package token

import (
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/segment"
)

func FuzzTokenize(f *testing.F) {
	for _, tt := range tokenTests {
		f.Add(tt.in, 0, len(tt.in))
	}
	f.Add("n't \xff’s\xe2\x80 'll", 0, 12)
	f.Add("U.S.-", 1, 5)
	f.Fuzz(func(t *testing.T, body string, start, end int) {
		s := khaldun.Span{Start: start, End: end}
		last := max(start, 0)
		for _, tok := range Tokenize(body, s) {
			sp := tok.Span
			if sp.Start < last || sp.End <= sp.Start || sp.End > min(end, len(body)) {
				t.Fatalf("token %+v out of order or outside %v (len %d)", tok, s, len(body))
			}
			if tok.Text != body[sp.Start:sp.End] {
				t.Fatalf("token %+v: text is not body[span]", tok)
			}
			if strings.TrimFunc(tok.Text, segment.IsSpace) == "" {
				t.Fatalf("token %+v is white space", tok)
			}
			last = sp.End
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	// The segmenter's fixture is the project's own text.
	raw, err := os.ReadFile("../segment/testdata/sentences.txt")
	if err != nil {
		b.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(raw), "\n") {
		if l != "---" && !strings.HasPrefix(l, "#") {
			lines = append(lines, strings.ReplaceAll(l, "¦", ""))
		}
	}
	body := strings.Join(lines, "\n")
	for len(body) < 64<<10 {
		body += "\n" + body
	}
	sents := segment.Sentences(body)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var buf []khaldun.Token
	n := 0
	for b.Loop() {
		for _, s := range sents {
			buf = AppendTokens(buf[:0], body, s.Span)
			n += len(buf)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
