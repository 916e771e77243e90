package entities

import (
	"fmt"
	"slices"
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
	table   wtable
}

func packWeight(tag uint8, w int16) uint32 { return uint32(tag)<<16 | uint32(uint16(w)) }

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
		touch |= t.slots[f&t.mask]
	}
	for i, f := range feats {
		off, n := t.get(f)
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
func (m *Model) setWeights(keys []uint64, rows [][]qweight) error {
	order := make([]int, len(keys))
	total := 0
	for i := range order {
		order[i] = i
		total += len(rows[i])
	}
	if total >= maxWeights {
		return fmt.Errorf("entities: %d weights, at most %d supported", total, maxWeights-1)
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case keys[a] < keys[b]:
			return -1
		case keys[a] > keys[b]:
			return 1
		}
		return 0
	})
	m.keys = make([]uint64, 0, len(keys))
	m.offs = make([]uint32, 0, len(keys)+1)
	m.weights = make([]uint32, 0, total)
	for _, i := range order {
		m.keys = append(m.keys, keys[i])
		m.offs = append(m.offs, uint32(len(m.weights)))
		row := slices.Clone(rows[i])
		slices.SortFunc(row, func(a, b qweight) int { return int(a.tag) - int(b.tag) })
		for _, q := range row {
			m.weights = append(m.weights, packWeight(q.tag, q.w))
		}
	}
	m.offs = append(m.offs, uint32(len(m.weights)))
	m.buildTable()
	return nil
}

func (m *Model) buildTable() {
	m.table = newWTable(len(m.keys))
	for i, k := range m.keys {
		m.table.put(k, int(m.offs[i]), int(m.offs[i+1]-m.offs[i]))
	}
}

// wtable maps feature keys to their run of weights, in place of a Go map
// because tagging is bound by cache misses on this lookup: a slot is one
// uint64 holding a 32-bit fingerprint of the key, the offset of its
// weights and their count. The slot index supplies the key's low bits and
// the fingerprint its high ones, so a false hit needs a foreign feature to
// agree with a stored one in about 50 bits; its only effect would be one
// spurious feature among forty.
type wtable struct {
	slots []uint64 // fingerprint<<32 | offset<<8 | count; 0 = empty
	mask  uint64
}

const maxWeights = 1 << 24 // offsets have 24 bits

func newWTable(n int) wtable {
	size := 16
	for size < 2*n { // load factor ≤ 1/2 keeps probe chains short
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
