// Package dedup finds near-duplicate articles — wire copies, syndicated
// reprints, updated versions — with MinHash sketches of word shingles and
// locality-sensitive hashing (LSH) over bands of the sketch.
//
// Two texts whose sets of word 5-grams have Jaccard similarity J agree on
// each sketch value with probability J, so a fixed-size sketch estimates J
// from two small arrays, and hashing bands of it finds the likely pairs
// without comparing every article with every other: a store keeps the band
// keys in an index and only verifies articles sharing one.
package dedup

import (
	"encoding/binary"
	"errors"
	"unicode"
	"unicode/utf8"
)

const (
	// ShingleWords is the shingle length. Five words are specific enough
	// that two independent reports of one event share few shingles, while a
	// reprint with a changed headline or a paragraph added shares most.
	ShingleWords = 5
	// Hashes is the sketch size: Bands bands of Rows values each.
	Hashes = Bands * Rows
	Bands  = 16
	Rows   = 4
	// Threshold is the estimated Jaccard similarity from which two texts
	// are near-duplicates. The LSH S-curve of 16 bands × 4 rows finds a
	// pair at J=0.5 with probability 0.65 and at J=0.7 with 0.998, and one
	// at J=0.2 in 2.5% of cases, which verification then rejects.
	Threshold = 0.5
	// MinWords: shorter texts (a headline, a caption) share shingles by
	// chance too easily to be compared.
	MinWords = 2 * ShingleWords
)

// Sketch is the MinHash signature of a text.
type Sketch [Hashes]uint32

// ErrShort is returned for a text with fewer than MinWords words.
var ErrShort = errors.New("dedup: text too short to sketch")

// seeds of the Hashes multiply-shift hash functions; fixed so that sketches
// stored by one build compare with sketches made by another.
var seeds = func() (s [Hashes][2]uint64) {
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x = splitmix(x)
		s[i][0] = x | 1
		x = splitmix(x)
		s[i][1] = x
	}
	return s
}()

// New sketches a text.
func New(text string) (Sketch, error) {
	var s Sketch
	for i := range s {
		s[i] = ^uint32(0)
	}
	n := Shingles(text, func(h uint64) {
		for i := range s {
			if v := uint32((seeds[i][0]*h + seeds[i][1]) >> 32); v < s[i] {
				s[i] = v
			}
		}
	})
	if n == 0 {
		return Sketch{}, ErrShort
	}
	return s, nil
}

// Shingles calls fn with the hash of every word ShingleWords-gram of text
// and returns how many there were: 0 when text has fewer than MinWords
// words. Words are runs of letters and digits, compared case-insensitively,
// so punctuation and layout changes between copies do not matter.
func Shingles(text string, fn func(uint64)) int {
	var ring [ShingleWords]uint64
	words, n := 0, 0
	var pending []uint64 // the first MinWords-1 shingles, held until the text proves long enough
	for i := 0; i < len(text); {
		w, next := word(text, i)
		i = next
		if w == 0 {
			continue
		}
		ring[words%ShingleWords] = w
		words++
		if words < ShingleWords {
			continue
		}
		var h uint64
		for j := range ShingleWords {
			h = splitmix(h ^ ring[(words+j)%ShingleWords])
		}
		if words < MinWords {
			pending = append(pending, h)
			continue
		}
		for _, p := range pending {
			fn(p)
			n++
		}
		pending = pending[:0]
		fn(h)
		n++
	}
	return n
}

// word hashes the word starting at or after byte i and returns 0 when none
// starts before the end, and the offset after it.
func word(text string, i int) (uint64, int) {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	h := uint64(14695981039346656037) // FNV-1a
	found := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		found = true
		h = (h ^ uint64(unicode.ToLower(r))) * 1099511628211
		i += size
	}
	if !found {
		return 0, i
	}
	return h | 1, i // never 0, which means "no word"
}

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// Similarity estimates the Jaccard similarity of the two texts' shingles.
func (s *Sketch) Similarity(o *Sketch) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// BandKeys returns one key per band; two sketches sharing any key are
// candidates. Keys include the band number, so one index holds them all.
// They are int64 because that is what SQL stores natively.
func (s *Sketch) BandKeys() [Bands]int64 {
	var keys [Bands]int64
	for b := range Bands {
		h := splitmix(uint64(b) + 1)
		for r := range Rows {
			h = splitmix(h ^ uint64(s[b*Rows+r]))
		}
		keys[b] = int64(h)
	}
	return keys
}

// MarshalBinary encodes the sketch in 4×Hashes bytes, little-endian.
func (s *Sketch) MarshalBinary() ([]byte, error) {
	b := make([]byte, 4*Hashes)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Sketch) UnmarshalBinary(b []byte) error {
	if len(b) != 4*Hashes {
		return errors.New("dedup: sketch has wrong length")
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return nil
}
