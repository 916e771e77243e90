package parse

import (
	"math"
	"slices"

	"github.com/khaldun/khaldun/perceptron"
)

// averaged is the perceptron being trained, as in pos: integer weights
// (every update is ±1) with lazily kept sums, so an update costs
// O(features) and training is bit-for-bit reproducible. The running sums
// live apart from the weights because scoring, which reads only weights,
// is most of training time and runs faster over 8-byte entries.
type averaged struct {
	index map[uint64]int32
	rows  [][]weight
	sums  [][]sum // sums[r][i] belongs to rows[r][i]
	now   int64   // instances seen
}

type weight struct {
	class uint8
	w     int32
}

type sum struct {
	total int64 // sum of w over all instances up to stamp
	stamp int64
}

func newAveraged() *averaged { return &averaged{index: make(map[uint64]int32, 1<<20)} }

func (p *averaged) score(feats []uint64, scores []int32) {
	clear(scores)
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			continue
		}
		for _, e := range p.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// update rewards truth and penalises guess; call tick once per instance.
func (p *averaged) update(feats []uint64, truth, guess int) {
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			r = int32(len(p.rows))
			p.index[f] = r
			p.rows = append(p.rows, nil)
			p.sums = append(p.sums, nil)
		}
		p.add(r, uint8(truth), 1)
		p.add(r, uint8(guess), -1)
	}
}

func (p *averaged) add(r int32, class uint8, v int32) {
	row := p.rows[r]
	for i := range row {
		if row[i].class == class {
			s := &p.sums[r][i]
			s.total += (p.now - s.stamp) * int64(row[i].w)
			s.stamp = p.now
			row[i].w += v
			return
		}
	}
	p.rows[r] = append(row, weight{class: class, w: v})
	p.sums[r] = append(p.sums[r], sum{stamp: p.now})
}

func (p *averaged) tick() { p.now++ }

// model quantises the averaged weights into m: scaled so the largest
// average maps onto the int16 range, and those below minAbs dropped. Such
// weights seldom changed a decision, and dropping them is what keeps the
// model file small.
func (p *averaged) model(m *Model, minAbs int) {
	avg := func(r, i int) float64 {
		w, s := p.rows[r][i].w, p.sums[r][i]
		total := s.total + (p.now-s.stamp)*int64(w)
		return float64(total) / float64(max(p.now, 1))
	}
	maxAbs := 0.0
	for r, row := range p.rows {
		for i := range row {
			maxAbs = max(maxAbs, math.Abs(avg(r, i)))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := math.MaxInt16 / maxAbs
	keys := make([]uint64, 0, len(p.index))
	for k := range p.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	m.keys, m.offs, m.weights = m.keys[:0], append(m.offs[:0], 0), m.weights[:0]
	for _, k := range keys {
		r := int(p.index[k])
		row := p.rows[r]
		start := len(m.weights)
		for i := range row {
			v := math.Round(avg(r, i) * scale)
			if math.Abs(v) >= float64(minAbs) {
				m.weights = append(m.weights, perceptron.PackWeight(row[i].class, int16(v)))
			}
		}
		if len(m.weights) == start {
			continue
		}
		// Sorted by class so that the file, and so the model, depends on
		// the weights only and not on the order updates happened in.
		slices.Sort(m.weights[start:])
		m.keys = append(m.keys, k)
		m.offs = append(m.offs, uint32(len(m.weights)))
	}
	m.buildTable()
}
