package pos

import (
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun/perceptron"
)

// Features are 64-bit hashes rather than strings: building "w-1=the"
// strings per token would allocate and dominate tagging time, and with
// fewer than a million features a 64-bit collision is practically
// impossible.

// Feature templates. The numbers are part of the model file format: append
// new templates, never renumber.
const (
	fBias = iota + 1
	fWord
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre3
	fShape
	fCapFirst
	fFlags
	fTag1
	fTag12
	fTag1Word
	fPrevWord
	fPrevSuf3
	fPrev2Word
	fNextWord
	fNextSuf3
	fNext2Word
	fPrevWordWord
	fWordNextWord
	fTag1NextWord
	fTag1Suf3
	fRaw
	fSuf5
	fPrevCap
	fNextCap
	fPrevNextWord
	fTag1PrevWord
	fNextNext2Word
	fPrevShapeShape
	fNextShape
	fAmb
	fAmbNext
	fAmbNext2
	fAmbPrev
	fTag1Amb
	fAmbAmbNext
	fTag1AmbNext
	nTemplates
)

// maxFeatures is the number of features extracted for one token.
const maxFeatures = nTemplates - 1

// Hash values standing in for words beyond the sentence edges and for the
// tag before the first word.
var (
	hStart  = perceptron.HashString("\x00start")
	hStart2 = perceptron.HashString("\x00start2")
	hEnd    = perceptron.HashString("\x00end")
	hEnd2   = perceptron.HashString("\x00end2")
)

// tokInfo holds everything about one token that does not depend on tags,
// computed once per token and shared by its neighbours' features.
type tokInfo struct {
	word, raw        uint64 // normalised lower-case form; case-preserving form
	suf1, suf2, suf3 uint64
	suf4, suf5, pre1 uint64
	pre3             uint64
	// amb is the word's ambiguity class: the set of tags it had in the
	// training data, 0 when unseen. On the right of the current word it
	// stands in for the tags greedy decoding has not predicted yet.
	amb                  uint64
	shape, capFirst, flg uint64
}

// normalize writes the feature form of text to buf: lower case, digits as
// 0, curly quotes as the treebank's PTB quotes. It reports whether the
// result differs from text so callers can avoid copying.
func normalize(buf []byte, text string) ([]byte, bool) {
	switch text {
	case "“":
		return append(buf, "``"...), true
	case "”":
		return append(buf, "''"...), true
	case "‘":
		return append(buf, '`'), true
	}
	changed := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
				changed = true
			case '0' <= c && c <= '9':
				c = '0'
				changed = true
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r == '’' || r == '‘':
			buf = append(buf, '\'')
			changed = true
		case unicode.IsUpper(r):
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			changed = true
		case unicode.IsDigit(r):
			buf = append(buf, '0')
			changed = true
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	return buf, changed
}

// rawHash hashes text with curly quotes mapped but case kept; the tag
// dictionary uses it so that "US" and "us" stay apart.
func rawHash(text string) uint64 {
	switch text {
	case "“":
		return perceptron.HashString("``")
	case "”":
		return perceptron.HashString("''")
	case "‘":
		return perceptron.HashString("`")
	}
	h := uint64(perceptron.FNVOffset)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '’' {
			h ^= '\''
			h *= perceptron.FNVPrime
			i += n
			continue
		}
		for ; n > 0; n-- {
			h ^= uint64(text[i])
			h *= perceptron.FNVPrime
			i++
		}
	}
	return h
}

// fillInfo computes tokInfo for a token; norm is its normalised form and
// first says whether it starts the sentence (capitalisation means less
// there).
func fillInfo(ti *tokInfo, text string, norm []byte, first bool) {
	ti.word = perceptron.HashString(norm)
	ti.raw = rawHash(text)
	ti.suf1 = perceptron.HashString(perceptron.Suffix(norm, 1))
	ti.suf2 = perceptron.HashString(perceptron.Suffix(norm, 2))
	ti.suf3 = perceptron.HashString(perceptron.Suffix(norm, 3))
	ti.suf4 = perceptron.HashString(perceptron.Suffix(norm, 4))
	ti.suf5 = perceptron.HashString(perceptron.Suffix(norm, 5))
	ti.pre1 = perceptron.HashString(perceptron.Prefix(norm, 1))
	ti.pre3 = perceptron.HashString(perceptron.Prefix(norm, 3))

	// Shape: character classes with runs longer than two collapsed, so
	// "Beijing" and "Hamas" share "Xxx" while "IBM" gives "XXX", "2005" "ddd".
	var (
		h                          = uint64(perceptron.FNVOffset)
		prev                  rune = -1
		run                   int
		upper, lower, letters int
		digit, hyphen         bool
		firstUpper            bool
	)
	for i, r := range text {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLetter(r):
			c = 'x'
			lower++
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			digit = true
		case r == '-':
			hyphen = true
		}
		if c == prev {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			prev = c
		}
		h ^= uint64(c)
		h *= perceptron.FNVPrime
	}
	ti.shape = h
	var capClass uint64
	switch {
	case letters == 0:
		capClass = 0
	case upper == 0:
		capClass = 1
	case lower == 0:
		capClass = 2
	case firstUpper && upper == 1:
		capClass = 3
	default:
		capClass = 4
	}
	if first {
		capClass += 8
	}
	ti.capFirst = capClass
	ti.flg = 0
	if digit {
		ti.flg |= 1
	}
	if hyphen {
		ti.flg |= 2
	}
}

