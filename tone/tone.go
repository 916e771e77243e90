// Package tone scores the tone of sentences and articles with VADER
// (Hutto & Gilbert 2014), through the govader port of its published
// lexicon and rules.
//
// Scale: VADER's compound score times 100, so -100 (most negative) to +100
// (most positive), 0 neutral — the range of GDELT's AvgTone field. The
// values are not GDELT's: GDELT subtracts the share of negative words from
// the share of positive ones, which rarely leaves ±10, while a single
// VADER sentence reaches ±90. Compare khaldun tones with each other only.
//
// An article's tone is the mean over its sentences, not VADER on the whole
// body: VADER sums valences before squashing them into [-1, 1], so a long
// text saturates near ±1 whatever its balance.
package tone

import (
	"context"
	"fmt"

	"github.com/jonreiter/govader"

	"github.com/khaldun/khaldun"
)

// Annotator scores tone. It is safe for concurrent use: the analyser only
// reads its lexicon after construction.
type Annotator struct {
	sia *govader.SentimentIntensityAnalyzer
}

// New loads the VADER lexicon (embedded in govader).
func New() (a *Annotator, err error) {
	// govader panics, rather than failing, when its embedded lexicon is
	// unreadable; that is a broken build, but it must not bring down a
	// server that builds annotators at start-up.
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("tone: loading the VADER lexicon: %v", r)
		}
	}()
	return &Annotator{sia: govader.NewSentimentIntensityAnalyzer()}, nil
}

// Annotate sets the tone of every sentence, of the article (their mean)
// and of each event (its sentence's), so that aggregates can average event
// tone as GDELT's AvgTone does. It runs after the stages that add events.
func (a *Annotator) Annotate(ctx context.Context, t *khaldun.Text, d *khaldun.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sum, n := 0.0, 0
	for i, s := range t.Sentences {
		if s.Span.Start < 0 || s.Span.End > len(t.Body) || s.Span.Start >= s.Span.End {
			continue
		}
		tone := a.Sentence(t.Body[s.Span.Start:s.Span.End])
		if i < len(d.Sentences) {
			d.Sentences[i].Tone = tone
		}
		sum += tone
		n++
	}
	if n > 0 {
		d.Article.Tone = sum / float64(n)
	}
	for i := range d.Events {
		if k := d.Events[i].Sentence; k >= 0 && k < len(d.Sentences) {
			d.Events[i].Tone = d.Sentences[k].Tone
		}
	}
	return nil
}

// Sentence returns the tone of one sentence, -100..+100.
func (a *Annotator) Sentence(text string) (tone float64) {
	defer func() {
		// A panic inside the third-party scorer on odd input costs one
		// sentence its tone, not the article.
		if recover() != nil {
			tone = 0
		}
	}()
	return a.sia.PolarityScores(text).Compound * 100
}

// Article returns the mean sentence tone of t, -100..+100; 0 for a text
// without sentences.
func (a *Annotator) Article(t *khaldun.Text) float64 {
	if t == nil || len(t.Sentences) == 0 {
		return 0
	}
	sum, n := 0.0, 0
	for _, s := range t.Sentences {
		if s.Span.Start < 0 || s.Span.End > len(t.Body) || s.Span.Start >= s.Span.End {
			continue
		}
		sum += a.Sentence(t.Body[s.Span.Start:s.Span.End])
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
