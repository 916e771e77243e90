package pos

import "github.com/khaldun/khaldun/perceptron"

// Model is a trained tagger and lemmatiser. It is immutable once built, so
// one Model serves any number of goroutines.
type Model struct {
	tags []string // tag index → Penn Treebank tag

	// Perceptron weights, sparse by feature: most features fire for only a
	// handful of tags, so this is far smaller than a dense matrix. Each
	// weight is packed as tag<<16 | uint16(value) so that scoring touches
	// one array.
	keys    []uint64 // sorted feature keys, for Save
	offs    []uint32 // weights of keys[i] are weights[offs[i]:offs[i+1]]
	weights []uint32
	table   perceptron.Table

	// tagDict maps the case-preserving hash of frequent, unambiguous words
	// to their tag; those words skip the perceptron entirely.
	tagDict map[uint64]uint8

	// amb maps the normalised word hash to its ambiguity class, a bit set
	// of tag indices (hence at most 64 tags).
	amb map[uint64]uint64

	lem lemmatizer
}

// Tags returns the tag set the model predicts, in index order.
func (m *Model) Tags() []string { return append([]string(nil), m.tags...) }

// addWeights adds the weights of feats to scores. found is scratch of
// len(feats).
//
// Tagging is bound by cache misses on the table and the weights, so the
// work is done in passes that each issue many independent loads, which the
// CPU overlaps: a probe loop that branches on each loaded slot waits for
// every miss in turn whenever the branch is mispredicted. The first pass
// brings the slots into cache, the third the first line of each feature's
// weights. The result is a by-product of those loads that the caller
// keeps, so that the compiler cannot drop them.
func (m *Model) addWeights(feats []uint64, found []uint64, scores []int32) uint64 {
	t := &m.table
	var touch uint64
	for _, f := range feats {
		touch |= t.Slots[f&t.Mask]
	}
	for i, f := range feats {
		off, n := t.Get(f)
		found[i] = uint64(off)<<8 | uint64(n)
	}
	if len(m.weights) > 0 {
		for _, on := range found[:len(feats)] {
			touch |= uint64(m.weights[on>>8])
		}
	}
	for _, on := range found[:len(feats)] {
		off, n := uint32(on>>8), uint32(on&0xff)
		for _, w := range m.weights[off : off+n] {
			scores[w>>16] += int32(int16(w))
		}
	}
	return touch
}

// best returns the index of the highest score. Ties go to the lower index
// so that results never depend on map order. Training scores are int64,
// run-time ones int32.
func best[T int32 | int64](scores []T) uint8 {
	b := 0
	for t := 1; t < len(scores); t++ {
		if scores[t] > scores[b] {
			b = t
		}
	}
	return uint8(b)
}

// maxAmbTags is the largest tag set ambiguity classes can represent.
const maxAmbTags = 64

// ambClass is the bit set of tags holding at least 5% of a word's counts.
// exclude (or -1) is removed from the counts first: training tokens do not
// count themselves, so words seen once look unseen, as the rarest words
// will at tagging time.
func ambClass(counts []int32, exclude int) uint64 {
	total := int32(0)
	for _, c := range counts {
		total += c
	}
	if exclude >= 0 {
		total--
	}
	if total <= 0 {
		return 0
	}
	var mask uint64
	for t, c := range counts {
		if t == exclude {
			c--
		}
		if c > 0 && c*20 >= total {
			mask |= 1 << uint(t)
		}
	}
	return mask
}

// buildTable indexes keys/offs for lookup.
func (m *Model) buildTable() {
	m.table = perceptron.NewTable(m.keys, m.offs, 2*len(m.keys)) // load ≤ 1/2
}
