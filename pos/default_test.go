package pos

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

// shippedDevPOS and shippedDevLemma are the dev-set accuracies TrainFiles
// reported for the shipped model; TestShippedModelDevAccuracy guards them.
const (
	shippedDevPOS   = 0.9451
	shippedDevLemma = 0.9860
)

func toks(words ...string) []khaldun.Token {
	out := make([]khaldun.Token, len(words))
	for i, w := range words {
		out[i].Text = w
	}
	return out
}

func TestDefaultTagsSentences(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words, tags, lemmas string
	}{
		{
			"Hamas officials met in Beijing on Tuesday .",
			"NNP NNS VBD IN NNP IN NNP .",
			"hamas official meet in beijing on tuesday .",
		},
		{
			"The children were taken to a hospital in Gaza .",
			"DT NNS VBD VBN IN DT NN IN NNP .",
			"the child be take to a hospital in gaza .",
		},
		{
			"Officials said they did n't know who went there .",
			"NNS VBD PRP VBD RB VB WP VBD RB .",
			"official say they do not know who go there .",
		},
		{
			"“ We will not negotiate , ” the minister said .",
			"`` PRP MD RB VB , '' DT NN VBD .",
			"\" we will not negotiate , \" the minister say .",
		},
	}
	for _, tc := range tests {
		ts := toks(strings.Fields(tc.words)...)
		tg.Tag(ts)
		var tags, lemmas []string
		for _, tok := range ts {
			tags = append(tags, tok.POS)
			lemmas = append(lemmas, tok.Lemma)
		}
		if got := strings.Join(tags, " "); got != tc.tags {
			t.Errorf("%s\n tags   %s\n want   %s", tc.words, got, tc.tags)
		}
		if got := strings.Join(lemmas, " "); got != tc.lemmas {
			t.Errorf("%s\n lemmas %s\n want   %s", tc.words, got, tc.lemmas)
		}
	}
}

func TestDefaultLoadsQuickly(t *testing.T) {
	start := time.Now()
	if _, err := Load(bytes.NewReader(defaultModel)); err != nil {
		t.Fatal(err)
	}
	// Generous because CI machines are slow and shared; typical is far less.
	d := time.Since(start)
	t.Logf("embedded model (%d bytes) loaded in %s", len(defaultModel), d)
	if d > 2*time.Second {
		t.Errorf("loading the embedded model took %s", d)
	}
}

func TestTagEmptyAndConcurrent(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg.Tag(nil)
	done := make(chan []string)
	for range 4 {
		go func() {
			var got []string
			for range 50 {
				ts := toks("Rebels", "attacked", "the", "town", ".")
				tg.Tag(ts)
				got = append(got, ts[1].POS)
			}
			done <- got
		}()
	}
	for range 4 {
		for _, p := range <-done {
			if p != "VBD" {
				t.Fatalf("concurrent tagging gave %q for attacked", p)
			}
		}
	}
}

func TestShippedModelDevAccuracy(t *testing.T) {
	dev := sharedtest.Path(t, "data/ud/en_ewt-ud-dev.conllu")
	sents, err := ReadCoNLLUFile(dev)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	acc := tg.Evaluate(sents)
	t.Logf("dev: %d tokens, POS %.2f%%, lemma %.2f%%", acc.Tokens, 100*acc.POS(), 100*acc.Lemma())
	if acc.POS() < shippedDevPOS-0.003 {
		t.Errorf("POS accuracy %.2f%%, shipped model reached %.2f%%", 100*acc.POS(), 100*shippedDevPOS)
	}
	if acc.Lemma() < shippedDevLemma-0.003 {
		t.Errorf("lemma accuracy %.2f%%, shipped model reached %.2f%%", 100*acc.Lemma(), 100*shippedDevLemma)
	}
}

// BenchmarkTag reports tokens/s on dev sentences when available, else on a
// few news-like sentences.
func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]khaldun.Token
	if dev, err := readSharedDev(); err == nil {
		for _, s := range dev {
			var ts []khaldun.Token
			for _, w := range s.Words {
				ts = append(ts, khaldun.Token{Text: w.Form})
			}
			sents = append(sents, ts)
		}
	} else {
		for _, s := range []string{
			"Hamas officials met in Beijing on Tuesday .",
			"Israeli troops killed three militants near the border , the army said .",
			"The U.N. Security Council condemned the attacks and called for talks .",
		} {
			sents = append(sents, toks(strings.Fields(s)...))
		}
	}
	n := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s := sents[i%len(sents)]
		tg.Tag(s)
		n += len(s)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

// readSharedDev reads the UD English dev set from the shared sets, or
// returns an error when they are absent.
func readSharedDev() ([]Sentence, error) {
	p, ok := sharedtest.Lookup("data/ud/en_ewt-ud-dev.conllu")
	if !ok {
		return nil, os.ErrNotExist
	}
	return ReadCoNLLUFile(p)
}

// TestPrefixedPast covers unseen past tenses made of a prefix and an
// irregular verb, which the model alone tags as nouns or prepositions.
func TestPrefixedPast(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words      string
		i          int
		tag, lemma string
	}{
		{"Klibi undertook a mediation mission .", 1, "VBD", "undertake"},
		{"The rebels overran the town .", 2, "VBD", "overrun"},
		{"The aid was withheld by the donors .", 3, "VBN", "withhold"},
	}
	for _, tc := range tests {
		ts := toks(strings.Fields(tc.words)...)
		tg.Tag(ts)
		if got := ts[tc.i]; got.POS != tc.tag || got.Lemma != tc.lemma {
			t.Errorf("%q: token %d is %s/%s, want %s/%s", tc.words, tc.i, got.POS, got.Lemma, tc.tag, tc.lemma)
		}
	}
}
