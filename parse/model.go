package parse

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
	table   wtable
}

// Labels returns the relations the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

func (m *Model) nClasses() int { return nMoves + 2*len(m.labels) }

// score adds up the weights of feats into scores. found is scratch of
// len(feats): looking every feature up before reading any weight lets the
// CPU overlap the cache misses, which are most of the cost.
func (m *Model) score(feats []uint64, found []uint64, scores []int32) {
	for i, f := range feats {
		off, n := m.table.get(f)
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

func packWeight(class uint8, w int16) uint32 { return uint32(class)<<16 | uint32(uint16(w)) }

func (m *Model) buildTable() {
	m.table = newWTable(len(m.keys))
	for i, k := range m.keys {
		m.table.put(k, int(m.offs[i]), int(m.offs[i+1]-m.offs[i]))
	}
}

// wtable maps feature keys to their run of weights; it is pos's table: a
// Go map costs two cache misses per lookup where this costs one. A slot is
// fingerprint<<32 | offset<<8 | count, 0 when empty. The slot index gives
// the low bits of the key and the fingerprint the high 32, so a false match
// needs a foreign feature to agree in about 50 bits.
type wtable struct {
	slots []uint64
	mask  uint64
}

const (
	maxWeights  = 1 << 24 // offsets have 24 bits
	maxRowCount = 255
)

func newWTable(n int) wtable {
	size := 16
	for size < n+n/2 { // load ≤ 2/3 keeps probe chains short
		size <<= 1
	}
	return wtable{slots: make([]uint64, size), mask: uint64(size - 1)}
}

func fingerprint(key uint64) uint64 { return key>>32 | 1 }

func (t *wtable) put(key uint64, off, count int) {
	v := fingerprint(key)<<32 | uint64(off)<<8 | uint64(count)
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 {
			t.slots[i] = v
			return
		}
	}
}

func (t *wtable) get(key uint64) (off, count uint32) {
	fp := fingerprint(key)
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, 0
		}
		if s>>32 == fp {
			return uint32(s>>8) & (maxWeights - 1), uint32(s & 0xff)
		}
	}
}
