package dict

// Seq is a sentence as the matchers see it: lower-case surface words and,
// optionally, the lemma of each word (same length, or nil). A dictionary
// word matches a token when it equals either, which lets "ministers" match
// an entry written for "minister" without generating inflections.
type Seq struct {
	Words  []string
	Lemmas []string
}

// Len is the number of tokens.
func (s Seq) Len() int { return len(s.Words) }

// Matches reports whether dictionary word w matches token i.
func (s Seq) Matches(i int, w string) bool {
	if i < 0 || i >= len(s.Words) {
		return false
	}
	if s.Words[i] == w {
		return true
	}
	return i < len(s.Lemmas) && s.Lemmas[i] == w && s.Lemmas[i] != ""
}

// Trie maps word sequences to values for longest-match look-up. The zero
// value is an empty trie ready to use.
type Trie[V any] struct {
	root node[V]
	size int
}

type node[V any] struct {
	next map[string]*node[V]
	vals []V
}

// Insert adds v under the phrase words. Empty phrases are ignored because
// they would match everywhere.
func (t *Trie[V]) Insert(words []string, v V) {
	if len(words) == 0 {
		return
	}
	n := &t.root
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*node[V]{}
		}
		c := n.next[w]
		if c == nil {
			c = &node[V]{}
			n.next[w] = c
		}
		n = c
	}
	n.vals = append(n.vals, v)
	t.size++
}

// Len is the number of phrases inserted.
func (t *Trie[V]) Len() int { return t.size }

// Longest returns the values of the longest phrase starting at token i and
// its length in tokens, or nil and 0.
func (t *Trie[V]) Longest(s Seq, i int) ([]V, int) {
	var best []V
	bestN := 0
	t.walk(&t.root, s, i, 0, true, &best, &bestN)
	return best, bestN
}

// LongestSurface is Longest matching surface words only: for entries
// whose inflections are spelled out, or are not to be inflected at all.
func (t *Trie[V]) LongestSurface(s Seq, i int) ([]V, int) {
	var best []V
	bestN := 0
	t.walk(&t.root, s, i, 0, false, &best, &bestN)
	return best, bestN
}

// walk explores the surface and, when lemmas is set, the lemma branch; a
// surface match is tried first so that it wins ties.
func (t *Trie[V]) walk(n *node[V], s Seq, i, depth int, lemmas bool, best *[]V, bestN *int) {
	if len(n.vals) > 0 && depth > *bestN {
		*best, *bestN = n.vals, depth
	}
	if n.next == nil || i >= len(s.Words) {
		return
	}
	w := s.Words[i]
	if c := n.next[w]; c != nil {
		t.walk(c, s, i+1, depth+1, lemmas, best, bestN)
	}
	if lemmas && i < len(s.Lemmas) && s.Lemmas[i] != "" && s.Lemmas[i] != w {
		if c := n.next[s.Lemmas[i]]; c != nil {
			t.walk(c, s, i+1, depth+1, lemmas, best, bestN)
		}
	}
}

// Each calls f for every value, in no particular order.
func (t *Trie[V]) Each(f func(V)) {
	var rec func(*node[V])
	rec = func(n *node[V]) {
		for _, v := range n.vals {
			f(v)
		}
		for _, c := range n.next {
			rec(c)
		}
	}
	rec(&t.root)
}
