package entities

import (
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/perceptron"
)

// linker turns the names found in each sentence into mentions, codes them
// from the dictionaries and links later mentions to earlier ones. It sees
// the sentences in order, so a name defined in one sentence is known in
// the next.
type linker struct {
	g    *gazetteer
	date string // publication date, YYYY-MM-DD or ""
	out  []Mention
	// full maps a mention's phrase and type to the first mention of it.
	full map[uint64]int
	// surnames maps the last word of a multi-word PERSON to its first
	// mention; acronyms maps "PA" to "Palestinian Authority", from the
	// initials of a name or from "Name (ACRONYM)".
	surnames map[string]int
	acronyms map[string]int
}

func newLinker(g *gazetteer, date string) *linker {
	return &linker{g: g, date: date, out: []Mention{},
		full: map[uint64]int{}, surnames: map[string]int{}, acronyms: map[string]int{}}
}

const person = 0 // index of PERSON in Types

// sentence adds the mentions of one sentence. Besides the names the
// tagger found it adds a capitalised word it left out when the word is a
// surname or acronym already defined in the text: the tagger sees one
// sentence, the article has told us what the word is.
func (l *linker) sentence(body string, si int, toks []khaldun.Token, info []tokInfo, spans []span) {
	next := 0
	for i := 0; i < len(toks); {
		if next < len(spans) && spans[next].start == i {
			sp := spans[next]
			next++
			j := l.add(body, si, toks, info, sp, -1)
			// "Palestinian Authority (PA)" defines PA whatever its letters.
			if e := sp.end; sp.typ != person && e+2 < len(toks) && toks[e].Text == "(" &&
				toks[e+2].Text == ")" && acronym(toks[e+1].Text) {
				if _, ok := l.acronyms[toks[e+1].Text]; !ok {
					l.acronyms[toks[e+1].Text] = l.head(j)
				}
			}
			i = sp.end
			continue
		}
		if head, ok := l.alias(toks[i].Text); ok {
			l.add(body, si, toks, info, span{typeOf(l.out[head].Type), i, i + 1}, head)
		}
		i++
	}
}

func typeOf(s string) int {
	k, _ := typeIndex(s)
	return k
}

// head is the first mention of the name mention j refers to.
func (l *linker) head(j int) int {
	if r := l.out[j].Ref; r >= 0 {
		return r
	}
	return j
}

// alias reports the mention a capitalised word outside any name refers
// back to, if any.
func (l *linker) alias(text string) (int, bool) {
	r, _ := utf8.DecodeRuneInString(text)
	if len(text) < 2 || !unicode.IsUpper(r) {
		return 0, false
	}
	if h, ok := l.acronyms[text]; ok {
		return h, true
	}
	h, ok := l.surnames[text]
	return h, ok
}

// add appends the mention of sp, linked to ref when ref ≥ 0 and otherwise
// to whatever earlier mention it repeats or abbreviates, and returns its
// index.
func (l *linker) add(body string, si int, toks []khaldun.Token, info []tokInfo, sp span, ref int) int {
	first, last := toks[sp.start], toks[sp.end-1]
	m := Mention{Sentence: si, Ref: -1, Entity: khaldun.Entity{
		Text: body[first.Span.Start:last.Span.End],
		Type: Types[sp.typ],
		Span: khaldun.Span{Start: first.Span.Start, End: last.Span.End},
	}}
	phrase := phraseOf(info, sp.start, sp.end)
	m.Actor = l.actor(phrase, sp.typ)
	key := perceptron.Mix(phrase ^ uint64(sp.typ+1))
	if ref < 0 {
		if h, ok := l.full[key]; ok {
			ref = h
		} else if sp.end-sp.start == 1 {
			if h, ok := l.surnames[first.Text]; ok && sp.typ == person {
				ref = h
			} else if h, ok := l.acronyms[first.Text]; ok {
				ref = h
			}
		}
	}
	j := len(l.out)
	if ref >= 0 {
		m.Ref = ref
		if a := l.out[ref].Actor; a != "" {
			m.Actor = a
		}
		l.out = append(l.out, m)
		return j
	}
	l.out = append(l.out, m)
	l.full[key] = j
	if sp.end-sp.start < 2 {
		return j
	}
	if sp.typ == person {
		if s := last.Text; len(s) > 1 && upperInitial(s) {
			if _, ok := l.surnames[s]; !ok {
				l.surnames[s] = j
			}
		}
		return j
	}
	if a := initials(toks[sp.start:sp.end]); len(a) >= 2 {
		if _, ok := l.acronyms[a]; !ok {
			l.acronyms[a] = j
		}
	}
	return j
}

// actor looks a name up in the dictionaries: people for a PERSON,
// organisations and countries for the other types, each by the
// publication date (people hold offices for a time, and organisations
// change sides: the RSF was Sudan's army until April 2023, rebels since),
// as the coder reads them. Matching is exact on the lower-cased words.
func (l *linker) actor(phrase uint64, typ int) string {
	for _, e := range l.g.actors[phrase] {
		if (e.kind == kPerson) != (typ == person) {
			continue
		}
		if !l.inOffice(e) {
			continue
		}
		return e.code
	}
	return ""
}

// inOffice reports whether a dated entry holds on the publication date;
// without a date only an open-ended (current) entry does.
func (l *linker) inOffice(e actorEntry) bool {
	if l.date == "" {
		return e.to == ""
	}
	return (e.from == "" || e.from <= l.date) && (e.to == "" || l.date <= e.to)
}

func upperInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// acronym reports whether s looks like one: two to eight capital letters,
// possibly with periods ("PA", "U.N.").
func acronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 8
}

// initials are the first letters of the capitalised words of a name:
// "Democratic Republic of the Congo" gives "DRC".
func initials(toks []khaldun.Token) string {
	var b []byte
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsUpper(r) {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}
