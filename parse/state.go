package parse

// Arc-eager transitions. Labelled arcs are numbered after the two
// unlabelled moves: class 2+2l is LEFT with label l, 3+2l RIGHT with l.
const (
	shift = iota
	reduce
	nMoves
)

func leftClass(l int) int  { return nMoves + 2*l }
func rightClass(l int) int { return nMoves + 2*l + 1 }

// classMove splits a class into its move (shift, reduce, left=2, right=3)
// and label.
func classMove(c int) (move, label int) {
	if c < nMoves {
		return c, -1
	}
	return nMoves + (c-nMoves)%2, (c - nMoves) / 2
}

const (
	moveLeft  = nMoves
	moveRight = nMoves + 1
)

// state is a parser configuration. Token n is the artificial root, which
// sits at the bottom of the stack and never moves; in arc-eager the buffer
// is always a suffix of the sentence, so it is just its first index. Every
// slice is sized for n+1 and reused between sentences.
type state struct {
	n     int
	stack []int32
	b     int // front of the buffer
	head  []int32
	rel   []uint8
	// Two leftmost and two rightmost children, valencies and label sets,
	// kept up to date as arcs are added because the features read them at
	// every step.
	l1, l2, r1, r2 []int32
	nl, nr         []uint8
	lset, rset     []uint64
}

func (s *state) reset(n int) {
	s.n, s.b = n, 0
	s.stack = append(s.stack[:0], int32(n))
	s.head = fill(s.head, n+1, -1)
	s.l1 = fill(s.l1, n+1, -1)
	s.l2 = fill(s.l2, n+1, -1)
	s.r1 = fill(s.r1, n+1, -1)
	s.r2 = fill(s.r2, n+1, -1)
	s.rel = fill(s.rel, n+1, 0)
	s.nl = fill(s.nl, n+1, 0)
	s.nr = fill(s.nr, n+1, 0)
	s.lset = fill(s.lset, n+1, 0)
	s.rset = fill(s.rset, n+1, 0)
}

func fill[T any](s []T, n int, v T) []T {
	if cap(s) < n {
		s = make([]T, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

func (s *state) done() bool { return s.b >= s.n }
func (s *state) s0() int    { return int(s.stack[len(s.stack)-1]) }

// valid reports whether a move may be taken. RIGHT from the root is allowed
// once only because UD trees have exactly one root.
func (s *state) valid(move int) bool {
	s0 := s.s0()
	switch move {
	case shift:
		return true
	case reduce:
		return s0 != s.n && s.head[s0] >= 0
	case moveLeft:
		return s0 != s.n && s.head[s0] < 0
	default: // moveRight
		return s0 != s.n || !s.rootTaken()
	}
}

// rootTaken reports whether the root has its child. The root sits after
// the last word, so its child is a left child.
func (s *state) rootTaken() bool { return s.l1[s.n] >= 0 }

func (s *state) apply(move, label int) {
	switch move {
	case shift:
		s.stack = append(s.stack, int32(s.b))
		s.b++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case moveLeft:
		s.addArc(s.b, s.s0(), label)
		s.stack = s.stack[:len(s.stack)-1]
	default:
		s.addArc(s.s0(), s.b, label)
		s.stack = append(s.stack, int32(s.b))
		s.b++
	}
}

func (s *state) addArc(h, d, label int) {
	s.head[d], s.rel[d] = int32(h), uint8(label)
	if d < h {
		// Left children arrive nearest first, so each is the new leftmost.
		s.l2[h], s.l1[h] = s.l1[h], int32(d)
		s.nl[h]++
		s.lset[h] |= 1 << uint(label&63)
	} else {
		s.r2[h], s.r1[h] = s.r1[h], int32(d)
		s.nr[h]++
		s.rset[h] |= 1 << uint(label&63)
	}
}

// finish attaches what is still headless when the buffer runs out: the
// first such word becomes the root if the root has no child yet, the rest
// hang from the root word, so the output is always a single tree.
func (s *state) finish(depLabel int) {
	for _, w := range s.stack[1:] {
		if s.head[w] >= 0 {
			continue
		}
		if !s.rootTaken() {
			s.addArc(s.n, int(w), rootLabel)
		} else {
			s.addArc(int(s.l1[s.n]), int(w), depLabel)
		}
	}
}

// rootLabel is the index of "root" in every model's label list.
const rootLabel = 0

// costs fills cost[c] with the number of gold arcs that class c makes
// unreachable (Goldberg and Nivre 2012); invalid classes get -1. gold and
// grel are the gold heads (n for the root) and labels.
func (s *state) costs(gold []int32, grel []uint8, nLabels int, cost []int32) {
	s0, b := s.s0(), s.b
	inStack := func(k int32) bool {
		for _, x := range s.stack {
			if x == k {
				return true
			}
		}
		return false
	}
	// The gold arcs a move can lose: b's dependents still headless on the
	// stack (lost by SHIFT and RIGHT), s0's dependents in the buffer (lost
	// by popping s0), and b's own head when it is not s0.
	bDepsInStack, s0DepsInBuf := int32(0), int32(0)
	for _, k := range s.stack {
		if gold[k] == int32(b) && s.head[k] < 0 && int(k) != s.n {
			bDepsInStack++
		}
	}
	for k := b; k < s.n; k++ {
		if gold[k] == int32(s0) {
			s0DepsInBuf++
		}
	}
	gb := gold[b]
	bHeadInStack := inStack(gb)
	bHeadInBuf := int(gb) > b && int(gb) < s.n

	for c := range cost {
		cost[c] = -1
	}
	cost[shift] = bDepsInStack
	if bHeadInStack {
		cost[shift]++
	}
	if s.valid(reduce) {
		cost[reduce] = s0DepsInBuf
	}
	if s.valid(moveLeft) {
		c := s0DepsInBuf
		g := int(gold[s0])
		if g > b && g < s.n {
			c++
		}
		for l := range nLabels {
			cost[leftClass(l)] = c
			if g == b && uint8(l) != grel[s0] {
				cost[leftClass(l)] = c + 1
			}
		}
	}
	if s.valid(moveRight) {
		c := bDepsInStack
		if int(gb) != s0 && (bHeadInStack || bHeadInBuf) {
			c++
		}
		for l := range nLabels {
			cost[rightClass(l)] = c
			if int(gb) == s0 && uint8(l) != grel[b] {
				cost[rightClass(l)] = c + 1
			}
		}
	}
}
