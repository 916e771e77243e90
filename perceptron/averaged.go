package perceptron

import "math"

// Averaged is a perceptron being trained. Weights are integers (every
// update is ±1) and averages are kept lazily: each weight remembers when it
// last changed, so an update costs O(features) instead of O(all weights).
// Integer arithmetic also makes training bit-for-bit reproducible.
type Averaged struct {
	index map[uint64]int32
	rows  [][]avgWeight
	now   int64 // number of instances seen
}

type avgWeight struct {
	class uint8
	w     int32
	total int64 // sum of w over all instances up to stamp
	stamp int64
}

// Weight is one quantised averaged weight of a feature.
type Weight struct {
	Class uint8
	W     int16
}

// NewAveraged returns an untrained perceptron.
func NewAveraged() *Averaged {
	return &Averaged{index: make(map[uint64]int32)}
}

// Score sets scores[c] to the sum of the current weights of feats for
// class c.
func (p *Averaged) Score(feats []uint64, scores []int64) {
	clear(scores)
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			continue
		}
		for _, e := range p.rows[r] {
			scores[e.class] += int64(e.w)
		}
	}
}

// Update rewards truth and penalises guess; call Tick once per instance.
func (p *Averaged) Update(feats []uint64, truth, guess uint8) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			r = int32(len(p.rows))
			p.index[f] = r
			p.rows = append(p.rows, nil)
		}
		p.add(r, truth, 1)
		p.add(r, guess, -1)
	}
}

func (p *Averaged) add(r int32, class uint8, v int32) {
	row := p.rows[r]
	for i := range row {
		if row[i].class == class {
			e := &row[i]
			e.total += (p.now - e.stamp) * int64(e.w)
			e.stamp = p.now
			e.w += v
			return
		}
	}
	p.rows[r] = append(row, avgWeight{class: class, w: v, stamp: p.now})
}

// Tick counts one training instance.
func (p *Averaged) Tick() { p.now++ }

// Averages returns, per feature key, the averaged weights scaled into
// int16 with those below minAbs dropped. The scale maps the largest average
// onto the int16 range; weights that round below minAbs never moved a
// decision enough to matter, and dropping them is what keeps the model
// file small. Keys come in map order; Pack sorts them.
func (p *Averaged) Averages(minAbs int) (keys []uint64, rows [][]Weight) {
	maxAbs := 0.0
	avg := func(e *avgWeight) float64 {
		total := e.total + (p.now-e.stamp)*int64(e.w)
		return float64(total) / float64(max(p.now, 1))
	}
	for _, row := range p.rows {
		for i := range row {
			maxAbs = max(maxAbs, math.Abs(avg(&row[i])))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := math.MaxInt16 / maxAbs
	for key, r := range p.index {
		var q []Weight
		for i := range p.rows[r] {
			e := &p.rows[r][i]
			v := math.Round(avg(e) * scale)
			if math.Abs(v) >= float64(minAbs) {
				q = append(q, Weight{e.class, int16(v)})
			}
		}
		if len(q) > 0 {
			keys = append(keys, key)
			rows = append(rows, q)
		}
	}
	return keys, rows
}
