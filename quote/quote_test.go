package quote

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/lexicon"
	"github.com/khaldun/khaldun/pipeline"
)

var setup = sync.OnceValues(func() (*pipeline.Pipeline, *dict.Dictionary) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		panic(err)
	}
	d := dict.New()
	if err := lexicon.Load(d); err != nil {
		panic(err)
	}
	return p, d
})

func quotes(t testing.TB, body, date string) []khaldun.Quote {
	p, d := setup()
	doc := khaldun.NewDocument(khaldun.Article{})
	if err := New(d).Annotate(context.Background(), p.Prepare(body, date), doc); err != nil {
		t.Fatal(err)
	}
	return doc.Quotes
}

func TestQuotes(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string // "text|speaker", in order
	}{
		{"after, X said", "The mayor spoke on Friday.\n\n“We will rebuild the bridge,” Anna Kowalski said.",
			[]string{"We will rebuild the bridge,|Anna Kowalski"}},
		{"said X", `"The river is rising fast," said Tomas Brenner, a local engineer.`,
			[]string{"The river is rising fast,|Tomas Brenner"}},
		{"appositive", "“No deal is possible,” Marta Quell, the union leader, told reporters.",
			[]string{"No deal is possible,|Marta Quell"}},
		{"before, colon", "Farid Osei said: “The harvest failed twice this year.”",
			[]string{"The harvest failed twice this year.|Farid Osei"}},
		{"according to, title", "Both sides held “frank and useful talks on trade”, according to Norway’s foreign ministry spokesman Erik Lunde.",
			[]string{"frank and useful talks on trade|Erik Lunde"}},
		{"surname, next sentence", "Defence minister Ilse Varga visited the base.\n\n“Our troops are ready,” Varga stated, praising the soldiers.",
			[]string{"Our troops are ready,|Ilse Varga"}},
		{"pronoun", "Governor Paul Denning arrived late. “I apologise for the delay,” he said.",
			[]string{"I apologise for the delay,|Paul Denning"}},
		{"role noun", "Spokeswoman Rita Palm answered questions. “The talks are over,” the spokeswoman said.",
			[]string{"The talks are over,|Rita Palm"}},
		{"paragraphs", "“The first part runs on\n\n“and the second part ends here,” Jonas Wirt said.",
			[]string{"The first part runs on|Jonas Wirt", "and the second part ends here,|Jonas Wirt"}},
		{"headline single", "Lena Frost: ‘We Will Not Resign’\n\nThe minister spoke to the press.",
			[]string{"We Will Not Resign|Lena Frost"}},
		{"unbalanced", "He said “nothing at all.\n\nThe end came quickly.", nil},
		{"apostrophes", "The farmers’ union met. It’s over, isn’t it?", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, q := range quotes(t, c.body, "") {
				got = append(got, q.Text+"|"+q.Speaker)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestMechanisms covers each way a speaker is found, with its mention: the
// span PolNeAR-style scoring compares, which for a pronoun is the pronoun.
func TestMechanisms(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string // "text|speaker|mention", in order
	}{
		{"signature on one line", "“The plan is a farce.” ― Dana Whitlock\n“It will fail.”― Omar Reyes.",
			[]string{"The plan is a farce.|Dana Whitlock|Dana Whitlock", "It will fail.|Omar Reyes|Omar Reyes"}},
		{"participle cue", "At the rally, Maria Olsen attacked the budget, saying, “It starves the schools.”",
			[]string{"It starves the schools.|Maria Olsen|Maria Olsen"}},
		{"no speech verb, clause subject", "Petra Lund likened the rules to “a locked door.”",
			[]string{"a locked door.|Petra Lund|Petra Lund"}},
		{"object of a preposition is no speaker", "Hugo Brandt marched through the streets chanting “No more cuts!”",
			[]string{"No more cuts!|Hugo Brandt|Hugo Brandt"}},
		{"relative clause", "The blast, which Mayor Ian Porter described as “an intentional act,” hurt nine people.",
			[]string{"an intentional act,|Ian Porter|Mayor Ian Porter"}},
		{"next sentence only for a lone quotation", "The ministry accused its neighbour of “reckless acts.” Tomas Grell said the talks were over.",
			[]string{"reckless acts.|The ministry|The ministry"}},
		{"inverted cue", "Said Ellis: “The code is a mess.”",
			[]string{"The code is a mess.|Ellis|Ellis"}},
		{"parenthesis in appositive", "“We were misled,” Rep. Carl Voss (R-Ohio), a panel member, said in a phone interview.",
			[]string{"We were misled,|Carl Voss|Rep. Carl Voss"}},
		{"appositive chain and of", "Jean Ravel, the foreign minister of Freedonia, a member of the council, said the test was “a provocation.”",
			[]string{"a provocation.|Jean Ravel|Jean Ravel"}},
		{"said in a statement", "Lisa Marr, a spokeswoman for the agency, said in a statement that “no data was lost.”",
			[]string{"no data was lost.|Lisa Marr|Lisa Marr"}},
		{"pronoun keeps its mention", "Governor Paul Denning arrived late. “I apologise,” he said.",
			[]string{"I apologise,|Paul Denning|he"}},
		{"pronoun gender", "Mary Keane spoke first. Then John Hale spoke.\n\n“We disagree,” she said.",
			[]string{"We disagree,|Mary Keane|she"}},
		{"pronoun bound in its sentence", "“Fine,” Karen Doyle said.\n\nLaura Penn says she welcomed what she calls a “fair deal.”",
			[]string{"Fine,|Karen Doyle|Karen Doyle", "fair deal.|Laura Penn|she"}},
		{"paragraph continuation", "“We will win,” Sam Ortiz said.\n\n“And we will win big.”",
			[]string{"We will win,|Sam Ortiz|Sam Ortiz", "And we will win big.|Sam Ortiz|"}},
		{"said he added across paragraphs", "Nadia Frey visited the port.\n\n“Trade is up,” she added.",
			[]string{"Trade is up,|Nadia Frey|she"}},
		{"it for an organisation", "“Prices will rise,” the central bank said. “Inflation stays high,” it added.",
			[]string{"Prices will rise,|the central bank|the central bank", "Inflation stays high,|the central bank|it"}},
		{"headline colon", "Ola Berg: ‘Nothing Was Hidden’\n\nThe minister spoke.",
			[]string{"Nothing Was Hidden|Ola Berg|Ola Berg"}},
		{"curly inside straight", `Vera Lind said: "The sign read “closed” all day."`,
			[]string{"The sign read “closed” all day.|Vera Lind|Vera Lind"}},
	}
	p, d := setup()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, at := range New(d).Find(p.Prepare(c.body, "")) {
				got = append(got, c.body[at.Content.Start:at.Content.End]+"|"+at.Speaker+"|"+c.body[at.Mention.Start:at.Mention.End])
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestSpeakerActor(t *testing.T) {
	qs := quotes(t, "Talks were “constructive”, according to China’s foreign ministry spokesman Wen Bo.", "2024-04-30")
	if len(qs) != 1 || qs[0].Speaker != "Wen Bo" || qs[0].SpeakerActor != "CHNGOV" {
		t.Errorf("got %+v, want Wen Bo CHNGOV", qs)
	}
}

// The seed article's two quotations are both Lin Jian's: one by "according
// to" with his title, one by his surname alone.
func TestSharedSeed(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "seed/article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	qs := quotes(t, string(b), "2024-04-30")
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), qs)
	}
	for _, q := range qs {
		if q.Speaker != "Lin Jian" || q.SpeakerActor != "CHNGOV" {
			t.Errorf("%q: speaker %q %q, want Lin Jian CHNGOV", q.Text, q.Speaker, q.SpeakerActor)
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{"“a,” he said", `"x" said Y.` + "\n\n\"z", "‘a’ b: ‘", "“\n\n“”", "\"", "X said: “"} {
		f.Add(s)
	}
	p, d := setup()
	a := New(d)
	f.Fuzz(func(t *testing.T, body string) {
		text := p.Prepare(body, "")
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := a.Annotate(context.Background(), text, doc); err != nil {
			t.Fatal(err)
		}
		for _, q := range doc.Quotes {
			if q.Span.Start < 0 || q.Span.End > len(body) || q.Span.Start >= q.Span.End || body[q.Span.Start:q.Span.End] != q.Text {
				t.Fatalf("bad quote %+v in %q", q, body)
			}
		}
	})
}

// BenchmarkPipeline measures the text layer with the annotator, in
// sentences per second.
func BenchmarkPipeline(b *testing.B) {
	p, d := setup()
	a := New(d)
	para := "“We will rebuild the bridge,” Anna Kowalski, the mayor, told reporters on Friday. She said the work would start soon. " +
		"Talks were “constructive”, according to the foreign ministry spokesman Erik Lunde. “It is done,” he said.\n\n"
	body := strings.Repeat(para, 20)
	sents := 0
	b.ResetTimer()
	for b.Loop() {
		text := p.Prepare(body, "")
		doc := khaldun.NewDocument(khaldun.Article{})
		_ = a.Annotate(context.Background(), text, doc)
		sents += len(text.Sentences)
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}
