package coder

import (
	"slices"
	"strings"

	"github.com/khaldun/khaldun"
)

// sentence is a sentence prepared for matching.
type sentence struct {
	text *khaldun.Text
	sent *khaldun.Sentence
	toks []khaldun.Token
	seq  seqT
	tags []string // Penn tags, after retag's repairs
	date string
	// placeCountry is the one country of the places the geo stage found
	// in the sentence, "" for none or several.
	placeCountry string
	// articleCountry is the country the article's places are mostly
	// in (articleCountryOf), "" when none dominates.
	articleCountry string
}

func newSentence(t *khaldun.Text, s *khaldun.Sentence) *sentence {
	toks := splitJoined(s.Tokens)
	n := len(toks)
	words := make([]string, n)
	lemmas := make([]string, n)
	tags := make([]string, n)
	for i, tk := range toks {
		words[i] = normWord(tk.Text)
		lemmas[i] = tk.Lemma
		tags[i] = tk.POS
		if tk.Text == "US" && !shouting(toks) {
			// the country, which lower-cased would be the pronoun
			words[i] = "u.s."
		} else if strings.HasPrefix(tk.Text, "US-") && len(tk.Text) > 3 && !shouting(toks) {
			// "US-led" is written "U.S.-led" as well
			words[i] = "u.s." + words[i][2:]
		}
	}
	return &sentence{text: t, sent: s, toks: toks, seq: seqT{Words: words, Lemmas: lemmas}, tags: tags, date: t.Published}
}

// splitJoined splits tokens written with underscores between words
// ("Dol_Amroth", "al_Qaeda") into their words, each with its own span:
// PETRARCH's files and records use "_" for the space of a multi-word
// name, so the dictionaries know such a name as words. The sentence's
// tokens are copied only when one needs splitting.
func splitJoined(toks []khaldun.Token) []khaldun.Token {
	k := slices.IndexFunc(toks, joined)
	if k < 0 {
		return toks
	}
	out := append(make([]khaldun.Token, 0, len(toks)+2), toks[:k]...)
	for _, tk := range toks[k:] {
		if !joined(tk) {
			out = append(out, tk)
			continue
		}
		off := tk.Span.Start
		for _, w := range strings.Split(tk.Text, "_") {
			if w != "" {
				out = append(out, khaldun.Token{Text: w, Span: khaldun.Span{Start: off, End: off + len(w)}, POS: tk.POS, Lemma: strings.ToLower(w)})
			}
			off += len(w) + 1
		}
	}
	return out
}

// joined reports a token with an underscore between two letters.
func joined(tk khaldun.Token) bool {
	i := strings.IndexByte(tk.Text, '_')
	return i > 0 && i < len(tk.Text)-1 && tk.Span.End-tk.Span.Start == len(tk.Text)
}

// shouting reports a sentence written in capitals, where "US" may be
// the pronoun: no token has a lower-case letter.
func shouting(toks []khaldun.Token) bool {
	for _, t := range toks {
		if strings.ToUpper(t.Text) != t.Text {
			return false
		}
	}
	return true
}

// normWord lower-cases a token and folds typographic quotes so that
// dictionary words written with ASCII apostrophes match ("n’t" → "n't").
func normWord(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘") {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

func (s *sentence) pos(i int) string {
	if i < 0 || i >= len(s.tags) {
		return ""
	}
	return s.tags[i]
}

func (s *sentence) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.seq.Words[i]
}

func (s *sentence) isVerb(i int) bool { return strings.HasPrefix(s.pos(i), "VB") }

// span covers tokens [i, j).
func (s *sentence) span(i, j int) khaldun.Span {
	if i >= j || i < 0 || j > len(s.toks) {
		return khaldun.Span{}
	}
	return khaldun.Span{Start: s.toks[i].Span.Start, End: s.toks[j-1].Span.End}
}

