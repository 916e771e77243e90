package quote

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// cueVerbs are the lemmas that introduce reported speech. The list is
// closed on purpose: an open-ended "any verb next to a quote" would make
// every "called it" or "described as" a speaker.
var cueVerbs = set("say", "tell", "state", "add", "note", "warn", "insist",
	"tweet", "write", "explain", "argue", "claim", "declare", "announce",
	"assert", "continue", "recall", "ask", "reply", "respond", "answer",
	"acknowledge", "admit", "observe", "remark", "suggest", "stress",
	"emphasize", "emphasise", "predict", "complain", "conclude", "concede",
	"contend", "maintain", "quip", "joke", "shout", "yell",
	"testify", "report", "confirm", "deny", "agree", "promise", "vow",
	"urge", "caution", "boast", "muse", "reiterate", "counter", "retort",
	"describe", "mention", "post", "allege", "charge", "lament", "recount",
	"chant", "call", "sing", "demand", "plead", "scoff", "dismiss", "brag", "blast", "repeat", "exclaim", "whisper")

// auxiliaries may stand between the speaker and the cue ("has said").
var auxiliaries = set("have", "be", "do", "will", "would", "could", "can",
	"may", "might", "should", "also", "later", "then", "again", "further",
	"once", "previously", "repeatedly", "recently", "simply", "often")

// pronouns that can be a speaker; the value says what they refer to.
var pronouns = map[string]string{
	"he": "person", "she": "person", "they": "group", "we": "group", "i": "person",
	// "it said" is an organisation or a document speaking.
	"it": "group",
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// tok is a token of the article with where it stands. It points at the
// Text's token rather than copying it: the copy made flatten the largest
// allocation of the stage, and nothing here changes a token.
type tok struct {
	*khaldun.Token
	sent  int  // sentence index
	para  int  // paragraph number of the sentence
	quote bool // inside a quotation or one of its marks
	word  string
}

// flatten lays the tokens of all sentences end to end, so that a window
// can run over a sentence boundary when a quotation does.
func flatten(t *khaldun.Text, pieces []piece) []tok {
	n := 0
	for _, s := range t.Sentences {
		n += len(s.Tokens)
	}
	out := make([]tok, 0, n)
	p := 0
	for si, s := range t.Sentences {
		for ki := range s.Tokens {
			k := &s.Tokens[ki]
			for p < len(pieces) && pieces[p].span.End+2 < k.Span.Start {
				p++
			}
			in := false
			for q := p; q < len(pieces) && pieces[q].span.Start <= k.Span.End+2; q++ {
				c := pieces[q].span
				w := tok{Token: k}
				// A mark is the token just outside the content (at most a
				// space between), so it counts as part of the quotation.
				if k.Span.Start < c.End && k.Span.End > c.Start ||
					w.isMark() && (k.Span.Start >= c.End && k.Span.Start-c.End <= 1 || k.Span.End <= c.Start && c.Start-k.Span.End <= 1) {
					in = true
					break
				}
			}
			out = append(out, tok{Token: k, sent: si, para: s.Paragraph, quote: in, word: lower(k.Text)})
		}
	}
	return out
}

// lower is the matching form of a word: lower case, typographic
// apostrophes made straight as the dictionaries write them.
func lower(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘") {
		s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	}
	return s
}

func (k tok) isCue() bool {
	return !k.quote && strings.HasPrefix(k.POS, "VB") && (cueVerbs[k.Lemma] || cueVerbs[k.word])
}

func (k tok) isMark() bool {
	switch k.Text {
	case "“", "”", "\"", "``", "''", "‘", "’", "'":
		return true
	}
	return false
}

// nominal reports whether k can be part of a noun phrase naming a speaker.
func (k tok) nominal() bool {
	switch k.POS {
	case "NNP", "NNPS", "NN", "NNS", "JJ", "POS", "CD", "PRP$", "DT", "VBN":
		return !k.isMark()
	}
	return false
}

