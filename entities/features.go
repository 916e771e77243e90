package entities

import (
	"math/bits"
	"unicode"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/perceptron"
)

// Feature templates. The numbers are part of the model file format: append
// new templates and never renumber, or bump fileVersion.
const (
	fBias = iota + 1
	fWord
	fRaw
	fShape
	fShort
	fPre2
	fPre3
	fPre4
	fSuf2
	fSuf3
	fSuf4
	fCap
	fPOS
	fPrevWord
	fNextWord
	fPrev2Word
	fNext2Word
	fPrevWordWord
	fWordNextWord
	fShortWindow
	fPrevPOS
	fNextPOS
	fPrevPOSPOS
	fPOSNextPOS
	fCapWindow
	fGaz
	fGazCap
	fGazPrev
	fGazNext
	fTag1
	fTag12
	fTag1Word
	fTag1Short
	fTag1POS
	fPrevRaw
	fNextRaw
	fWordShortNext
	fTag1NextShort
	fNamePart
	fPrevNamePart
	fNextNamePart
)

// maxFeatures bounds the features of one token: the fixed templates plus
// two per gazetteer kind.
const maxFeatures = 44 + 2*nKinds

// Edge hashes stand for words beyond the sentence.
var (
	hStart  = perceptron.HashString("\x00start")
	hStart2 = perceptron.HashString("\x00start2")
	hEnd    = perceptron.HashString("\x00end")
	hEnd2   = perceptron.HashString("\x00end2")
)

// tokInfo is everything about a token that does not depend on tags,
// computed once per token and shared by its neighbours' features.
type tokInfo struct {
	word, raw        uint64 // lower-case feature form; text as is
	shape, short     uint64 // "Xxxx"-like shape with runs cut at 2; with runs cut at 1
	pre2, pre3, pre4 uint64
	suf2, suf3, suf4 uint64
	pos              uint64
	cap              uint64
	gaz              uint32 // gazetteer bits: kind*4 + BILU position
	part             uint8  // partBits: the word is part of a known name
}

// capital classes; +8 marks the first word of a sentence, where a capital
// says little, and +16 a sentence with no lower-case word (a headline or a
// sports result), where it says nothing.
const (
	capNone  = iota // no letters
	capLower        // "talks"
	capAll          // "NATO"
	capInit         // "Gaza"
	capMixed        // "McCain", "iPhone"
)

// fill computes ti for tok; norm is its normalised form.
func fill(ti *tokInfo, tok *khaldun.Token, norm []byte) {
	ti.word = perceptron.HashString(norm)
	ti.raw = perceptron.HashString(tok.Text)
	ti.pre2 = perceptron.HashString(perceptron.Prefix(norm, 2))
	ti.pre3 = perceptron.HashString(perceptron.Prefix(norm, 3))
	ti.pre4 = perceptron.HashString(perceptron.Prefix(norm, 4))
	ti.suf2 = perceptron.HashString(perceptron.Suffix(norm, 2))
	ti.suf3 = perceptron.HashString(perceptron.Suffix(norm, 3))
	ti.suf4 = perceptron.HashString(perceptron.Suffix(norm, 4))
	ti.pos = perceptron.HashString(tok.POS)
	ti.gaz = 0

	var (
		long, short                = uint64(perceptron.FNVOffset), uint64(perceptron.FNVOffset)
		prev                  rune = -1
		run                   int
		upper, lower, letters int
		firstUpper            bool
	)
	for i, r := range tok.Text {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			firstUpper = firstUpper || i == 0
		case unicode.IsLetter(r):
			c = 'x'
			lower++
			letters++
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == prev {
			run++
		} else {
			run = 1
			prev = c
			short ^= uint64(c)
			short *= perceptron.FNVPrime
		}
		if run <= 2 {
			long ^= uint64(c)
			long *= perceptron.FNVPrime
		}
	}
	ti.shape, ti.short = long, short
	switch {
	case letters == 0:
		ti.cap = capNone
	case upper == 0:
		ti.cap = capLower
	case lower == 0:
		ti.cap = capAll
	case firstUpper && upper == 1:
		ti.cap = capInit
	default:
		ti.cap = capMixed
	}
}

