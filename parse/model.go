package parse

import "github.com/khaldun/khaldun/perceptron"

// Model is a trained parser model. It is immutable once built, so one
// Model serves any number of goroutines.
type Model struct {
	labels []string // label index → UD relation; labels[rootLabel] == "root"
	dep    int      // index of "dep", for words left over at the end

	// Weights, sparse by feature: most features fire for a few classes
	// only. Each is packed as class<<16 | uint16(value) so that scoring
	// walks one array; table maps a feature key to its run.
	keys    []uint64 // sorted, for Save
	offs    []uint32 // weights of keys[i] are weights[offs[i]:offs[i+1]]
	weights []uint32
	table   perceptron.Table
}

// Labels returns the relations the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

func (m *Model) nClasses() int { return nMoves + 2*len(m.labels) }

// score adds up the weights of feats into scores. found is scratch of
// len(feats): looking every feature up before reading any weight lets the
// CPU overlap the cache misses, which are most of the cost.
func (m *Model) score(feats []uint64, found []uint64, scores []int32) {
	for i, f := range feats {
		off, n := m.table.Get(f)
		found[i] = uint64(off)<<8 | uint64(n)
	}
	clear(scores)
	for _, on := range found[:len(feats)] {
		off, n := uint32(on>>8), uint32(on&0xff)
		for _, w := range m.weights[off : off+n] {
			scores[w>>16] += int32(int16(w))
		}
	}
}

// best returns the highest-scoring class allowed in s. Ties go to the lower
// class so that results never depend on anything but the weights.
func best(s *state, scores []int32) int {
	a := s.allowedMoves()
	bc, bs := -1, int32(0)
	for c, sc := range scores {
		if (bc < 0 || sc > bs) && a.ok(c) {
			bc, bs = c, sc
		}
	}
	return bc
}

// moveSet is what the state allows, computed once per step rather than
// once per class.
type moveSet struct {
	valid    [nMoves + 2]bool
	fromRoot bool
}

func (s *state) allowedMoves() moveSet {
	var a moveSet
	for mv := range a.valid {
		a.valid[mv] = s.valid(mv)
	}
	a.fromRoot = s.s0() == s.n
	return a
}

// ok extends state.valid to labels: an arc from the root must be "root"
// and no other arc may be, which the transition system alone does not
// enforce.
func (a *moveSet) ok(c int) bool {
	move, label := classMove(c)
	if !a.valid[move] {
		return false
	}
	switch move {
	case moveRight:
		return a.fromRoot == (label == rootLabel)
	case moveLeft:
		return label != rootLabel
	}
	return true
}

// buildTable indexes keys/offs for lookup. parse loads its table up to 2/3
// rather than pos's 1/2; the slot count decides where keys land, so it is
// kept as it was.
func (m *Model) buildTable() {
	m.table = perceptron.NewTable(m.keys, m.offs, len(m.keys)+len(m.keys)/2)
}
