package parse

import "github.com/khaldun/khaldun/perceptron"

// Features are 64-bit hashes of a template number and the values it
// combines, as in pos: building strings per transition would allocate and
// dominate parsing time.

// wordHash hashes the feature form of a word: ASCII lower-cased and digits
// folded to 0, so "1999" and "2024" or "Talks" and "talks" share weights.
func wordHash(s string) uint64 {
	h := uint64(perceptron.FNVOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= perceptron.FNVPrime
	}
	return h
}

// Stand-ins for positions that do not exist (no second child, buffer
// exhausted) and for the artificial root.
var (
	hNone = perceptron.HashString("\x00none")
	hRoot = perceptron.HashString("\x00root")
)

// f1 and f2 are the shared keys under short names, so that the template
// list below stays a readable table; f3 and f4 xor further values in,
// which is parse's own combination.
func f1(t int, a uint64) uint64       { return perceptron.Feat1(t, a) }
func f2(t int, a, b uint64) uint64    { return perceptron.Feat2(t, a, b) }
func f3(t int, a, b, c uint64) uint64 { return perceptron.Mix(f2(t, a, b) ^ c) }
func f4(t int, a, b, c, d uint64) uint64 {
	return perceptron.Mix(f3(t, a, b, c) ^ d)
}

// dist buckets the distance between s0 and n0; long distances behave
// alike and would only spread the weights thin.
func dist(s *state) uint64 {
	s0 := s.s0()
	if s0 == s.n {
		return 0
	}
	d := s.b - s0
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

// maxFeatures is the number of features extract produces.
const maxFeatures = 81

// extract appends the Zhang and Nivre (2011) arc-eager feature set, plus
// s1 and a bias, for the current state. words and tags are per-token hashes
// with the root at index n.
func extract(dst []uint64, s *state, words, tags []uint64) []uint64 {
	n := s.n
	w := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return words[i]
	}
	p := func(i int32) uint64 {
		if i < 0 {
			return hNone
		}
		return tags[i]
	}
	// Labels are offset by two: 0 is "no such word" and 1 "no head yet",
	// which rel alone cannot tell from its label 0.
	l := func(i int32) uint64 {
		if i < 0 {
			return 0
		}
		if s.head[i] < 0 {
			return 1
		}
		return uint64(s.rel[i]) + 2
	}
	s0 := int32(s.s0())
	var s1 int32 = -1
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2 := int32(s.b), int32(s.b+1), int32(s.b+2)
	if int(n0) >= n {
		n0 = -1
	}
	if int(n1) >= n {
		n1 = -1
	}
	if int(n2) >= n {
		n2 = -1
	}
	var s0h, s0h2 int32 = -1, -1
	if s0 != int32(n) {
		s0h = s.head[s0]
		if s0h >= 0 && s0h != int32(n) {
			s0h2 = s.head[s0h]
		}
	}
	s0l, s0l2, s0r, s0r2 := s.l1[s0], s.l2[s0], s.r1[s0], s.r2[s0]
	var n0l, n0l2 int32 = -1, -1
	var n0vl, n0sl uint64
	if n0 >= 0 {
		n0l, n0l2 = s.l1[n0], s.l2[n0]
		n0vl, n0sl = uint64(min(s.nl[n0], 7)), s.lset[n0]
	}

	s0w, s0p, n0w, n0p := w(s0), p(s0), w(n0), p(n0)
	n1w, n1p, n2w, n2p := w(n1), p(n1), w(n2), p(n2)
	d := dist(s)
	s0vl, s0vr := uint64(min(s.nl[s0], 7)), uint64(min(s.nr[s0], 7))

	dst = append(dst,
		f1(1, 0),
		f2(2, s0w, s0p), f1(3, s0w), f1(4, s0p),
		f2(5, n0w, n0p), f1(6, n0w), f1(7, n0p),
		f2(8, n1w, n1p), f1(9, n1w), f1(10, n1p),
		f2(11, n2w, n2p), f1(12, n2w), f1(13, n2p),
		f4(14, s0w, s0p, n0w, n0p), f3(15, s0w, s0p, n0w), f3(16, s0w, n0w, n0p),
		f3(17, s0w, s0p, n0p), f3(18, s0p, n0w, n0p), f2(19, s0w, n0w),
		f2(20, s0p, n0p), f2(21, n0p, n1p),
		f3(22, n0p, n1p, n2p), f3(23, s0p, n0p, n1p),
		f3(24, p(s0h), s0p, n0p), f3(25, s0p, p(s0l), n0p),
		f3(26, s0p, p(s0r), n0p), f3(27, s0p, n0p, p(n0l)),
		f2(28, s0w, d), f2(29, s0p, d), f2(30, n0w, d), f2(31, n0p, d),
		f3(32, s0w, n0w, d), f3(33, s0p, n0p, d),
		f2(34, s0w, s0vr), f2(35, s0p, s0vr), f2(36, s0w, s0vl), f2(37, s0p, s0vl),
		f2(38, n0w, n0vl), f2(39, n0p, n0vl),
		f1(40, w(s0h)), f1(41, p(s0h)), f1(42, l(s0)),
		f1(43, w(s0l)), f1(44, p(s0l)), f1(45, l(s0l)),
		f1(46, w(s0r)), f1(47, p(s0r)), f1(48, l(s0r)),
		f1(49, w(n0l)), f1(50, p(n0l)), f1(51, l(n0l)),
		f1(52, w(s0h2)), f1(53, p(s0h2)), f1(54, l(s0h)),
		f1(55, w(s0l2)), f1(56, p(s0l2)), f1(57, l(s0l2)),
		f1(58, w(s0r2)), f1(59, p(s0r2)), f1(60, l(s0r2)),
		f1(61, w(n0l2)), f1(62, p(n0l2)), f1(63, l(n0l2)),
		f3(64, s0p, p(s0l), p(s0l2)), f3(65, s0p, p(s0r), p(s0r2)),
		f3(66, s0p, p(s0h), p(s0h2)), f3(67, n0p, p(n0l), p(n0l2)),
		f2(68, s0w, s.rset[s0]), f2(69, s0p, s.rset[s0]),
		f2(70, s0w, s.lset[s0]), f2(71, s0p, s.lset[s0]),
		f2(72, n0w, n0sl), f2(73, n0p, n0sl),
		f3(74, p(s1), s0p, n0p), f2(75, w(s1), p(s1)),
		f3(76, s0p, l(s0), n0p),
		// In UD a preposition hangs from its noun, so where "in Beijing"
		// attaches is decided with n0 = Beijing: pair n0's left child, the
		// preposition, with both candidate heads, s0 and s0's head.
		f3(77, s0w, w(n0l), n0w), f2(78, s0w, w(n0l)), f3(79, s0p, w(n0l), n0p),
		f3(80, w(s0h), w(n0l), n0w), f3(81, p(s0h), w(n0l), n0p),
	)
	return dst
}
