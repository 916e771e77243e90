package pos

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/perceptron"
)

// Tagger assigns Penn Treebank tags and lemmas to tokens. It is safe for
// concurrent use.
type Tagger struct {
	m    *Model
	pool sync.Pool // *scratch
}

// scratch is per-call working memory, pooled so that tagging a sentence
// allocates nothing but the lemmas that rules have to build.
type scratch struct {
	info   []tokInfo
	norm   []byte
	ends   []int
	feats  []uint64
	found  []uint64
	scores []int32
	tags   []uint8

	// A direct-mapped cache of lexical scores (see lexical) by lexKey:
	// slot i holds lexKeys[i] and its scores lexRows[i*tags:(i+1)*tags].
	// Words recur, and a cached row is a few cache lines where its
	// fourteen features would cost as many table lookups and a third of
	// the token's weights. The sums are exact integers, so cached and
	// fresh scores are the same.
	lexKeys []uint64
	lexRows []int32

	touched uint64 // see Model.addWeights
}

// lexSlots is the size of the lexical cache: 200 KB with 49 tags, to stay
// in a core's L2 cache. About half the tokens the tag dictionary leaves
// hit it in news text.
const lexSlots = 1024

// lexScores returns the summed weights of w's lexical features.
func (s *scratch) lexScores(m *Model, w *tokInfo) []int32 {
	n := len(m.tags)
	k := lexKey(w)
	i := int(k & (lexSlots - 1))
	row := s.lexRows[i*n : i*n+n]
	if s.lexKeys[i] != k {
		s.lexKeys[i] = k
		clear(row)
		s.feats = lexical(s.feats[:0], w)
		s.touched ^= m.addWeights(s.feats, s.found, row)
	}
	return row
}

// NewTagger returns a Tagger using m.
func NewTagger(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any {
		return &scratch{scores: make([]int32, len(m.tags)), feats: make([]uint64, 0, maxFeatures),
			found:   make([]uint64, maxFeatures),
			lexKeys: make([]uint64, lexSlots), lexRows: make([]int32, lexSlots*len(m.tags))}
	}
	return t
}

// Model returns the model the tagger uses.
func (t *Tagger) Model() *Model { return t.m }

//go:embed model/en.bin.gz
var defaultModel []byte

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the tagger trained on the UD English Web Treebank that
// ships with khaldun. The model is decoded on first use only.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		m, err := Load(bytes.NewReader(defaultModel))
		if err != nil {
			defaultErr = fmt.Errorf("pos: embedded model: %w", err)
			return
		}
		defaultTagger = NewTagger(m)
	})
	return defaultTagger, defaultErr
}

// Tag sets POS and Lemma of every token of one sentence. Tags depend on
// the neighbours, so toks should be a whole sentence.
func (t *Tagger) Tag(toks []khaldun.Token) {
	if len(toks) == 0 || len(t.m.tags) == 0 { // a zero Model tags nothing
		return
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	m := t.m

	s.norm, s.ends = s.norm[:0], s.ends[:0]
	for _, tok := range toks {
		s.norm, _ = normalize(s.norm, tok.Text)
		s.ends = append(s.ends, len(s.norm))
	}
	s.info = grow(s.info, len(toks))
	start := 0
	for i, tok := range toks {
		fillInfo(&s.info[i], tok.Text, s.norm[start:s.ends[i]], i == 0)
		s.info[i].amb = m.amb[s.info[i].word]
		start = s.ends[i]
	}

	s.tags = grow(s.tags, len(toks))
	var t1, t2 uint64
	for i := range toks {
		tag, ok := m.tagDict[s.info[i].raw]
		past := false // a prefixed irregular past: "undertook", "withheld"
		if !ok && s.info[i].amb == 0 {
			tag, ok, past = m.prefixedPast(toks[i].Text)
		}
		if !ok {
			copy(s.scores, s.lexScores(m, &s.info[i]))
			s.feats = contextual(s.feats[:0], s.info, i, t1, t2)
			s.touched ^= m.addWeights(s.feats, s.found, s.scores)
			tag = best(s.scores)
			if past {
				// past tense or participle, as the context says
				vbd, vbn := m.tagIndex("VBD"), m.tagIndex("VBN")
				tag = uint8(vbd)
				if vbn >= 0 && s.scores[vbn] > s.scores[vbd] {
					tag = uint8(vbn)
				}
			}
		}
		s.tags[i] = tag
		t2, t1 = t1, uint64(tag)+1
	}

	for i := range toks {
		toks[i].POS = m.tags[s.tags[i]]
		toks[i].Lemma = m.lem.lemma(toks[i].Text, s.tags[i], m.tags[s.tags[i]])
	}
}

// grow returns s resized to n, reusing its array when large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// pastPrefixes open verbs whose past tense is the bare verb's, irregular
// or not: undertook, overran, mistook, outgrew, foresaw.
var pastPrefixes = [...]string{"under", "over", "with", "up", "out", "mis", "fore"}

// prefixedPast reads an unseen word that is a prefix and a past form of
// a verb ("undertook", "overran", "withheld"), which the statistical
// model, never having seen it, tags as a noun or preposition. A past the
// tag dictionary always tags VBD ("took") gives VBD (ok); one that is
// also a participle ("held", "ran") leaves the choice between VBD and
// VBN to the model (past).
func (m *Model) prefixedPast(text string) (tag uint8, ok, past bool) {
	vbd := m.tagIndex("VBD")
	if vbd < 0 {
		return 0, false, false
	}
	w := lowerForm(text)
	for _, p := range pastPrefixes {
		if len(w) <= len(p)+2 || !strings.HasPrefix(w, p) {
			continue
		}
		rest := w[len(p):]
		if t, ok := m.tagDict[rawHash(rest)]; ok && m.tags[t] == "VBD" {
			return t, true, false
		}
		if _, ok := m.lem.exceptions[lemmaKey(perceptron.HashString(rest), uint8(vbd))]; ok {
			return 0, false, true
		}
	}
	return 0, false, false
}

// tagIndex is the index of tag t, or -1.
func (m *Model) tagIndex(t string) int {
	for i, x := range m.tags {
		if x == t {
			return i
		}
	}
	return -1
}