// extract appends the features of token i given the two previous tags
// (as tag index + 1, 0 meaning "before the sentence").
func extract(dst []uint64, info []tokInfo, i int, t1, t2 uint64) []uint64 {
	return contextual(lexical(dst, &info[i]), info, i, t1, t2)
}

// lexical appends the features that depend on the token alone. They are
// split from the rest so that the tagger can cache their summed weights
// per word form: a word's lexical scores are the same wherever it occurs.
func lexical(dst []uint64, w *tokInfo) []uint64 {
	return append(dst,
		perceptron.Feat1(fBias, 0),
		perceptron.Feat1(fWord, w.word),
		perceptron.Feat1(fSuf1, w.suf1),
		perceptron.Feat1(fSuf2, w.suf2),
		perceptron.Feat1(fSuf3, w.suf3),
		perceptron.Feat1(fSuf4, w.suf4),
		perceptron.Feat1(fPre1, w.pre1),
		perceptron.Feat1(fPre3, w.pre3),
		perceptron.Feat1(fShape, w.shape),
		perceptron.Feat1(fCapFirst, w.capFirst),
		perceptron.Feat1(fFlags, w.flg),
		perceptron.Feat1(fRaw, w.raw),
		perceptron.Feat1(fSuf5, w.suf5),
		perceptron.Feat1(fAmb, w.amb),
	)
}

// lexKey identifies the lexical features of w: all of them derive from
// these fields (amb from word), so equal keys mean equal lexical scores.
func lexKey(w *tokInfo) uint64 {
	k := perceptron.Mix(w.word ^ w.raw*perceptron.FNVPrime)
	k = perceptron.Mix(k ^ w.shape)
	return perceptron.Mix(k^(w.capFirst<<8|w.flg)) | 1 // 0 marks an empty cache slot
}

// contextual appends the features that depend on the neighbours or the
// previous tags.
func contextual(dst []uint64, info []tokInfo, i int, t1, t2 uint64) []uint64 {
	w := &info[i]
	prevW, prevS, prev2W, prevC, prevSh := hStart, hStart, hStart2, hStart, hStart
	prevA, nextA, next2A := hStart, hEnd, hEnd2
	if i > 0 {
		prevA = info[i-1].amb
		prevW, prevS, prevC, prevSh = info[i-1].word, info[i-1].suf3, info[i-1].capFirst, info[i-1].shape
		if i > 1 {
			prev2W = info[i-2].word
		}
	}
	nextW, nextS, next2W, nextC, nextSh := hEnd, hEnd, hEnd2, hEnd, hEnd
	if i+1 < len(info) {
		nextA = info[i+1].amb
		if i+2 < len(info) {
			next2A = info[i+2].amb
		}
		nextW, nextS, nextC, nextSh = info[i+1].word, info[i+1].suf3, info[i+1].capFirst, info[i+1].shape
		if i+2 < len(info) {
			next2W = info[i+2].word
		}
	}
	return append(dst,
		perceptron.Feat1(fTag1, t1),
		perceptron.Feat2(fTag12, t1, t2),
		perceptron.Feat2(fTag1Word, t1, w.word),
		perceptron.Feat1(fPrevWord, prevW),
		perceptron.Feat1(fPrevSuf3, prevS),
		perceptron.Feat1(fPrev2Word, prev2W),
		perceptron.Feat1(fNextWord, nextW),
		perceptron.Feat1(fNextSuf3, nextS),
		perceptron.Feat1(fNext2Word, next2W),
		perceptron.Feat2(fPrevWordWord, prevW, w.word),
		perceptron.Feat2(fWordNextWord, w.word, nextW),
		perceptron.Feat2(fTag1NextWord, t1, nextW),
		perceptron.Feat2(fTag1Suf3, t1, w.suf3),
		perceptron.Feat2(fPrevCap, prevC, w.capFirst),
		perceptron.Feat2(fNextCap, nextC, w.capFirst),
		perceptron.Feat2(fPrevNextWord, prevW, nextW),
		perceptron.Feat2(fTag1PrevWord, t1, prevW),
		perceptron.Feat2(fNextNext2Word, nextW, next2W),
		perceptron.Feat2(fPrevShapeShape, prevSh, w.shape),
		perceptron.Feat2(fNextShape, nextSh, w.shape),
		perceptron.Feat1(fAmbNext, nextA),
		perceptron.Feat2(fAmbNext2, nextA, next2A),
		perceptron.Feat1(fAmbPrev, prevA),
		perceptron.Feat2(fTag1Amb, t1, w.amb),
		perceptron.Feat2(fAmbAmbNext, w.amb, nextA),
		perceptron.Feat2(fTag1AmbNext, t1, perceptron.Mix(w.amb^nextA)),
	)
}
