package timex

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/pipeline"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// prepare runs the text layer so that tests see the tokens and tags the
// annotator sees in the pipeline.
func prepare(t testing.TB, body, published string) *khaldun.Text {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe.Prepare(body, published)
}

// Reference dates: 2024-05-02 is a Thursday, in ISO week 18.
const thu = "2024-05-02"

type want struct{ text, typ, value string }

func TestFind(t *testing.T) {
	cases := []struct {
		pub, body string
		want      []want
	}{
		// Explicit dates in the common formats.
		{thu, "The accord was signed on April 30, 2024, in Geneva.", []want{{"April 30, 2024", Date, "2024-04-30"}}},
		{thu, "Talks resumed on 30 April 2024.", []want{{"30 April 2024", Date, "2024-04-30"}}},
		{thu, "The filing is dated 2024-04-30 and 4/29/2024.", []want{{"2024-04-30", Date, "2024-04-30"}, {"4/29/2024", Date, "2024-04-29"}}},
		{thu, "Rebels seized the town on Apr. 30.", []want{{"Apr. 30", Date, "2024-04-30"}}},
		{thu, "The ceasefire collapsed on the 30th.", []want{{"the 30th", Date, "2024-04-30"}}},
		{thu, "Monday, April 29 was quiet.", []want{{"Monday, April 29", Date, "2024-04-29"}}},
		// Months, years, decades, seasons.
		{thu, "Protests began in February.", []want{{"February", Date, "2024-02"}}},
		// A fronted expression takes the sentence's tense: past, so last
		// December, not the nearer December ahead.
		{thu, "In December, the envoy met the rebels.", []want{{"December", Date, "2023-12"}}},
		{thu, "In December, the envoy will meet the rebels.", []want{{"December", Date, "2024-12"}}},
		{thu, "Elections are set for November.", []want{{"November", Date, "2024-11"}}},
		{thu, "The treaty of February 2019 lapsed in 2006.", []want{{"February 2019", Date, "2019-02"}, {"2006", Date, "2006"}}},
		{thu, "The war of the 1990s left scars.", []want{{"the 1990s", Date, "199X"}}},
		{thu, "The army withdrew last fall.", []want{{"last fall", Date, "2023-FA"}}},
		// Relative to publication.
		{thu, "Police arrested him on Tuesday.", []want{{"Tuesday", Date, "2024-04-30"}}},
		{thu, "The ministers will meet on Tuesday.", []want{{"Tuesday", Date, "2024-05-07"}}},
		{thu, "Troops left today and rebels returned yesterday.", []want{{"today", Date, "2024-05-02"}, {"yesterday", Date, "2024-05-01"}}},
		{thu, "The envoy arrives tomorrow.", []want{{"tomorrow", Date, "2024-05-03"}}},
		{thu, "Fighting intensified last week.", []want{{"last week", Date, "2024-W17"}}},
		{thu, "Aid stalled this month.", []want{{"this month", Date, "2024-05"}}},
		{thu, "Talks failed earlier this month.", []want{{"earlier this month", Date, "2024-05"}}},
		{thu, "Exports fell last year.", []want{{"last year", Date, "2023"}}},
		{thu, "The siege has lasted since October 7.", []want{{"October 7", Date, "2023-10-07"}}},
		{thu, "Two days later the army withdrew.", []want{{"Two days later", Date, "2024-05-04"}}},
		{thu, "Rebels attacked three days ago.", []want{{"three days ago", Date, "2024-04-29"}}},
		{thu, "Shelling began Tuesday night and resumed Monday morning.", []want{{"Tuesday night", Time, "2024-04-30TNI"}, {"Monday morning", Time, "2024-04-29TMO"}}},
		{thu, "The government is now divided.", []want{{"now", Date, "PRESENT_REF"}}},
		// The preposition before a date can settle its direction: "since"
		// looks back, "until" and "by" take the nearer occurrence, "as
		// early as" looks ahead.
		{thu, "Police held him until Tuesday.", []want{{"Tuesday", Date, "2024-04-30"}}},
		{"2024-04-29", "The relatives have until Tuesday to sign.", []want{{"Tuesday", Date, "2024-04-30"}}},
		{thu, "The group could leave as early as Tuesday.", []want{{"Tuesday", Date, "2024-05-07"}}},
		// A past clause naming a day soon ahead reports a plan; a month
		// alone stays in the past.
		{"2024-11-02", "The bank extended its offer to Nov. 20.", []want{{"Nov. 20", Date, "2024-11-20"}}},
		{"2024-11-02", "The strike began in December.", []want{{"December", Date, "2023-12"}}},
		// Passive present is not past; "is to" is future; the verb before an
		// expression governs it, not an infinitive after it.
		{thu, "The appeal is heard in June.", []want{{"June", Date, "2024-06"}}},
		{thu, "Trading is to resume Tuesday.", []want{{"Tuesday", Date, "2024-05-07"}}},
		{"2024-05-01", "The team planned to leave Nairobi on Thursday for Dar es Salaam.", []want{{"Thursday", Date, "2024-05-02"}}},
		{"2024-11-02", "He stepped down as chairman, president and chief executive in March.", []want{{"March", Date, "2024-03"}}},
		// Anaphoric relatives count from the date last mentioned.
		{thu, "He was promoted on May 22, 1995, and the following year he moved to Rome.", []want{{"May 22, 1995", Date, "1995-05-22"}, {"the following year", Date, "1996"}}},
		// Unmeasured stretches from now are vague references.
		{thu, "Profits fell over the past several quarters and may rise in coming months; these days few invest.", []want{{"the past several quarters", Date, "PAST_REF"}, {"coming months", Date, "FUTURE_REF"}, {"these days", Date, "PRESENT_REF"}}},
		// Durations, times, sets: recognised, typed, not dates.
		{thu, "Strikes continued for three days and two weeks.", []want{{"three days", Duration, "P3D"}, {"two weeks", Duration, "P2W"}}},
		{thu, "The blast came at 10:30 a.m. on Tuesday.", []want{{"10:30 a.m.", Time, "2024-05-02T10:30"}, {"Tuesday", Date, "2024-04-30"}}},
		{thu, "Patrols run daily.", []want{{"daily", Set, "P1D"}}},
		// Quarters and the reference time.
		{"2024-10-24", "Third-quarter profit rose, above a year earlier.", []want{{"Third-quarter", Date, "2024-Q3"}, {"a year earlier", Date, "2023-Q3"}}},
		// No publication date: what is known, X for the rest.
		{"", "Police arrested him on April 30.", []want{{"April 30", Date, "XXXX-04-30"}}},
		// Words that are not dates here.
		{thu, "You may march in the spring rally if prices fall.", nil},
		{thu, "He paid $2000 for 1990 rifles.", nil},
	}
	a := New()
	for _, c := range cases {
		got := a.Find(prepare(t, c.body, c.pub))
		var g []want
		for _, x := range got {
			g = append(g, want{x.Text, x.Type, x.Value})
		}
		if len(g) != len(c.want) {
			t.Errorf("%q (%s): got %v, want %v", c.body, c.pub, g, c.want)
			continue
		}
		for i := range g {
			if g[i] != c.want[i] {
				t.Errorf("%q (%s): got %v, want %v", c.body, c.pub, g[i], c.want[i])
			}
		}
	}
}

