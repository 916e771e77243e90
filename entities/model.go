package entities

import (
	"fmt"

	"github.com/khaldun/khaldun/perceptron"
)

// Model is a trained entity tagger. It is immutable once built, so one
// Model serves any number of goroutines.
type Model struct {
	// Weights, sparse by feature: most features fire for a handful of the
	// 17 tags. Each weight is packed as tag<<16 | uint16(value) so that
	// scoring reads one array.
	keys    []uint64 // sorted feature keys, for Save
	offs    []uint32 // weights of keys[i] are weights[offs[i]:offs[i+1]]
	weights []uint32
	table   perceptron.Table
}

// score sets scores to the sum of the weights of feats. found is scratch
// of len(feats).
//
// Tagging is bound by cache misses on the table and the weights, so the
// work is done in passes that each issue many independent loads: the CPU
// overlaps those, whereas a probe loop that branches on each loaded slot
// waits for every miss in turn when the branch is mispredicted. The result
// is a by-product of the loads that the caller keeps, so that the compiler
// cannot drop them.
func (m *Model) score(feats []uint64, found []uint64, scores *[nTags]int32) uint64 {
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
	*scores = [nTags]int32{}
	for _, on := range found[:len(feats)] {
		off, n := uint32(on>>8), uint32(on&0xff)
		for _, w := range m.weights[off : off+n] {
			scores[w>>16] += int32(int16(w))
		}
	}
	return touch
}

// best returns the highest-scoring tag allowed after prev; ties go to the
// lower index so results never depend on map order.
func best[T int32 | int64](scores []T, prev uint8, last bool) uint8 {
	bt := uint8(tagO)
	found := false
	for t := range uint8(nTags) {
		if !allowed(prev, t, last) {
			continue
		}
		if !found || scores[t] > scores[bt] {
			bt, found = t, true
		}
	}
	return bt
}

// setWeights installs quantised weights ordered by key, so that the layout
// and the file are deterministic.
func (m *Model) setWeights(keys []uint64, rows [][]perceptron.Weight) error {
	var err error
	m.keys, m.offs, m.weights, err = perceptron.Pack(keys, rows)
	if err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	m.buildTable()
	return nil
}

func (m *Model) buildTable() {
	m.table = perceptron.NewTable(m.keys, m.offs, 2*len(m.keys)) // load ≤ 1/2
}
