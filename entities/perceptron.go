package entities

import "math"

// averaged is the perceptron being trained. Weights are integers (every
// update is ±1) and averages are kept lazily: each weight remembers when it
// last changed, so an update costs O(features), not O(all weights).
// Integer arithmetic also makes training bit-for-bit reproducible.
type averaged struct {
	index map[uint64]int32
	rows  [][]weight
	now   int64 // instances seen
}

type weight struct {
	tag   uint8
	w     int32
	total int64 // sum of w over all instances up to stamp
	stamp int64
}

type qweight struct {
	tag uint8
	w   int16
}

func newAveraged() *averaged { return &averaged{index: make(map[uint64]int32)} }

func (p *averaged) score(feats []uint64, scores *[nTags]int64) {
	*scores = [nTags]int64{}
	for _, f := range feats {
		if r, ok := p.index[f]; ok {
			for _, e := range p.rows[r] {
				scores[e.tag] += int64(e.w)
			}
		}
	}
}

// update rewards truth and penalises guess; call tick once per instance.
func (p *averaged) update(feats []uint64, truth, guess uint8) {
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

func (p *averaged) add(r int32, tag uint8, v int32) {
	row := p.rows[r]
	for i := range row {
		if row[i].tag == tag {
			e := &row[i]
			e.total += (p.now - e.stamp) * int64(e.w)
			e.stamp = p.now
			e.w += v
			return
		}
	}
	p.rows[r] = append(row, weight{tag: tag, w: v, stamp: p.now})
}

func (p *averaged) tick() { p.now++ }

// averages returns the averaged weights scaled into int16 with those below
// minAbs dropped. The scale maps the largest average onto the int16 range;
// weights that round below minAbs never moved a decision enough to
// matter, and dropping them is what keeps the model file small.
func (p *averaged) averages(minAbs int) (keys []uint64, rows [][]qweight) {
	avg := func(e *weight) float64 {
		total := e.total + (p.now-e.stamp)*int64(e.w)
		return float64(total) / float64(max(p.now, 1))
	}
	maxAbs := 0.0
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
		var q []qweight
		for i := range p.rows[r] {
			e := &p.rows[r][i]
			v := math.Round(avg(e) * scale)
			if math.Abs(v) >= float64(minAbs) {
				q = append(q, qweight{e.tag, int16(v)})
			}
		}
		if len(q) > 0 {
			keys = append(keys, key)
			rows = append(rows, q)
		}
	}
	return keys, rows
}
