package count

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

// want is one expected count: its span text stands for the span.
type want struct {
	typ    string
	n      int64
	qual   string
	object string
	span   string
}

func TestCounts(t *testing.T) {
	cases := []struct {
		text string
		want []want
	}{
		// types
		{"At least 40 people were killed on Monday.", []want{{"KILL", 40, "at least", "people", "At least 40 people were killed"}}},
		{"Nine villagers died and 120 were wounded.", []want{{"KILL", 9, "", "villagers", "Nine villagers died"}, {"WOUND", 120, "", "", "120 were wounded"}}},
		{"The flood left 300 residents missing.", []want{{"MISSING", 300, "", "residents", "300 residents missing"}}},
		{"Police arrested 14 men after the clashes.", []want{{"ARREST", 14, "", "men", "arrested 14 men"}}},
		{"Sixty people have been booked for rioting.", []want{{"ARREST", 60, "", "people", "Sixty people have been booked"}}},
		{"Dozens of students were detained overnight.", []want{{"DETAIN", 24, "several", "students", "Dozens of students were detained"}}},
		{"Gunmen abducted 30 schoolgirls.", []want{{"KIDNAP", 30, "", "schoolgirls", "abducted 30 schoolgirls"}}},
		{"Some 1.2 million people fled the fighting.", []want{{"DISPLACE", 1200000, "about", "people", "Some 1.2 million people fled"}}},
		{"About 10 000 residents were evacuated.", []want{{"EVACUATE", 10000, "about", "residents", "About 10 000 residents were evacuated"}}},
		{"The camp shelters 2.5m refugees.", []want{{"REFUGEE", 2500000, "", "refugees", "2.5m refugees"}}},
		{"Thousands of protesters rallied in the square.", []want{{"PROTEST_SIZE", 2000, "several", "protesters", "Thousands of protesters rallied"}}},
		// orders and trigger phrases
		{"The war claimed the lives of over 34,500 civilians.", []want{{"KILL", 34500, "over", "civilians", "claimed the lives of over 34,500 civilians"}}},
		{"The death toll rose to 57 on Friday.", []want{{"KILL", 57, "", "", "death toll rose to 57"}}},
		{"Troops fired on the crowd, killing two and injuring at least eight others.", []want{{"KILL", 2, "", "", "killing two"}, {"WOUND", 8, "at least", "others", "injuring at least eight others"}}},
		{"Soldiers shot dead 12 smugglers.", []want{{"KILL", 12, "", "smugglers", "shot dead 12 smugglers"}}},
		{"Four army personnel, who lost their lives in the ambush, were honoured.", []want{{"KILL", 4, "", "army personnel", "Four army personnel, who lost their lives"}}},
		{"The crash left two dead.", []want{{"KILL", 2, "", "", "two dead"}}},
		{"The quake caused 77 deaths.", []want{{"KILL", 77, "", "", "77 deaths"}}},
		{"Nine people, including three children, were hurt.", []want{{"WOUND", 9, "", "people", "Nine people, including three children, were hurt"}}},
		{"About 150 workers belonging to the union were arrested.", []want{{"ARREST", 150, "about", "workers", "About 150 workers belonging to the union were arrested"}}},
		{"A teenager was shot dead at the checkpoint.", []want{{"KILL", 1, "", "teenager", "A teenager was shot dead"}}},
		{"A 19-year-old student perished in the fire.", []want{{"KILL", 1, "", "student", "A 19-year-old student perished"}}},
		// number forms and qualifiers
		{"Twenty-five miners were missing.", []want{{"MISSING", 25, "", "miners", "Twenty-five miners were missing"}}},
		{"Two hundred people marched.", []want{{"PROTEST_SIZE", 200, "", "people", "Two hundred people marched"}}},
		{"A dozen fishermen were abducted.", []want{{"KIDNAP", 12, "", "fishermen", "A dozen fishermen were abducted"}}},
		{"Nearly 3 lakh people were displaced.", []want{{"DISPLACE", 300000, "nearly", "people", "Nearly 3 lakh people were displaced"}}},
		{"More than 2,500 have been arrested.", []want{{"ARREST", 2500, "over", "", "More than 2,500 have been arrested"}}},
		{"As many as 98 people were killed.", []want{{"KILL", 98, "up to", "people", "As many as 98 people were killed"}}},
		{"Up to 60 were injured.", []want{{"WOUND", 60, "up to", "", "Up to 60 were injured"}}},
		{"Around 70 were wounded.", []want{{"WOUND", 70, "about", "", "Around 70 were wounded"}}},
		{"Close to 4,000 rioters were held.", []want{{"ARREST", 4000, "nearly", "rioters", "Close to 4,000 rioters were held"}}},
		{"Fewer than 20 soldiers died.", []want{{"KILL", 20, "under", "soldiers", "Fewer than 20 soldiers died"}}},
		{"An estimated 10,000 people are missing.", []want{{"MISSING", 10000, "estimated", "people", "An estimated 10,000 people are missing"}}},
		{"50-odd pilgrims were hurt.", []want{{"WOUND", 50, "about", "pilgrims", "50-odd pilgrims were hurt"}}},
		{"Scores of people were injured.", []want{{"WOUND", 40, "several", "people", "Scores of people were injured"}}},
		{"Tens of thousands of people fled.", []want{{"DISPLACE", 20000, "several", "people", "Tens of thousands of people fled"}}},
		// false counts
		{"He was born in 1962 and paid Rs 5,000.", nil},
		{"The 34-year-old man was arrested.", nil},
		{"Mohan Lal (45) was killed on March 15.", nil},
		{"Police fired 15 rounds at the crowd.", nil},
		{"Turnout fell 5% and the 3rd round was killed off.", nil},
		{"Section 144 was imposed; call 98-765-4321.", nil},
		{"Two gunmen killed five guards.", []want{{"KILL", 5, "", "guards", "killed five guards"}}},
		{"They held 12 meetings.", nil},
		{"He killed 12 hours waiting.", nil},
		{"A blast killed the driver.", nil},
	}
	for _, c := range cases {
		got := annotate(t, c.text)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %d counts %+v, want %d", c.text, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			g := got[i]
			span := c.text[g.Span.Start:g.Span.End]
			if g.Type != w.typ || g.Number != w.n || g.Qualifier != w.qual || g.Object != w.object || span != w.span {
				t.Errorf("%q: got %s %d %q %q %q, want %s %d %q %q %q", c.text,
					g.Type, g.Number, g.Qualifier, g.Object, span, w.typ, w.n, w.qual, w.object, w.span)
			}
		}
	}
}

