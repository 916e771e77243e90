package perceptron

import (
	"cmp"
	"fmt"
	"slices"
)

// Table maps feature keys to their run of weights. It replaces a Go map
// because run time is bound by cache misses on this lookup: one slot is a
// single uint64 holding a 32-bit key fingerprint, the offset of the
// feature's weights and their count, so a hit costs one cache line here and
// one in the weights.
//
// The slot index supplies the low bits of the key and the fingerprint the
// high 32, so a false match needs a foreign feature to agree with a stored
// one in about 50 bits: rare enough to be harmless, as the only effect
// would be one spurious feature among dozens.
type Table struct {
	// Slots and Mask are exported so that callers can touch a key's home
	// slot (Slots[key&Mask]) ahead of the lookups, letting the CPU overlap
	// the cache misses.
	Slots []uint64 // fingerprint<<32 | offset<<8 | count; 0 = empty
	Mask  uint64
}

const (
	MaxWeights  = 1 << 24 // offsets have 24 bits
	MaxRowCount = 255     // counts have 8 bits
)

// NewTable indexes keys, whose weights are weights[offs[i]:offs[i+1]], in
// a table of at least minSlots slots (and at least 16). The callers choose
// different load factors, and the slot count decides where keys land, so
// it is theirs to pass rather than fixed here.
func NewTable(keys []uint64, offs []uint32, minSlots int) Table {
	size := 16
	for size < minSlots {
		size <<= 1
	}
	t := Table{Slots: make([]uint64, size), Mask: uint64(size - 1)}
	for i, k := range keys {
		t.put(k, int(offs[i]), int(offs[i+1]-offs[i]))
	}
	return t
}

func fingerprint(key uint64) uint64 { return key>>32 | 1 }

// put stores a key known not to be present; off and count must fit.
func (t *Table) put(key uint64, off, count int) {
	v := fingerprint(key)<<32 | uint64(off)<<8 | uint64(count)
	for i := key & t.Mask; ; i = (i + 1) & t.Mask {
		if t.Slots[i] == 0 {
			t.Slots[i] = v
			return
		}
	}
}

// Get returns the offset and count of key's weights; count is 0 if absent.
func (t *Table) Get(key uint64) (off, count uint32) {
	fp := fingerprint(key)
	for i := key & t.Mask; ; i = (i + 1) & t.Mask {
		s := t.Slots[i]
		if s == 0 {
			return 0, 0
		}
		if s>>32 == fp {
			return uint32(s>>8) & (MaxWeights - 1), uint32(s & 0xff)
		}
	}
}

// PackWeight packs one weight as class<<16 | uint16(w), so that scoring
// reads one array.
func PackWeight(class uint8, w int16) uint32 { return uint32(class)<<16 | uint32(uint16(w)) }

// Pack lays quantised weights out for a Table: keys sorted, each key's
// weights packed and sorted by class, so that the layout and the model
// file depend on the weights only. The weights of keys[i] are
// weights[offs[i]:offs[i+1]].
func Pack(keys []uint64, rows [][]Weight) (sorted []uint64, offs, weights []uint32, err error) {
	order := make([]int, len(keys))
	total := 0
	for i := range order {
		order[i] = i
		total += len(rows[i])
	}
	if total >= MaxWeights {
		return nil, nil, nil, fmt.Errorf("%d weights, at most %d supported", total, MaxWeights-1)
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	sorted = make([]uint64, 0, len(keys))
	offs = make([]uint32, 0, len(keys)+1)
	weights = make([]uint32, 0, total)
	for _, i := range order {
		sorted = append(sorted, keys[i])
		offs = append(offs, uint32(len(weights)))
		row := slices.Clone(rows[i])
		slices.SortFunc(row, func(a, b Weight) int { return int(a.Class) - int(b.Class) })
		for _, q := range row {
			weights = append(weights, PackWeight(q.Class, q.W))
		}
	}
	offs = append(offs, uint32(len(weights)))
	return sorted, offs, weights, nil
}
