package geo

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/pipeline"
)

// testPipeline is the text layer with the toponym stage, as the lead
// will wire it.
func testPipeline(tb testing.TB) (*pipeline.Pipeline, *Annotator) {
	tb.Helper()
	a, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Annotators: []khaldun.Annotator{a}, KeepBoilerplate: true})
	if err != nil {
		tb.Fatal(err)
	}
	return p, a
}

func annotate(tb testing.TB, p *pipeline.Pipeline, text string) *khaldun.Document {
	tb.Helper()
	doc, err := p.Process(context.Background(), khaldun.Input{Body: []byte(text)})
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func TestPlaces(t *testing.T) {
	p, _ := testPipeline(t)
	cases := []struct {
		text string
		want []string // "Text=ISO3" or "Text=ISO3/admin1", in order
	}{
		{"Ministers met in Beijing on Tuesday.", []string{"Beijing=CHN"}},
		{"An air strike near Khan Yunis killed four people.", []string{"Khan Yunis=PSE"}},
		{"The talks in Qatar in March ended without a deal.", []string{"Qatar=QAT"}},
		{"Police said the fire started late on Friday.", nil},
		{"Aid agencies asked the Commission for more money.", nil},
		{"The festival in Long Beach, Calif., drew large crowds.", []string{"Long Beach=USA/CA", "Calif.=USA/CA"}},
		{"The USA team won the final.", []string{"USA=USA"}},
		{"Syrian troops entered Aleppo after the Turkish offensive.", []string{"Syrian=SYR", "Aleppo=SYR", "Turkish=TUR"}},
		{"Washington said it would send envoys to Turkey.", []string{"Washington=USA/DC", "Turkey=TUR"}},
		{"Michael Jordan visited the camp in Jordan.", []string{"Jordan=JOR"}},
		{"The Paris-based group works in Mali and Niger.", []string{"Paris=FRA", "Mali=MLI", "Niger=NER"}},
		{"Flooding hit Springfield, Illinois, and parts of Missouri.", []string{"Springfield=USA/IL", "Illinois=USA/IL", "Missouri=USA/MO"}},
		{"The Washington Post reported the vote.", nil},
		{"Paris Hilton arrived late.", nil},
		{"Residents of Paris, Texas, voted on Tuesday.", []string{"Paris=USA/TX", "Texas=USA/TX"}},
		{"The port of Long Beach, CA reopened.", []string{"Long Beach=USA/CA"}},
		{"US officials and UK diplomats met.", []string{"US=USA", "UK=GBR"}},
		{"The Commission said Aid would arrive by March.", nil},
		{"European leaders gathered as Asian markets fell.", []string{"European=", "Asian="}},
		{"She grew up in Geneva and studied in St. Petersburg.", []string{"Geneva=CHE", "St. Petersburg=RUS"}},
		{"Voters in Scotland and Wales went to the polls.", []string{"Scotland=GBR", "Wales=GBR"}},
		{"Officials in Marion County said roads were closed.", nil},
		{"The EU and NATO issued a statement.", nil},
	}
	for _, c := range cases {
		doc := annotate(t, p, c.text)
		var got []string
		for _, pl := range doc.Places {
			s := pl.Text + "=" + pl.Country
			if pl.Country == "USA" && pl.Admin1 != "" {
				s += "/" + pl.Admin1
			}
			got = append(got, s)
		}
		if !equal(got, c.want) {
			t.Errorf("%q:\n got %v\nwant %v", c.text, got, c.want)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTrapsResolve(t *testing.T) {
	p, _ := testPipeline(t)
	doc := annotate(t, p, "Troops from the USA arrived in Sydney, Australia, then moved to Long Beach, California.")
	for _, pl := range doc.Places {
		switch pl.Text {
		case "USA":
			if pl.Name != "United States" {
				t.Errorf("USA resolved to %q", pl.Name)
			}
		case "Long Beach":
			if pl.Country != "USA" {
				t.Errorf("Long Beach, California resolved to %s", pl.Country)
			}
		case "Sydney":
			if pl.Country != "AUS" {
				t.Errorf("Sydney, Australia resolved to %s", pl.Country)
			}
		}
	}
	if len(doc.Places) != 5 {
		t.Errorf("places %v", doc.Places)
	}
}

func TestResolveSpans(t *testing.T) {
	p, a := testPipeline(t)
	text := "Rescuers reached Springfield after flooding in Illinois; the Elm Street bridge held."
	tx := p.Prepare(text, "")
	span := func(s string) khaldun.Span {
		i := strings.Index(text, s)
		return khaldun.Span{Start: i, End: i + len(s)}
	}
	got := a.ResolveSpans(tx, []khaldun.Span{span("Springfield"), span("Elm Street"), {Start: -1, End: 4}, {Start: 3, End: 999}})
	if len(got) != 4 || got[0] == nil || got[0].Admin1 != "IL" || got[1] != nil || got[2] != nil || got[3] != nil {
		t.Errorf("ResolveSpans = %v", got)
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{"Ministers met in Beijing.", "Long Beach, Calif., Paris-based", "U.S.-led, , ,", "\xff\xfe in", "In"} {
		f.Add(s)
	}
	p, a := testPipeline(f)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := p.Process(context.Background(), khaldun.Input{Body: []byte(s)})
		if err != nil {
			return
		}
		for _, pl := range doc.Places {
			if pl.Span.Start < 0 || pl.Span.End <= pl.Span.Start || pl.Text == "" {
				t.Fatalf("bad place %+v", pl)
			}
		}
		tx := p.Prepare(s, "")
		for _, se := range tx.Sentences {
			a.Attach(doc, se, nil, se.Span)
			a.ResolveSpans(tx, []khaldun.Span{se.Span})
		}
	})
}

// BenchmarkAnnotate measures the toponym stage alone, on tagged text.
func BenchmarkAnnotate(b *testing.B) {
	p, a := testPipeline(b)
	text := strings.Repeat("Ministers from Turkey and Russia met in Moscow on Monday to discuss Syria. "+
		"An air strike near Khan Younis killed four people, officials in Gaza said. "+
		"The Paris-based group said aid had reached Springfield, Illinois, and parts of Missouri. ", 20)
	tx := p.Prepare(text, "")
	b.ResetTimer()
	for b.Loop() {
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := a.Annotate(context.Background(), tx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(tx.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkPipeline measures the text layer with the toponym stage, the
// figure that must stay above 2,000 sentences/s per core.
func BenchmarkPipeline(b *testing.B) {
	p, _ := testPipeline(b)
	body := []byte(strings.Repeat("Ministers from Turkey and Russia met in Moscow on Monday to discuss Syria. "+
		"An air strike near Khan Younis killed four people, officials in Gaza said. "+
		"The Paris-based group said aid had reached Springfield, Illinois, and parts of Missouri. "+
		"Prices rose for the third month in a row, the statistics office said on Friday. ", 10))
	sentences := 0
	for b.Loop() {
		doc, err := p.Process(context.Background(), khaldun.Input{Body: body})
		if err != nil {
			b.Fatal(err)
		}
		sentences += doc.Article.Stats.Sentences
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

func TestConcurrent(t *testing.T) {
	p, a := testPipeline(t)
	text := "Ministers met in Beijing. Troops left Aleppo, Syria, for Idlib."
	want := annotate(t, p, text).Places
	tx := p.Prepare(text, "")
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			doc := khaldun.NewDocument(khaldun.Article{})
			if err := a.Annotate(context.Background(), tx, doc); err != nil || len(doc.Places) != len(want) {
				errs <- fmt.Sprintf("err %v, places %v", err, doc.Places)
				return
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Annotate(ctx, tx, khaldun.NewDocument(khaldun.Article{})); err == nil {
		t.Error("Annotate ignores a cancelled context")
	}
}

// TestDeterministic: the same text resolves the same way on every run (Go
// randomises map order, which once decided the anchors).
func TestDeterministic(t *testing.T) {
	p, _ := testPipeline(t)
	text := "Officials met in Springfield and Portland before flying to Paris, Jackson and Columbia. " +
		"Later talks in Georgia, Victoria and Alexandria were cancelled, officials in Washington said."
	first := annotate(t, p, text).Places
	for range 20 {
		again := annotate(t, p, text).Places
		if len(again) != len(first) {
			t.Fatalf("%d places, then %d", len(first), len(again))
		}
		for i := range first {
			if first[i] != again[i] {
				t.Fatalf("place %d: %+v, then %+v", i, first[i], again[i])
			}
		}
	}
}