func TestSharedSeedArticle(t *testing.T) {
	raw, err := os.ReadFile(sharedtest.Path(t, "seed/article.txt"))
	if err != nil {
		t.Skipf("seed article not found (%v)", err)
	}
	need := map[string]khaldun.Count{
		"KILL":    {Type: "KILL", Number: 34500, Qualifier: "over", Object: "Palestinians"},
		"MISSING": {Type: "MISSING", Number: 10000, Qualifier: "estimated", Object: "people"},
	}
	for _, c := range annotate(t, string(raw)) {
		if w, ok := need[c.Type]; ok && c.Number == w.Number && c.Qualifier == w.Qualifier && c.Object == w.Object {
			delete(need, c.Type)
		}
	}
	if len(need) > 0 {
		t.Errorf("seed article: missing %v", need)
	}
}

func FuzzAnnotate(f *testing.F) {
	f.Add("At least 40 people were killed and 1,200 injured.")
	f.Add("claimed the lives of over 34,500 Palestinians, left an estimated 10 000 missing")
	f.Add("toll at a , of the , 2.5m  hundreds of thousands (32) -year")
	f.Add("two brothers from X, were killed in police-vhp clash\u00c2 by the security forces who shot dead 3 by")
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return // the pipeline normalises bodies before annotators see them
		}
		for _, c := range annotate(t, body) {
			if c.Span.Start < 0 || c.Span.End > len(body) || c.Span.Start >= c.Span.End || c.Number < 0 || c.Type == "" {
				t.Fatalf("bad count %+v in %q", c, body)
			}
		}
	})
}

func BenchmarkAnnotate(b *testing.B) {
	body := "Police fired on the crowd, killing two and injuring at least eight others. " +
		"The death toll rose to 57 as an estimated 10,000 people remained missing. " +
		"Officials said talks would resume on Monday in the capital."
	tx := prepare(b, body)
	a := New()
	for b.Loop() {
		for _, s := range tx.Sentences {
			a.Sentence(body, s)
		}
	}
	b.ReportMetric(float64(b.N*len(tx.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}
