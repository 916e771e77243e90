package entities

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/perceptron"
	"github.com/khaldun/khaldun/pos"
	"github.com/khaldun/khaldun/token"
)

// TrainOptions control training. The zero value means the defaults, which
// are what the shipped model was trained with.
type TrainOptions struct {
	Iterations int    // passes over the data; default 12
	Seed       uint64 // shuffling seed; same seed, same data ⇒ same model
	// MinWeight drops quantised weights (out of ±32767) below it; default 4.
	MinWeight int
	// Progress, when set, is called after each pass with the share of
	// training tokens tagged right during it.
	Progress func(iter int, trainAcc float64)
}

func (o *TrainOptions) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = 12
	}
	if o.MinWeight <= 0 {
		o.MinWeight = 4
	}
}

// trainSent is a sentence prepared once for all passes.
type trainSent struct {
	info []tokInfo
	gold []uint8
}

// analyse tokenises and POS-tags a gold sentence the way the pipeline
// does, so that training sees the tokens and tags the model will see at
// run time, and returns the tokens with the gold names as token ranges.
// A name covers every token it overlaps.
func analyse(tg *pos.Tagger, s Sentence) ([]khaldun.Token, []khaldun.Span, []span) {
	text, words := s.Text()
	toks := token.AppendTokens(nil, text, khaldun.Span{Start: 0, End: len(text)})
	tg.Tag(toks)
	var spans []span
	for _, n := range s.Names {
		k, _ := typeIndex(n.Type)
		b := khaldun.Span{Start: words[n.Start].Start, End: words[n.End-1].End}
		start, end := -1, 0
		for i, t := range toks {
			if t.Span.Start < b.End && b.Start < t.Span.End {
				if start < 0 {
					start = i
				}
				end = i + 1
			}
		}
		if start >= 0 {
			spans = append(spans, span{k, start, end})
		}
	}
	return toks, words, spans
}

// Train learns a model from gold sentences with greedy left-to-right
// decoding under the BILOU constraints, the decoding used at run time.
func Train(ctx context.Context, train []Sentence, opts TrainOptions) (*Model, error) {
	opts.defaults()
	if len(train) == 0 {
		return nil, errors.New("entities: train: no sentences")
	}
	tg, err := pos.Default()
	if err != nil {
		return nil, fmt.Errorf("entities: train: %w", err)
	}
	gaz, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	data := make([]trainSent, 0, len(train))
	var buf []byte
	for _, s := range train {
		toks, _, spans := analyse(tg, s)
		if len(toks) == 0 {
			continue
		}
		ts := trainSent{info: make([]tokInfo, len(toks)), gold: encode(spans, len(toks))}
		buf = prepare(ts.info, toks, buf, gaz)
		data = append(data, ts)
	}

	p := perceptron.NewAveraged()
	rng := rand.New(rand.NewPCG(opts.Seed, phraseSeed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var scores [nTags]int64
	var feats []uint64
	for it := range opts.Iterations {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("entities: train: %w", err)
		}
		correct, total := 0, 0
		for _, si := range order {
			s := &data[si]
			var t1, t2 uint8
			for i := range s.info {
				feats = extract(feats[:0], s.info, i, t1, t2)
				p.Score(feats, scores[:])
				guess := best(scores[:], t1, i == len(s.info)-1)
				p.Update(feats, s.gold[i], guess)
				p.Tick()
				if guess == s.gold[i] {
					correct++
				}
				total++
				// Condition on the prediction, not the gold tag: at run
				// time the previous tags are predictions too.
				t2, t1 = t1, guess
			}
		}
		if opts.Progress != nil {
			opts.Progress(it+1, float64(correct)/float64(total))
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	m := &Model{}
	keys, rows := p.Averages(opts.MinWeight)
	if err := m.setWeights(keys, rows); err != nil {
		return nil, err
	}
	return m, nil
}

// Score counts gold, predicted and matching names per type (index as in
// Types). A match has the same type and the same first and last word.
type Score struct {
	Gold, Pred, Match [4]int
}

// PRF is micro precision, recall and F1 over the given types (all when
// none are given); 0/0 counts as 0.
func (s Score) PRF(types ...string) (p, r, f1 float64) {
	if len(types) == 0 {
		types = Types
	}
	var g, pr, m int
	for _, t := range types {
		if k, ok := typeIndex(t); ok {
			g, pr, m = g+s.Gold[k], pr+s.Pred[k], m+s.Match[k]
		}
	}
	if pr > 0 {
		p = float64(m) / float64(pr)
	}
	if g > 0 {
		r = float64(m) / float64(g)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// Evaluate tags gold sentences, each as one text through khaldun's
// tokenizer and POS tagger, maps the names found back onto the gold words
// by byte overlap, and scores them.
func (m *Model) Evaluate(gold []Sentence) (Score, error) {
	var sc Score
	tg, err := pos.Default()
	if err != nil {
		return sc, fmt.Errorf("entities: evaluate: %w", err)
	}
	gaz, err := defaultGazetteer()
	if err != nil {
		return sc, err
	}
	t := newTagger(m, gaz)
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	for _, g := range gold {
		toks, words, _ := analyse(tg, g)
		want := map[span]bool{}
		for _, n := range g.Names {
			k, _ := typeIndex(n.Type)
			want[span{k, n.Start, n.End}] = true
			sc.Gold[k]++
		}
		seen := map[span]bool{}
		for _, p := range t.spans(toks, s) {
			b := khaldun.Span{Start: toks[p.start].Span.Start, End: toks[p.end-1].Span.End}
			start, end, ok := wordRange(words, b)
			w := span{p.typ, start, end}
			if !ok || seen[w] {
				continue
			}
			seen[w] = true
			sc.Pred[p.typ]++
			if want[w] {
				sc.Match[p.typ]++
			}
		}
	}
	return sc, nil
}
