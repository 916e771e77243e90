package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/source"
)

func newTest(t testing.TB, opts Options) *Pipeline {
	t.Helper()
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readOne(t *testing.T, path string) khaldun.Input {
	t.Helper()
	for in, err := range source.Read(context.Background(), []string{path}, source.Options{Date: "2024-05-06"}) {
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	t.Fatalf("%s: no article", path)
	return khaldun.Input{}
}

func TestProcessScrapedPage(t *testing.T) {
	p := newTest(t, Options{WithText: true})
	doc, err := p.Process(context.Background(), readOne(t, "testdata/scraped.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := doc.Article
	if a.Title != "Rival delegations meet in Oslo" || a.Published != "2024-05-06" {
		t.Errorf("metadata: %+v", a)
	}
	var dropped []string
	for _, d := range a.Dropped {
		dropped = append(dropped, fmt.Sprintf("%d:%s", d.Line, d.Reason))
	}
	if got, want := strings.Join(dropped, " "), "3:reading-time 9:share 10:trailing-links"; got != want {
		t.Errorf("dropped %q, want %q", got, want)
	}
	for _, s := range doc.Sentences {
		if strings.Contains(s.Text, "Reading Time") || strings.Contains(s.Text, "Recipes") {
			t.Errorf("boilerplate in sentence %q", s.Text)
		}
		if a.Text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("span %v does not index the body", s.Span)
		}
	}
	if len(doc.Sentences) != 3 {
		t.Errorf("%d sentences, want 3: %+v", len(doc.Sentences), doc.Sentences)
	}
	if a.Stats.Sentences != 3 || a.Stats.Tokens == 0 || a.ID != ID(a.Text) {
		t.Errorf("stats %+v id %s", a.Stats, a.ID)
	}
}

func TestProcessBadInput(t *testing.T) {
	p := newTest(t, Options{})
	tests := []struct {
		name    string
		body    string
		err     error
		invalid int
	}{
		{"empty", "   \n\n", ErrNoText, 0},
		{"invalid utf-8", "Police arrested \xff\xfe two men.", nil, 2},
		{"nul bytes", "Troops\x00 withdrew.", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := p.Process(context.Background(), khaldun.Input{Body: []byte(tt.body)})
			if !errors.Is(err, tt.err) {
				t.Fatalf("err %v, want %v", err, tt.err)
			}
			if err == nil && doc.Article.Stats.InvalidUTF8 != tt.invalid {
				t.Errorf("invalid %d, want %d", doc.Article.Stats.InvalidUTF8, tt.invalid)
			}
		})
	}
}

// TestRunOrder checks that results come back in input order, read errors
// included, whatever the number of workers.
func TestRunOrder(t *testing.T) {
	p := newTest(t, Options{})
	inputs := func(yield func(khaldun.Input, error) bool) {
		for i := range 50 {
			var in khaldun.Input
			var err error
			if i%7 == 3 {
				err = fmt.Errorf("bad %d", i)
			} else {
				in.Meta.Title = fmt.Sprint(i)
				in.Body = []byte(strings.Repeat("The army said it shelled the town. ", i%5+1))
			}
			if !yield(in, err) {
				return
			}
		}
	}
	for _, workers := range []int{1, 2, 8} {
		i := 0
		err := p.Run(context.Background(), iter.Seq2[khaldun.Input, error](inputs), workers, func(r Result) error {
			if i%7 == 3 {
				if r.Err == nil || r.Err.Error() != fmt.Sprintf("bad %d", i) {
					t.Errorf("workers %d item %d: want read error, got %v", workers, i, r.Err)
				}
			} else if r.Err != nil || r.Doc.Article.Title != fmt.Sprint(i) {
				t.Errorf("workers %d item %d: got %v %v", workers, i, r.Doc, r.Err)
			}
			i++
			return nil
		})
		if err != nil || i != 50 {
			t.Errorf("workers %d: %d results, err %v", workers, i, err)
		}
	}
}

func TestRunCancel(t *testing.T) {
	p := newTest(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(yield func(khaldun.Input, error) bool) {
		for {
			if !yield(khaldun.Input{Body: []byte("Rebels attacked a convoy.")}, nil) {
				return
			}
		}
	}
	n := 0
	err := p.Run(ctx, endless, 2, func(Result) error {
		if n++; n == 100 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

// BenchmarkTextLayer measures normalisation, segmentation, tokenisation
// and tagging — everything before the annotators — on AllSides articles.
// It reports sentences/s besides the MB/s that SetBytes gives.
func BenchmarkTextLayer(b *testing.B) {
	path := sharedtest.Path(b, "corpora/allsides/allsides-00.jsonl.gz")
	var bodies [][]byte
	for in, err := range source.Read(context.Background(), []string{path}, source.Options{}) {
		if err == nil && len(bodies) < 500 {
			bodies = append(bodies, in.Body)
		}
	}
	size := 0
	for _, body := range bodies {
		size += len(body)
	}
	p := newTest(b, Options{})
	b.SetBytes(int64(size))
	b.ResetTimer()
	sentences := 0
	for b.Loop() {
		for _, body := range bodies {
			doc, err := p.Process(context.Background(), khaldun.Input{Body: body})
			if err != nil && !errors.Is(err, ErrNoText) {
				b.Fatal(err)
			}
			if doc != nil {
				sentences += doc.Article.Stats.Sentences
			}
		}
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

func TestProcessForeignLanguage(t *testing.T) {
	body := "Les représentants du gouvernement et des rebelles se sont rencontrés lundi à Genève pour de nouveaux pourparlers de paix, a annoncé le ministère des affaires étrangères."
	tests := []struct {
		name    string
		any     bool
		skipped string
	}{
		{"skipped", false, "language fr"},
		{"coded anyway", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTest(t, Options{AnyLanguage: tt.any})
			doc, err := p.Process(context.Background(), khaldun.Input{Body: []byte(body)})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Article.Language != "fr" || doc.Article.Skipped != tt.skipped {
				t.Errorf("language %q skipped %q, want fr %q", doc.Article.Language, doc.Article.Skipped, tt.skipped)
			}
			if analysed := len(doc.Sentences) > 0; analysed != tt.any {
				t.Errorf("analysed %v, want %v", analysed, tt.any)
			}
		})
	}
}

type panicker struct{}

func (panicker) Annotate(context.Context, *khaldun.Text, *khaldun.Document) error {
	panic("stage bug")
}

func TestProcessRecoversPanic(t *testing.T) {
	p := newTest(t, Options{Annotators: []khaldun.Annotator{panicker{}}})
	_, err := p.Process(context.Background(), khaldun.Input{Body: []byte("Rebels attacked a convoy.")})
	if !errors.Is(err, ErrPanic) || !strings.Contains(err.Error(), "stage bug") {
		t.Errorf("err %v, want ErrPanic naming the panic", err)
	}
}

func TestProcessKeepsInputID(t *testing.T) {
	p := newTest(t, Options{})
	doc, err := p.Process(context.Background(), khaldun.Input{Meta: khaldun.Article{ID: "corpus-17"}, Body: []byte("Police arrested two men.")})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Article.InputID != "corpus-17" || doc.Article.ID == "corpus-17" {
		t.Errorf("input id %q, id %q", doc.Article.InputID, doc.Article.ID)
	}
}

// FuzzProcess runs the text layer on arbitrary bytes: it must never fail
// but with ErrNoText, and every sentence span must index the body.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{"Rebels attacked.\n\nReading Time: 2 minutes", "\xff\xfe\x00", "“Why?” he asked. U.S. troops left.", ""} {
		f.Add([]byte(s))
	}
	p := newTest(f, Options{WithText: true, AnyLanguage: true})
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := p.Process(context.Background(), khaldun.Input{Body: b})
		if err != nil {
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("%q: %v", b, err)
			}
			return
		}
		for _, s := range doc.Sentences {
			if s.Span.Start < 0 || s.Span.End > len(doc.Article.Text) || s.Span.Start > s.Span.End {
				t.Fatalf("span %v outside body of %d bytes", s.Span, len(doc.Article.Text))
			}
		}
	})
}