// prepare fills info for one sentence; buf is scratch for the normalised
// forms and is returned for reuse.
func prepare(info []tokInfo, toks []khaldun.Token, buf []byte, g *gazetteer) []byte {
	buf = buf[:0]
	hasLower := false
	for i := range toks {
		start := len(buf)
		buf = normalize(buf, toks[i].Text)
		fill(&info[i], &toks[i], buf[start:len(buf):len(buf)])
		hasLower = hasLower || info[i].cap == capLower && len(toks[i].Text) > 3
	}
	for i := range info {
		if i == 0 {
			info[i].cap += 8
		}
		if !hasLower {
			info[i].cap += 16
		}
	}
	if g != nil {
		g.mark(info)
	}
	return buf
}

// extract appends the features of token i given the two previous tags.
func extract(dst []uint64, info []tokInfo, i int, t1, t2 uint8) []uint64 {
	w := &info[i]
	pw, p2w, pr, ps, pp, pc, pg := hStart, hStart2, hStart, hStart, hStart, hStart, uint64(0)
	if i > 0 {
		p := &info[i-1]
		pw, pr, ps, pp, pc, pg = p.word, p.raw, p.short, p.pos, p.cap, uint64(p.gaz)
		if i > 1 {
			p2w = info[i-2].word
		}
	}
	nw, n2w, nr, ns, np, nc, ng := hEnd, hEnd2, hEnd, hEnd, hEnd, hEnd, uint64(0)
	if i+1 < len(info) {
		n := &info[i+1]
		nw, nr, ns, np, nc, ng = n.word, n.raw, n.short, n.pos, n.cap, uint64(n.gaz)
		if i+2 < len(info) {
			n2w = info[i+2].word
		}
	}
	h1, h2 := uint64(t1), uint64(t2)
	dst = append(dst,
		perceptron.Feat1(fBias, 0),
		perceptron.Feat1(fWord, w.word),
		perceptron.Feat1(fRaw, w.raw),
		perceptron.Feat1(fShape, w.shape),
		perceptron.Feat1(fShort, w.short),
		perceptron.Feat1(fPre2, w.pre2),
		perceptron.Feat1(fPre3, w.pre3),
		perceptron.Feat1(fPre4, w.pre4),
		perceptron.Feat1(fSuf2, w.suf2),
		perceptron.Feat1(fSuf3, w.suf3),
		perceptron.Feat1(fSuf4, w.suf4),
		perceptron.Feat1(fCap, w.cap),
		perceptron.Feat1(fPOS, w.pos),
		perceptron.Feat1(fPrevWord, pw),
		perceptron.Feat1(fNextWord, nw),
		perceptron.Feat1(fPrev2Word, p2w),
		perceptron.Feat1(fNext2Word, n2w),
		perceptron.Feat2(fPrevWordWord, pw, w.word),
		perceptron.Feat2(fWordNextWord, w.word, nw),
		feat3(fShortWindow, ps, w.short, ns),
		perceptron.Feat1(fPrevPOS, pp),
		perceptron.Feat1(fNextPOS, np),
		perceptron.Feat2(fPrevPOSPOS, pp, w.pos),
		perceptron.Feat2(fPOSNextPOS, w.pos, np),
		feat3(fCapWindow, pc, w.cap, nc),
		perceptron.Feat1(fGazPrev, pg),
		perceptron.Feat1(fGazNext, ng),
		perceptron.Feat1(fTag1, h1),
		perceptron.Feat2(fTag12, h1, h2),
		perceptron.Feat2(fTag1Word, h1, w.word),
		perceptron.Feat2(fTag1Short, h1, w.short),
		perceptron.Feat2(fTag1POS, h1, w.pos),
		perceptron.Feat1(fPrevRaw, pr),
		perceptron.Feat1(fNextRaw, nr),
		perceptron.Feat2(fWordShortNext, w.word, ns),
		feat3(fTag1NextShort, h1, ns, nc),
	)
	if w.part != 0 {
		dst = append(dst, perceptron.Feat2(fNamePart, uint64(w.part), w.cap))
	}
	if i > 0 && info[i-1].part != 0 {
		dst = append(dst, perceptron.Feat1(fPrevNamePart, uint64(info[i-1].part)))
	}
	if i+1 < len(info) && info[i+1].part != 0 {
		dst = append(dst, perceptron.Feat1(fNextNamePart, uint64(info[i+1].part)))
	}
	for g := w.gaz; g != 0; g &= g - 1 {
		bit := uint64(bits.TrailingZeros32(g))
		dst = append(dst, perceptron.Feat1(fGaz, bit), perceptron.Feat2(fGazCap, bit, w.cap))
	}
	return dst
}
