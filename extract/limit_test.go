package extract

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// limitPage builds a page of the given shape: n paragraphs of text, n
// empty elements, or one script of n bytes, after a short real article.
func limitPage(shape string, n int) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Ferry</title></head><body><article><h1>Ferry</h1>`)
	for i := range 4 {
		fmt.Fprintf(&b, "<p>The harbour council voted on Tuesday, item %d, to restore the night ferry to the northern islands after two winters of dispute.</p>\n", i)
	}
	switch shape {
	case "text":
		for b.Len() < n {
			b.WriteString("<p>Opposition members withdrew the motion after the island cooperatives accepted the fare increase.</p>\n")
		}
	case "nodes":
		for range n {
			b.WriteString("<i></i>")
		}
	case "script":
		b.WriteString("<script>var s = '")
		for b.Len() < n {
			b.WriteString("abcdefghij")
		}
		b.WriteString("';</script>")
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		page []byte
		opt  Options
		want error  // nil: an article
		msg  string // in the error
	}{
		{"small page", limitPage("", 0), Options{}, nil, ""},
		{"over the byte limit", limitPage("script", DefaultMaxBytes+1), Options{}, ErrTooLarge, "over the limit of 4194304"},
		{"under a byte limit given", limitPage("script", 64<<10), Options{MaxBytes: 100 << 10}, nil, ""},
		{"over a byte limit given", limitPage("script", 64<<10), Options{MaxBytes: 32 << 10}, ErrTooLarge, "over the limit of 32768"},
		{"too many elements", limitPage("nodes", maxNodes), Options{}, ErrTooLarge, "more than 50000 HTML nodes"},
		{"too much text", limitPage("text", maxText*5/4), Options{}, ErrTooLarge, "bytes of text"},
		{"script text is not text", limitPage("script", 2*maxText), Options{}, nil, ""},
		{"no limits", limitPage("nodes", maxNodes), Options{MaxBytes: -1}, nil, ""},
		{"timeout", limitPage("text", 100<<10), Options{Timeout: time.Millisecond}, ErrTimeout, "timed out after 1ms"},
		{"within the timeout", limitPage("", 0), Options{Timeout: time.Minute}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract(tt.page, tt.opt)
			switch {
			case tt.want == nil && err != nil:
				t.Fatalf("error %v", err)
			case tt.want == nil && !strings.Contains(p.Article.Text, "night ferry"):
				t.Errorf("text %.200q", p.Article.Text)
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Fatalf("error %v, want %v", err, tt.want)
			case tt.want != nil && !strings.Contains(err.Error(), tt.msg):
				t.Errorf("error %q lacks %q", err, tt.msg)
			}
		})
	}
}

// BenchmarkLimits extracts pages just under each limit: the worst time a
// page can cost with the default options. B/op is all allocation, an
// upper bound on the extra heap one page needs.
func BenchmarkLimits(b *testing.B) {
	for _, c := range []struct {
		shape string
		n     int
	}{{"text", maxText - 16<<10}, {"nodes", maxNodes - 200}, {"script", DefaultMaxBytes - 1<<10}} {
		page := limitPage(c.shape, c.n)
		b.Run(c.shape, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Extract(page, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
