package entities

import (
	"sync"

	"github.com/khaldun/khaldun"
)

// tagger runs a Model over sentences. It is safe for concurrent use.
type tagger struct {
	m    *Model
	gaz  *gazetteer
	pool sync.Pool // *scratch
}

// scratch is per-call working memory, pooled so that tagging a sentence
// allocates nothing.
type scratch struct {
	info   []tokInfo
	norm   []byte
	feats  []uint64
	found  []uint64
	scores [nTags]int32
	tags   []uint8
	spans  []span

	touched uint64 // see Model.score
}

func newTagger(m *Model, g *gazetteer) *tagger {
	t := &tagger{m: m, gaz: g}
	t.pool.New = func() any {
		return &scratch{feats: make([]uint64, 0, maxFeatures), found: make([]uint64, maxFeatures)}
	}
	return t
}

// spans tags one sentence greedily from left to right, each tag allowed
// only where it continues the previous one, and returns its names. The
// result and s.info are valid until s is reused.
func (t *tagger) spans(toks []khaldun.Token, s *scratch) []span {
	s.spans = s.spans[:0]
	if len(toks) == 0 {
		return s.spans
	}
	s.info = grow(s.info, len(toks))
	s.norm = prepare(s.info, toks, s.norm, t.gaz)
	s.tags = grow(s.tags, len(toks))
	var t1, t2 uint8
	for i := range toks {
		s.feats = extract(s.feats[:0], s.info, i, t1, t2)
		if len(s.found) < len(s.feats) {
			s.found = make([]uint64, len(s.feats))
		}
		s.touched ^= t.m.score(s.feats, s.found, &s.scores)
		tag := best(s.scores[:], t1, i == len(toks)-1)
		s.tags[i] = tag
		t2, t1 = t1, tag
	}
	s.spans = decode(s.spans, s.tags)
	return s.spans
}

// grow returns s resized to n, reusing its array when large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
