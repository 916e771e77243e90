package segment

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

const mark = "¦"

// readCases reads testdata/sentences.txt into bodies and the sentence end
// offsets marked in them.
func readCases(t testing.TB) (bodies []string, ends [][]int) {
	b, err := os.ReadFile("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
		case line == "---":
			marked := strings.Join(lines, "\n")
			var e []int
			for i := strings.Index(marked, mark); i >= 0; i = strings.Index(marked, mark) {
				e = append(e, i)
				marked = marked[:i] + marked[i+len(mark):]
			}
			bodies, ends = append(bodies, marked), append(ends, e)
			lines = lines[:0]
		default:
			lines = append(lines, line)
		}
	}
	return bodies, ends
}

func TestSentencesFixture(t *testing.T) {
	bodies, ends := readCases(t)
	if len(bodies) < 50 {
		t.Fatalf("read %d cases, want the whole fixture", len(bodies))
	}
	for i, body := range bodies {
		var got []int
		for _, s := range Sentences(body) {
			got = append(got, s.Span.End)
		}
		if !reflect.DeepEqual(got, ends[i]) {
			t.Errorf("case %d:\n%s\ngot  %s\nwant %s", i+1, body, show(body, got), show(body, ends[i]))
		}
	}
}

// show marks the sentence ends in body, the way the fixture does.
func show(body string, ends []int) string {
	var b strings.Builder
	last := 0
	for _, e := range ends {
		if e < last || e > len(body) {
			return "bad offsets"
		}
		b.WriteString(body[last:e])
		b.WriteString(mark)
		last = e
	}
	b.WriteString(body[last:])
	return b.String()
}

func TestSentencesFields(t *testing.T) {
	body := "Headline here\n\n  First one. Second one.  \r\n\r\nThird one.\n"
	want := []khaldun.Sentence{
		{Index: 0, Paragraph: 0, Span: khaldun.Span{Start: 0, End: 13}},
		{Index: 1, Paragraph: 1, Span: khaldun.Span{Start: 17, End: 27}},
		{Index: 2, Paragraph: 1, Span: khaldun.Span{Start: 28, End: 39}},
		{Index: 3, Paragraph: 2, Span: khaldun.Span{Start: 45, End: 55}},
	}
	if got := Sentences(body); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		body string
		want []khaldun.Span
	}{
		{"", nil},
		{" \n\t\n", nil},
		{"One", []khaldun.Span{{Start: 0, End: 3}}},
		{"One\ntwo\n\nThree", []khaldun.Span{{Start: 0, End: 7}, {Start: 9, End: 14}}},
		{"\n\n  One  \n \n\nTwo\n", []khaldun.Span{{Start: 4, End: 7}, {Start: 13, End: 16}}},
		{"A\r\n\r\nB", []khaldun.Span{{Start: 0, End: 1}, {Start: 5, End: 6}}},
		{"A\u00a0\n\u00a0\nB", []khaldun.Span{{Start: 0, End: 1}, {Start: 7, End: 8}}},
	}
	for _, tt := range tests {
		if got := Paragraphs(tt.body); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}

func TestAbbreviation(t *testing.T) {
	for _, w := range []string{"Mr", "U.S", "a.m", "W", "J.R.R", "Inc", "Oct", "R-Ariz", "e.g"} {
		if !Abbreviation(w) {
			t.Errorf("Abbreviation(%q) = false", w)
		}
	}
	for _, w := range []string{"", "the", "2006", "example.com", "talks", "US", "3.5", "a"} {
		if Abbreviation(w) {
			t.Errorf("Abbreviation(%q) = true", w)
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	bodies, _ := readCases(b)
	body := strings.Join(bodies, "\n\n")
	for len(body) < 64<<10 {
		body += "\n\n" + body
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(Sentences(body))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
