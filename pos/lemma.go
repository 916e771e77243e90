package pos

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun/perceptron"
)

// lemmatizer turns (word, tag) into a lower-case lemma. Regular inflection
// is undone by suffix rules; whatever the rules get wrong on the training
// treebank (went→go, children→child, was→be, me→I) is stored as an
// exception. Where a rule has several candidate stems (hoped: hop or hope?)
// the one attested as a lemma of that word class in the treebank wins.
type lemmatizer struct {
	exceptions map[uint64]string // lemmaKey(lower, tag) → lemma
	vocab      map[uint64]struct{}
}

// Word classes for the vocabulary: a stem is only accepted as a verb if it
// was seen as a verb lemma, and so on.
const (
	classNone = iota
	classNoun
	classVerb
	classAdj
)

func tagClass(tag string) int {
	switch tag {
	case "NNS", "NNPS":
		return classNoun
	case "VBD", "VBN", "VBG", "VBZ":
		return classVerb
	case "JJR", "JJS", "RBR", "RBS":
		return classAdj
	}
	return classNone
}

// lemmaClass is the class under which a gold lemma enters the vocabulary;
// base forms count as well as inflected ones.
func lemmaClass(tag string) int {
	switch tag {
	case "NN", "NNS", "NNP", "NNPS":
		return classNoun
	case "VB", "VBP", "VBD", "VBN", "VBG", "VBZ":
		return classVerb
	case "JJ", "JJR", "JJS", "RB", "RBR", "RBS":
		return classAdj
	}
	return classNone
}

func vocabKey(class int, lemma string) uint64 {
	return perceptron.Feat1(class, perceptron.HashString(lemma))
}
func lemmaKey(lowerHash uint64, tag uint8) uint64 {
	return perceptron.Feat1(int(tag)+1, lowerHash^0x5bd1e995)
}

// lowerHash is hashString(lowerForm(s)) computed without building it.
func lowerHash(s string) uint64 {
	h := uint64(perceptron.FNVOffset)
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		r = lowerRune(r)
		n := utf8.EncodeRune(buf[:], r)
		for _, c := range buf[:n] {
			h ^= uint64(c)
			h *= perceptron.FNVPrime
		}
	}
	return h
}

func lowerRune(r rune) rune {
	if r == '’' {
		return '\''
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// lowerForm lower-cases s and maps ’ to ', returning s itself (no
// allocation) when nothing changes.
func lowerForm(s string) string {
	for _, r := range s {
		if lowerRune(r) != r {
			return strings.Map(lowerRune, s)
		}
	}
	return s
}

func (l *lemmatizer) lemma(text string, tagIdx uint8, tag string) string {
	if lem, ok := l.exceptions[lemmaKey(lowerHash(text), tagIdx)]; ok {
		return lem
	}
	w := lowerForm(text)
	if tag == "VBD" || tag == "VBN" {
		// "undertook", "overran": a prefix on an irregular form
		for _, p := range pastPrefixes {
			if len(w) > len(p)+2 && strings.HasPrefix(w, p) {
				if lem, ok := l.exceptions[lemmaKey(perceptron.HashString(w[len(p):]), tagIdx)]; ok {
					return p + lem
				}
			}
		}
	}
	return l.rule(w, tag)
}

func (l *lemmatizer) known(class int, s string) bool {
	_, ok := l.vocab[vocabKey(class, s)]
	return ok
}

// rule applies the suffix rules for tag to the lower-case word w.
func (l *lemmatizer) rule(w, tag string) string {
	class := tagClass(tag)
	var cands [3]string
	var c []string
	switch tag {
	case "NNS", "NNPS", "VBZ":
		c = pluralCands(cands[:0], w)
	case "VBD", "VBN":
		c = suffixCands(cands[:0], w, "ed", "ied")
	case "VBG":
		c = suffixCands(cands[:0], w, "ing", "ying")
	case "JJR", "RBR":
		c = suffixCands(cands[:0], w, "er", "ier")
	case "JJS", "RBS":
		c = suffixCands(cands[:0], w, "est", "iest")
	case "CD":
		return numberLemma(w)
	}
	if len(c) == 0 {
		return w
	}
	for _, s := range c {
		if l.known(class, s) {
			return s
		}
	}
	// A verb made from a noun (telephoned, zoned) is often unattested as
	// a verb; a known noun may restore its silent e, but never take one
	// away: "pared" is "pare", though "par" is the noun known.
	if class == classVerb && !strings.HasSuffix(c[0], "e") {
		for _, s := range c[1:] {
			if strings.HasSuffix(s, "e") && l.known(classNoun, s) {
				return s
			}
		}
	}
	return c[0]
}

// pluralCands lists stems for a plural noun or third-person verb, the most
// likely first.
func pluralCands(c []string, w string) []string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return append(c, w[:n-3]+"y", w[:n-1])
	case strings.HasSuffix(w, "men") && n > 4:
		return append(c, w[:n-3]+"man", w)
	case n > 3 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") ||
		strings.HasSuffix(w, "zes") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "oes")):
		return append(c, w[:n-2], w[:n-1])
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return append(c, w, w[:n-1])
	case n > 2 && w[n-1] == 's' && w[n-2] != '\'':
		return append(c, w[:n-1], w)
	}
	return nil
}

