package pos

// wtable maps feature keys to their run of weights. It replaces a Go map
// because tagging is bound by cache misses on this lookup: one slot is a
// single uint64 holding a 32-bit key fingerprint, the offset of the
// feature's weights and their count, so a hit costs one cache line here and
// one in the weights.
//
// The slot index supplies the low bits of the key and the fingerprint the
// high 32, so a false match needs a foreign feature to agree with a stored
// one in about 50 bits: rare enough to be harmless, as the only effect
// would be one spurious feature among thirty.
type wtable struct {
	slots []uint64 // fingerprint<<32 | offset<<8 | count; 0 = empty
	mask  uint64
}

const (
	maxWeights  = 1 << 24 // offsets have 24 bits
	maxRowCount = 255
)

func newWTable(n int) wtable {
	size := 16
	for size < 2*n { // load factor ≤ 1/2 keeps probe chains short
		size <<= 1
	}
	return wtable{slots: make([]uint64, size), mask: uint64(size - 1)}
}

func fingerprint(key uint64) uint64 { return key>>32 | 1 }

// put stores a key known not to be present; off and count must fit.
func (t *wtable) put(key uint64, off, count int) {
	v := fingerprint(key)<<32 | uint64(off)<<8 | uint64(count)
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 {
			t.slots[i] = v
			return
		}
	}
}

// get returns the offset and count of key's weights; count is 0 if absent.
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