func TestResolve(t *testing.T) {
	a := New()
	cases := []struct {
		phrase string
		tense  Tense
		want   string
	}{
		{"on Tuesday", Past, "2024-04-30"},
		{"on Tuesday", Future, "2024-05-07"},
		{"Thursday", Unknown, "2024-05-02"}, // the publication day itself
		{"Thursday", Future, "2024-05-02"},
		{"last Thursday", Unknown, "2024-04-25"},
		{"next Thursday", Unknown, "2024-05-09"},
		{"in February", Past, "2024-02"},
		{"in February", Future, "2025-02"},
		{"since October 7", Unknown, "2023-10-07"},
		{"in June", Past, "2023-06"},
		{"in June", Future, "2024-06"},
		{"the 1990s", Unknown, "199X"},
		{"last week", Unknown, "2024-W17"},
		{"next month", Unknown, "2024-06"},
		{"a decade ago", Unknown, "2014"},
		{"for three days", Unknown, "P3D"},
		{"Christmas", Past, "2023-12-25"},
		{"Thanksgiving", Past, "2023-11-23"},
	}
	for _, c := range cases {
		if got, ok := a.Resolve(c.phrase, thu, c.tense); !ok || got != c.want {
			t.Errorf("Resolve(%q, %v) = %q, %v; want %q", c.phrase, c.tense, got, ok, c.want)
		}
	}
	if v, ok := a.Resolve("the motion", thu, Unknown); ok {
		t.Errorf("Resolve(the motion) = %q, want none", v)
	}
}

func TestEventDate(t *testing.T) {
	body := "Police arrested him on Tuesday after a siege of three days; talks resume Friday."
	doc := khaldun.NewDocument(khaldun.Article{})
	if err := New().Annotate(context.Background(), prepare(t, body, thu), doc); err != nil {
		t.Fatal(err)
	}
	clause := khaldun.Span{Start: 0, End: strings.Index(body, ";")}
	d, ok := EventDate(doc.Dates, clause, strings.Index(body, "arrested"))
	if !ok || d.Value != "2024-04-30" {
		t.Errorf("event date %v %v, want Tuesday 2024-04-30 (not the duration)", d, ok)
	}
	tonight := []khaldun.Date{{Span: khaldun.Span{Start: 0, End: 5}, Value: "2024-05-02TNI"}}
	if d, _ := EventDate(tonight, khaldun.Span{Start: 0, End: 9}, 7); d.Value != "2024-05-02" {
		t.Errorf("time of day kept: %q", d.Value)
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"On Tuesday, April 30, 2024, two days later, the 1990s, 4/30/24.",
		"the end of the '90s or so at 10 : 30 p.m. Thursday",
		"mid-November year-earlier third-quarter 16-hour every day",
		"until Tuesday, as early as Friday since May 3 the following year, coming months these days is to resume",
	} {
		f.Add(s, thu)
	}
	a := New()
	f.Fuzz(func(t *testing.T, body, pub string) {
		text := prepare(t, body, pub)
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := a.Annotate(context.Background(), text, doc); err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, d := range doc.Dates {
			if d.Span.Start < last || d.Span.End <= d.Span.Start || d.Span.End > len(body) {
				t.Fatalf("bad span %v in %d bytes", d.Span, len(body))
			}
			if body[d.Span.Start:d.Span.End] != d.Text || d.Value == "" {
				t.Fatalf("date %+v", d)
			}
			last = d.Span.End
		}
		a.Resolve(body, pub, Future)
	})
}

func BenchmarkFind(b *testing.B) {
	body := strings.Repeat("Police said on Tuesday that rebels had attacked the town three days ago. "+
		"The ministers will meet in February 2025 to review the accord of April 30, 2024. "+
		"Exports fell 3 percent last year, and third-quarter profit rose from a year earlier. ", 20)
	text := prepare(b, body, thu)
	a := New()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Find(text)
	}
	b.ReportMetric(float64(len(text.Sentences)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
