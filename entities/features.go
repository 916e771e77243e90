package entities

import (
	"math/bits"
	"unicode"

	"github.com/khaldun/khaldun"
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
	hStart  = hashString("\x00start")
	hStart2 = hashString("\x00start2")
	hEnd    = hashString("\x00end")
	hEnd2   = hashString("\x00end2")
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
	ti.word = hashString(norm)
	ti.raw = hashString(tok.Text)
	ti.pre2 = hashString(prefix(norm, 2))
	ti.pre3 = hashString(prefix(norm, 3))
	ti.pre4 = hashString(prefix(norm, 4))
	ti.suf2 = hashString(suffix(norm, 2))
	ti.suf3 = hashString(suffix(norm, 3))
	ti.suf4 = hashString(suffix(norm, 4))
	ti.pos = hashString(tok.POS)
	ti.gaz = 0

	var (
		long, short                = uint64(fnvOffset), uint64(fnvOffset)
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
			short *= fnvPrime
		}
		if run <= 2 {
			long ^= uint64(c)
			long *= fnvPrime
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
		feat1(fBias, 0),
		feat1(fWord, w.word),
		feat1(fRaw, w.raw),
		feat1(fShape, w.shape),
		feat1(fShort, w.short),
		feat1(fPre2, w.pre2),
		feat1(fPre3, w.pre3),
		feat1(fPre4, w.pre4),
		feat1(fSuf2, w.suf2),
		feat1(fSuf3, w.suf3),
		feat1(fSuf4, w.suf4),
		feat1(fCap, w.cap),
		feat1(fPOS, w.pos),
		feat1(fPrevWord, pw),
		feat1(fNextWord, nw),
		feat1(fPrev2Word, p2w),
		feat1(fNext2Word, n2w),
		feat2(fPrevWordWord, pw, w.word),
		feat2(fWordNextWord, w.word, nw),
		feat3(fShortWindow, ps, w.short, ns),
		feat1(fPrevPOS, pp),
		feat1(fNextPOS, np),
		feat2(fPrevPOSPOS, pp, w.pos),
		feat2(fPOSNextPOS, w.pos, np),
		feat3(fCapWindow, pc, w.cap, nc),
		feat1(fGazPrev, pg),
		feat1(fGazNext, ng),
		feat1(fTag1, h1),
		feat2(fTag12, h1, h2),
		feat2(fTag1Word, h1, w.word),
		feat2(fTag1Short, h1, w.short),
		feat2(fTag1POS, h1, w.pos),
		feat1(fPrevRaw, pr),
		feat1(fNextRaw, nr),
		feat2(fWordShortNext, w.word, ns),
		feat3(fTag1NextShort, h1, ns, nc),
	)
	if w.part != 0 {
		dst = append(dst, feat2(fNamePart, uint64(w.part), w.cap))
	}
	if i > 0 && info[i-1].part != 0 {
		dst = append(dst, feat1(fPrevNamePart, uint64(info[i-1].part)))
	}
	if i+1 < len(info) && info[i+1].part != 0 {
		dst = append(dst, feat1(fNextNamePart, uint64(info[i+1].part)))
	}
	for g := w.gaz; g != 0; g &= g - 1 {
		bit := uint64(bits.TrailingZeros32(g))
		dst = append(dst, feat1(fGaz, bit), feat2(fGazCap, bit, w.cap))
	}
	return dst
}
