package parse

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/khaldun/khaldun/perceptron"
)

// TrainOptions control training. The zero value means the defaults, which
// are what the shipped model was trained with.
type TrainOptions struct {
	Iterations int    // passes over the data; default 12
	Seed       uint64 // shuffling and exploration; same seed, same model
	// MinWeight drops quantised weights (out of ±32767) below it; default
	// 600. On the UD English dev set that cuts the model from 4.1M weights
	// (18 MB) to 1.1M (6 MB) for 0.3 points of UAS; 1000 halves it again
	// for another 0.6.
	MinWeight int
	// From iteration ExploreFrom (1-based; default 2) on, training follows
	// the model's own move with probability 0.9 instead of an oracle move,
	// so that it learns to recover from its mistakes; the dynamic oracle
	// says what is still best from there. Negative means never.
	ExploreFrom int
	// Progress, when set, is called after each iteration with the share
	// of moves the model got right (zero cost) during that pass.
	Progress func(iter int, moveAcc float64)
}

func (o *TrainOptions) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = 12
	}
	if o.MinWeight <= 0 {
		o.MinWeight = 600
	}
	if o.ExploreFrom == 0 {
		o.ExploreFrom = 2
	}
}

// example is a sentence prepared once for all iterations.
type example struct {
	words, tags []uint64 // with the root appended
	gold        []int32  // gold heads, projectivised, root = n
	grel        []uint8
}

// Train learns a parser from gold trees whose XPOS should be the tags the
// parser will see at run time, i.e. khaldun's tagger's, not gold tags.
func Train(ctx context.Context, train []Sentence, opts TrainOptions) (*Model, error) {
	opts.defaults()
	if len(train) == 0 {
		return nil, errors.New("parse: train: no sentences")
	}
	m := &Model{labels: collectLabels(train)}
	m.dep = slices.Index(m.labels, "dep")
	if len(m.labels) > maxLabels {
		return nil, fmt.Errorf("parse: train: %d labels, at most %d", len(m.labels), maxLabels)
	}
	exs := prepare(train, m.labels)

	p := newAveraged()
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6b68616c64756e))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var (
		st     state
		feats  = make([]uint64, 0, maxFeatures)
		nc     = m.nClasses()
		scores = make([]int32, nc)
		cost   = make([]int32, nc)
	)
	for it := 1; it <= opts.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := opts.ExploreFrom > 0 && it >= opts.ExploreFrom
		right, total := 0, 0
		for k, ei := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ex := &exs[ei]
			st.reset(len(ex.gold) - 1)
			for !st.done() {
				feats = extract(feats[:0], &st, ex.words, ex.tags)
				p.score(feats, scores)
				st.costs(ex.gold, ex.grel, len(m.labels), cost)
				guess, truth := -1, -1
				minCost := int32(-1)
				a := st.allowedMoves()
				for c := range nc {
					if cost[c] < 0 || !a.ok(c) {
						continue
					}
					if guess < 0 || scores[c] > scores[guess] {
						guess = c
					}
					switch {
					case minCost < 0 || cost[c] < minCost:
						minCost, truth = cost[c], c
					case cost[c] == minCost && scores[c] > scores[truth]:
						truth = c
					}
				}
				total++
				if cost[guess] == minCost {
					right++
				} else {
					p.update(feats, truth, guess)
				}
				p.tick()
				next := truth
				if explore && rng.Float64() < 0.9 {
					next = guess
				}
				st.apply(classMove(next))
			}
		}
		if opts.Progress != nil {
			opts.Progress(it, float64(right)/float64(max(total, 1)))
		}
	}
	p.model(m, opts.MinWeight)
	if len(m.weights) > perceptron.MaxWeights {
		return nil, fmt.Errorf("parse: train: %d weights, at most %d: raise MinWeight", len(m.weights), perceptron.MaxWeights)
	}
	return m, nil
}

// collectLabels returns "root" followed by the other relations, most
// frequent first, so that label indices are stable for a given treebank.
func collectLabels(train []Sentence) []string {
	counts := map[string]int{"dep": 0}
	for _, s := range train {
		for _, w := range s.Words {
			counts[w.Rel]++
		}
	}
	delete(counts, "root")
	labels := make([]string, 0, len(counts))
	for l := range counts {
		labels = append(labels, l)
	}
	slices.SortFunc(labels, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	return append([]string{"root"}, labels...)
}

func prepare(train []Sentence, labels []string) []example {
	idx := make(map[string]uint8, len(labels))
	for i, l := range labels {
		idx[l] = uint8(i)
	}
	exs := make([]example, len(train))
	for i, s := range train {
		n := len(s.Words)
		ex := example{
			words: make([]uint64, n+1), tags: make([]uint64, n+1),
			gold: make([]int32, n+1), grel: make([]uint8, n+1),
		}
		for j, w := range s.Words {
			ex.words[j], ex.tags[j] = wordHash(w.Form), perceptron.HashString(w.XPOS)
			ex.gold[j] = int32(w.Head - 1)
			if w.Head == 0 {
				ex.gold[j] = int32(n)
			}
			ex.grel[j] = idx[w.Rel]
		}
		ex.words[n], ex.tags[n], ex.gold[n] = hRoot, hRoot, -1
		projectivize(ex.gold[:n], n)
		exs[i] = ex
	}
	return exs
}

// projectivize lifts non-projective arcs, shortest first, to the head's
// head until the tree is projective: arc-eager can only build projective
// trees, and its dynamic oracle is exact only for them. About one English
// sentence in fifty needs it.
func projectivize(heads []int32, root int) {
	for {
		bestD, bestLen := -1, 0
		for d, h := range heads {
			if h == int32(root) || projective(heads, root, int(h), d) {
				continue
			}
			if l := abs(int(h) - d); bestD < 0 || l < bestLen {
				bestD, bestLen = d, l
			}
		}
		if bestD < 0 {
			return
		}
		heads[bestD] = heads[heads[bestD]]
	}
}

// projective reports whether every word between h and d descends from h.
func projective(heads []int32, root, h, d int) bool {
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		a := k
		for a != h && a != root {
			a = int(heads[a])
		}
		if a != h {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