func proper(k tok) bool {
	return (k.POS == "NNP" || k.POS == "NNPS") && !k.isMark()
}

// np is a noun phrase found as a speaker: tokens [from, to) of the flat
// array.
type np struct{ from, to int }

func (p np) ok() bool { return p.to > p.from }

// named is the part of the phrase that names the speaker: the mention
// "Gov. Earl Ray Tomblin of West Virginia" is Earl Ray Tomblin's, not West
// Virginia's, so the name stops before "of".
func (p np) named(ts []tok) np {
	for k := p.from + 1; k < p.to-1; k++ {
		if ts[k].word == "of" {
			return np{p.from, k}
		}
	}
	return p
}

// leftNP is the phrase ending just before token end, skipping auxiliaries,
// an appositive ("X, the spokesman for Y, said") and a parenthesis
// ("Rep. Jane Roe (D-Ore.) said").
func leftNP(ts []tok, end, floor int) np {
	i := end - 1
	for i >= floor && (auxiliaries[ts[i].word] || auxiliaries[ts[i].Lemma] || ts[i].POS == "RB" || ts[i].POS == "MD") {
		i--
	}
	if i >= floor && ts[i].Text == ")" {
		for i >= floor && ts[i].Text != "(" && end-i < 12 {
			i--
		}
		i--
	}
	if i >= floor && ts[i].Text == "," {
		// An appositive: find its opening comma within a short reach.
		j := i - 1
		for j >= floor && ts[j].Text != "," && !ts[j].quote && i-j < 20 {
			j--
		}
		if j < floor || ts[j].Text != "," {
			return np{}
		}
		if j-1 >= floor && ts[j-1].Text == ")" {
			// "Rep. Jim Jordan (R-Ohio), an oversight panel member,".
			e := j - 1
			for e > floor && ts[e].Text != "(" && j-e < 12 {
				e--
			}
			j = e
		}
		p := nounsLeft(ts, j, floor)
		// Appositives chain ("Jean Roe, the minister of France, a member
		// of the council, said"): the name is the leftmost phrase, unless
		// that one is the object of a preposition ("In Paris, …").
		for range 2 {
			if !p.ok() || p.from-1 < floor || ts[p.from-1].Text != "," {
				break
			}
			q := nounsLeft(ts, p.from-1, floor)
			if !q.ok() || !subjectLike(ts, q, floor) {
				break
			}
			p = q
		}
		return p
	}
	return nounsLeft(ts, i+1, floor)
}

func nounsLeft(ts []tok, end, floor int) np {
	i := end
	for i > floor && !ts[i-1].quote && ts[i-1].nominal() {
		i--
		// "the foreign minister of France", "Gov. Earl Ray Tomblin of
		// West Virginia": a phrase of that names the same speaker.
		if i-2 >= floor && ts[i-1].word == "of" && !ts[i-2].quote && noun(ts[i-2]) {
			i--
		}
	}
	if i < end && pronouns[ts[end-1].word] == "" && !noun(ts[end-1]) {
		return np{}
	}
	if i == end && end > floor && ts[end-1].POS == "PRP" && pronouns[ts[end-1].word] != "" {
		return np{end - 1, end}
	}
	return np{i, end}
}

// rightNP is the phrase starting at token from ("said Jane Roe, the …").
func rightNP(ts []tok, from, ceil int) np {
	if from < ceil && ts[from].POS == "PRP" && pronouns[ts[from].word] != "" {
		return np{from, from + 1}
	}
	i := from
	for i < ceil && !ts[i].quote && ts[i].nominal() {
		i++
	}
	// "said the spokesman for the ministry": keep the head, drop the rest.
	for i > from && !noun(ts[i-1]) {
		i--
	}
	return np{from, i}
}

func noun(k tok) bool { return strings.HasPrefix(k.POS, "NN") && !k.isMark() }

// according reports whether "according to" starts at i.
func according(ts []tok, i int) bool {
	return i+1 < len(ts) && ts[i].word == "according" && ts[i+1].word == "to"
}