func (s *sentence) textOf(sp khaldun.Span) string {
	b := s.text.Body
	if sp.Start < 0 || sp.End > len(b) || sp.Start > sp.End {
		return ""
	}
	return b[sp.Start:sp.End]
}

// clauseBreak is a token that ends the clause a verb's target can come from.
func (s *sentence) clauseBreak(i int) bool {
	switch s.word(i) {
	case ";", ":", "--", "while", "whereas", "because", "although", "after", "before", "when", "but", "which", "who", "as", "according":
		return true
	}
	return false
}

// quoteEnd reports the closing mark of a quotation at token i: a curly
// closing quote, or a straight one that closes a quotation opened earlier
// in the sentence, or that ends a quotation begun in an earlier sentence
// (right after the punctuation that ends the quoted words, with no mark
// after it: "… win," he added). An act inside the quotation does not take
// its target from the attribution after it.
func (s *sentence) quoteEnd(i int) bool {
	switch s.word(i) {
	case "\u201d", "''":
		return true
	case "\"":
		before := 0
		for j := 0; j < i; j++ {
			if s.word(j) == "\"" {
				before++
			}
		}
		if before%2 == 1 {
			return true
		}
		switch s.word(i - 1) {
		case ",", ".", "?", "!":
			for j := i + 1; j < s.seq.Len(); j++ {
				if s.word(j) == "\"" {
					return false // `warned, "X will …"`: it opens one
				}
			}
			return true
		}
	}
	return false
}

// purpose reports an infinitive of purpose whose subject is the main
// verb's: "met in Moscow in February to discuss". An actor right before
// "to" is the infinitive's own subject instead ("urged Israel to
// withdraw").
func purpose(s *sentence, ms []mention, h verbHit) bool {
	i := h.start - 1
	for s.pos(i) == "RB" {
		i--
	}
	if s.word(i) != "to" || s.pos(h.head) != "VB" {
		return false
	}
	if j := i - 1; j >= 0 && s.isVerb(j) && !auxiliaries[s.word(j)] {
		// "a plan that seeks to curb": the complement of a
		// verb of its own, whose subject it shares
		return false
	}
	for k := range ms {
		if ms[k].end == i && !prepObject(s, ms[k].start) {
			return false
		}
	}
	return true
}

// appositionBefore returns the actor before a parenthetical that ends
// right before verb v ("Haniyeh, in turn, stressed", "Vestria, a
// long-time trading partner, has declined"), or -1. The parenthetical holds no finite verb.
func appositionBefore(s *sentence, ms []mention, v int) int {
	i := v - 1
	for i >= 0 && (s.pos(i) == "RB" || s.pos(i) == "MD" || auxiliaries[s.word(i)]) {
		i--
	}
	if s.word(i) != "," {
		return -1
	}
	for j := i - 1; j > 0 && j >= i-12; j-- {
		switch {
		case s.word(j) == ",":
			for k := range ms {
				if ms[k].end == j {
					return members(ms, k)[0]
				}
			}
			return -1
		case finite(s.pos(j)) || s.clauseBreak(j) || s.word(j) == "and":
			return -1
		}
	}
	return -1
}

// placeCountryOf is the one country of the places within span sp, or "".
func placeCountryOf(places []khaldun.Place, sp khaldun.Span) string {
	k := ""
	for _, p := range places {
		if p.Span.Start < sp.Start || p.Span.End > sp.End || p.Country == "" {
			continue
		}
		if k != "" && k != p.Country {
			return ""
		}
		k = p.Country
	}
	return k
}

// articleCountryOf is the country most of an article's places are in,
// when it is plainly the article's own: at least three mentions and at
// least two thirds of all; "" otherwise.
func articleCountryOf(places []khaldun.Place) string {
	n := map[string]int{}
	total := 0
	for _, p := range places {
		if p.Country != "" {
			n[p.Country]++
			total++
		}
	}
	for k, v := range n {
		if v >= 3 && 3*v >= 2*total {
			return k
		}
	}
	return ""
}
