package pos

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/khaldun/khaldun/perceptron"
)

// TrainOptions control training. The zero value means the defaults, which
// are what the shipped model was trained with.
type TrainOptions struct {
	Iterations int    // passes over the data; default 10
	Seed       uint64 // shuffling seed; same seed, same data ⇒ same model
	// Words seen at least DictMinCount times with one tag in at least
	// DictMinRatio of them are tagged by dictionary; defaults 20 and 0.97.
	DictMinCount int
	DictMinRatio float64
	// MinWeight drops quantised weights (out of ±32767) below it; default 3.
	MinWeight int
	// Progress, when set, is called after each iteration with the share of
	// training tokens tagged correctly during that pass.
	Progress func(iter int, trainAcc float64)
}

func (o *TrainOptions) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = 10
	}
	if o.DictMinCount <= 0 {
		o.DictMinCount = 20
	}
	if o.DictMinRatio <= 0 {
		o.DictMinRatio = 0.97
	}
	if o.MinWeight <= 0 {
		o.MinWeight = 3
	}
}

// trainSent is a sentence prepared for training: tag-independent token
// information is computed once, not once per iteration.
type trainSent struct {
	info []tokInfo
	gold []uint8
}

// Train learns a tagger and lemmatiser from gold sentences with greedy
// left-to-right decoding, the same decoding Tag uses.
func Train(ctx context.Context, train []Sentence, opts TrainOptions) (*Model, error) {
	opts.defaults()
	if len(train) == 0 {
		return nil, errors.New("pos: train: no sentences")
	}
	m := &Model{}
	tagIdx, err := collectTags(train, m)
	if err != nil {
		return nil, err
	}
	m.tagDict = buildTagDict(train, tagIdx, opts)

	data := make([]trainSent, len(train))
	var norm []byte
	wordTags := map[uint64][]int32{}
	for si, s := range train {
		ts := trainSent{info: make([]tokInfo, len(s.Words)), gold: make([]uint8, len(s.Words))}
		for i, w := range s.Words {
			norm, _ = normalize(norm[:0], w.Form)
			fillInfo(&ts.info[i], w.Form, norm, i == 0)
			ts.gold[i] = tagIdx[w.XPOS]
			c := wordTags[ts.info[i].word]
			if c == nil {
				c = make([]int32, len(m.tags))
				wordTags[ts.info[i].word] = c
			}
			c[ts.gold[i]]++
		}
		data[si] = ts
	}
	m.amb = map[uint64]uint64{}
	if len(m.tags) <= maxAmbTags {
		for h, c := range wordTags {
			m.amb[h] = ambClass(c, -1)
		}
		for _, s := range data {
			for i := range s.info {
				s.info[i].amb = ambClass(wordTags[s.info[i].word], int(s.gold[i]))
			}
		}
	}

	p := perceptron.NewAveraged()
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6b68616c64756e)) // "khaldun"
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]int64, len(m.tags))
	var feats []uint64
	for it := range opts.Iterations {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("pos: train: %w", err)
		}
		correct, total := 0, 0
		for _, si := range order {
			s := &data[si]
			var t1, t2 uint64
			for i := range s.info {
				guess, ok := m.tagDict[s.info[i].raw]
				if !ok {
					feats = extract(feats[:0], s.info, i, t1, t2)
					p.Score(feats, scores)
					guess = best(scores)
					p.Update(feats, s.gold[i], guess)
					p.Tick()
				}
				if guess == s.gold[i] {
					correct++
				}
				total++
				// Condition on the prediction, not the gold tag: at tagging
				// time the previous tags are predictions too.
				t2, t1 = t1, uint64(guess)+1
			}
		}
		if opts.Progress != nil {
			opts.Progress(it+1, float64(correct)/float64(total))
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}

	keys, rows := p.Averages(opts.MinWeight)
	if err := m.setWeights(keys, rows); err != nil {
		return nil, err
	}
	m.lem = learnLemmas(train, tagIdx, m.tags)
	return m, nil
}

// collectTags fills m.tags in sorted order so that tag indices, and with
// them the model file, do not depend on the order tags appear in.
func collectTags(train []Sentence, m *Model) (map[string]uint8, error) {
	seen := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.XPOS == "" || w.XPOS == "_" {
				return nil, fmt.Errorf("pos: train: sentence %q: word %q has no XPOS", s.ID, w.Form)
			}
			seen[w.XPOS] = true
		}
	}
	if len(seen) > 255 {
		return nil, fmt.Errorf("pos: train: %d tags, at most 255 supported", len(seen))
	}
	for t := range seen {
		m.tags = append(m.tags, t)
	}
	sort.Strings(m.tags)
	idx := make(map[string]uint8, len(m.tags))
	for i, t := range m.tags {
		idx[t] = uint8(i)
	}
	return idx, nil
}

func buildTagDict(train []Sentence, tagIdx map[string]uint8, o TrainOptions) map[uint64]uint8 {
	counts := map[uint64]map[uint8]int{}
	for _, s := range train {
		for _, w := range s.Words {
			h := rawHash(w.Form)
			if counts[h] == nil {
				counts[h] = map[uint8]int{}
			}
			counts[h][tagIdx[w.XPOS]]++
		}
	}
	dict := map[uint64]uint8{}
	for h, byTag := range counts {
		n, best, bestN := 0, uint8(0), -1
		for t, c := range byTag {
			n += c
			if c > bestN || c == bestN && t < best {
				best, bestN = t, c
			}
		}
		if n >= o.DictMinCount && float64(bestN)/float64(n) >= o.DictMinRatio {
			dict[h] = best
		}
	}
	return dict
}

// setWeights installs quantised weights, ordered by key so that the
// layout is deterministic.
func (m *Model) setWeights(keys []uint64, rows [][]perceptron.Weight) error {
	var err error
	m.keys, m.offs, m.weights, err = perceptron.Pack(keys, rows)
	if err != nil {
		return fmt.Errorf("pos: %w", err)
	}
	m.buildTable()
	return nil
}

// learnLemmas builds the lemma vocabulary and the exceptions to the rules.
// For a (word, tag) seen with several lemmas the most frequent wins.
func learnLemmas(train []Sentence, tagIdx map[string]uint8, tags []string) lemmatizer {
	l := lemmatizer{exceptions: map[uint64]string{}, vocab: map[uint64]struct{}{}}
	type key struct {
		lower string
		tag   uint8
	}
	counts := map[key]map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			lem := lowerForm(w.Lemma)
			if lem == "" || lem == "_" {
				continue
			}
			if c := lemmaClass(w.XPOS); c != classNone {
				l.vocab[vocabKey(c, lem)] = struct{}{}
			}
			k := key{lowerForm(w.Form), tagIdx[w.XPOS]}
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][lem]++
		}
	}
	for k, byLemma := range counts {
		best, bestN := "", -1
		for lem, n := range byLemma {
			if n > bestN || n == bestN && lem < best {
				best, bestN = lem, n
			}
		}
		if l.rule(k.lower, tags[k.tag]) != best {
			l.exceptions[lemmaKey(perceptron.HashString(k.lower), k.tag)] = strings.Clone(best)
		}
	}
	return l
}
