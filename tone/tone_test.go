package tone

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/segment"
)

func newAnnotator(tb testing.TB) *Annotator {
	tb.Helper()
	a, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func TestSentence(t *testing.T) {
	a := newAnnotator(t)
	cases := []struct {
		text     string
		min, max float64
	}{
		{"The two leaders praised the warm and friendly talks.", 30, 100},
		{"Rebels massacred villagers and burned the market in a brutal attack.", -100, -30},
		{"The committee meets on Tuesday in the capital.", -5, 5},
		{"The ceasefire was not a success.", -100, -1},
		{"", 0, 0},
	}
	for _, c := range cases {
		if got := a.Sentence(c.text); got < c.min || got > c.max {
			t.Errorf("%q: tone %.1f, want %.0f..%.0f", c.text, got, c.min, c.max)
		}
	}
}

func text(body string) *khaldun.Text {
	return &khaldun.Text{Body: body, Sentences: segment.Sentences(body)}
}

func TestArticleIsMeanOfSentences(t *testing.T) {
	a := newAnnotator(t)
	body := "Aid workers welcomed the generous donation. Shelling killed nine people and destroyed a clinic. The talks resume next week."
	tx := text(body)
	sum := 0.0
	for _, s := range tx.Sentences {
		sum += a.Sentence(body[s.Span.Start:s.Span.End])
	}
	if got, want := a.Article(tx), sum/float64(len(tx.Sentences)); got != want || len(tx.Sentences) != 3 {
		t.Errorf("article %.2f, want mean %.2f over %d sentences", got, want, len(tx.Sentences))
	}
	if a.Article(nil) != 0 || a.Article(text("")) != 0 {
		t.Error("empty text has a tone")
	}
	// A span outside the body is skipped, not a panic.
	bad := &khaldun.Text{Body: "short", Sentences: []khaldun.Sentence{{Span: khaldun.Span{Start: 2, End: 99}}}}
	if a.Article(bad) != 0 {
		t.Error("bad span scored")
	}
	if err := a.Annotate(context.Background(), tx, khaldun.NewDocument(khaldun.Article{})); err != nil {
		t.Error(err)
	}
}

// The seed article reports reconciliation talks with a war in the
// background: mildly positive per sentence, while VADER on the whole body
// saturates towards +100.
func TestSharedSeedArticle(t *testing.T) {
	raw, err := os.ReadFile(sharedtest.Path(t, "seed/article.txt"))
	if err != nil {
		t.Skipf("seed article not found (%v)", err)
	}
	a := newAnnotator(t)
	mean, whole := a.Article(text(string(raw))), a.Sentence(string(raw))
	if mean <= 0 || mean >= 60 || whole < 90 {
		t.Errorf("seed article: mean sentence tone %.1f, whole-body tone %.1f; want 0..60 and ≥ 90", mean, whole)
	}
}

func FuzzSentence(f *testing.F) {
	a := newAnnotator(f)
	f.Add("Great news :) but the war is terrible!!!")
	f.Add(strings.Repeat("no ", 50))
	f.Fuzz(func(t *testing.T, s string) {
		if v := a.Sentence(s); v < -100 || v > 100 || v != v {
			t.Fatalf("tone %v", v)
		}
	})
}

func BenchmarkSentence(b *testing.B) {
	a := newAnnotator(b)
	s := "Police fired tear gas at thousands of protesters, injuring at least twelve, officials said on Monday."
	for b.Loop() {
		a.Sentence(s)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func TestAnnotateSetsTones(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	body := "The ceasefire brought welcome relief. Shelling killed ten people."
	txt := &khaldun.Text{Body: body, Sentences: []khaldun.Sentence{
		{Index: 0, Span: khaldun.Span{Start: 0, End: 37}},
		{Index: 1, Span: khaldun.Span{Start: 38, End: len(body)}},
	}}
	d := khaldun.NewDocument(khaldun.Article{})
	d.Sentences = []khaldun.SentRef{{Span: txt.Sentences[0].Span}, {Span: txt.Sentences[1].Span}}
	d.Events = []khaldun.Event{{Sentence: 1}}
	if err := a.Annotate(context.Background(), txt, d); err != nil {
		t.Fatal(err)
	}
	if d.Sentences[0].Tone <= 0 || d.Sentences[1].Tone >= 0 {
		t.Errorf("sentence tones %v %v", d.Sentences[0].Tone, d.Sentences[1].Tone)
	}
	if d.Events[0].Tone != d.Sentences[1].Tone {
		t.Errorf("event tone %v, want its sentence's %v", d.Events[0].Tone, d.Sentences[1].Tone)
	}
	if want := (d.Sentences[0].Tone + d.Sentences[1].Tone) / 2; d.Article.Tone != want {
		t.Errorf("article tone %v, want %v", d.Article.Tone, want)
	}
}