// suffixCands strips suf (or its y-form, ies/ied...) from w and lists the
// possible stems: as is, with a doubled consonant undone (stopped), or with
// a silent e restored (hoped).
func suffixCands(c []string, w, suf, ysuf string) []string {
	n := len(w)
	if n > len(ysuf)+1 && strings.HasSuffix(w, ysuf) && suf != "ing" {
		return append(c, w[:n-len(ysuf)]+"y", w[:n-len(suf)])
	}
	if n < len(suf)+2 || !strings.HasSuffix(w, suf) {
		return nil
	}
	s := w[:n-len(suf)]
	m := len(s)
	if suf == "ed" && s[m-1] == 'e' { // agreed, freed
		return append(c, w[:n-1], s)
	}
	if m >= 3 && s[m-1] == s[m-2] && isConsonant(s[m-1]) {
		if strings.ContainsRune("lsfz", rune(s[m-1])) {
			return append(c, s, s[:m-1]) // called, missed; travelled is an exception
		}
		return append(c, s[:m-1], s) // stopped
	}
	if wantsE(s) {
		return append(c, s+"e", s)
	}
	return append(c, s, s+"e")
}

func isConsonant(b byte) bool {
	return 'a' <= b && b <= 'z' && !strings.ContainsRune("aeiou", rune(b))
}

func isVowel(b byte) bool { return strings.ContainsRune("aeiouy", rune(b)) }

// wantsE guesses whether an unknown stem lost a silent e (creat-ed,
// chang-ing, nic-er). Only used when neither candidate is attested.
func wantsE(s string) bool {
	m := len(s)
	if m < 2 {
		return false
	}
	last, prev := s[m-1], s[m-2]
	switch last {
	case 'v', 'z', 'c':
		return true
	case 'u':
		return true // continu-ed
	case 'l':
		return isConsonant(prev) && prev != 'l' // enabl-ed, settl-ed
	case 'g':
		return prev == 'r' || prev == 'd' || prev == 'n' && m > 3 && s[m-3] == 'a' // charg, judg, chang
	}
	if !isConsonant(last) || !isVowel(prev) || last == 'w' || last == 'x' || last == 'y' {
		return false
	}
	// Consonant-vowel-consonant ending: silent e is likely after a single
	// vowel (hop-ed ← hope; doubled stems were handled earlier), except
	// for the unstressed endings of offer, visit, open, develop.
	if m >= 3 && isVowel(s[m-3]) {
		return last == 's' // caus-ed, rais-ed; but need-ed, join-ed
	}
	switch s[m-2:] {
	case "er", "or", "it", "et", "en", "op", "on", "om", "us", "ol", "el":
		return false
	}
	return true
}

// numberLemma drops thousands separators (12,000 → 12000), as the treebank
// does, so that the lemma is the number itself.
func numberLemma(w string) string {
	if !strings.Contains(w, ",") {
		return w
	}
	for i, part := range strings.Split(w, ",") {
		if len(part) == 0 || len(part) > 3 || i > 0 && len(part) != 3 ||
			strings.Trim(part, "0123456789") != "" {
			return w
		}
	}
	return strings.ReplaceAll(w, ",", "")
}
