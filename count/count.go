package count

import (
	"context"
	"strings"

	"github.com/khaldun/khaldun"
)

// Annotator finds counts. It holds no state and is safe for concurrent use.
type Annotator struct{}

// New returns a count annotator.
func New() *Annotator { return &Annotator{} }

// Annotate appends the counts of every sentence of t to d.Counts.
func (a *Annotator) Annotate(ctx context.Context, t *khaldun.Text, d *khaldun.Document) error {
	for _, s := range t.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		d.Counts = append(d.Counts, a.Sentence(t.Body, s)...)
	}
	return nil
}

// Sentence returns the counts of one tagged sentence of body.
func (a *Annotator) Sentence(body string, s khaldun.Sentence) []khaldun.Count {
	toks := s.Tokens
	if len(toks) == 0 {
		return nil
	}
	sc := scan{body: body, toks: toks, w: make([]string, len(toks)), lem: make([]string, len(toks))}
	for i, t := range toks {
		sc.w[i] = strings.ToLower(t.Text)
		sc.lem[i] = t.Lemma
		if sc.lem[i] == "" {
			sc.lem[i] = sc.w[i]
		}
	}
	var out []khaldun.Count
	for i := 0; i < len(toks); i++ {
		n, ok := parseNumber(sc.w, i)
		if !ok || sc.trap(n) {
			continue
		}
		if c, ok := sc.match(n); ok {
			from, to := sc.tokenRange(c.Span)
			if a, ok := sc.agent(c.Type, from, to); ok {
				span := khaldun.Span{Start: toks[a.lo].Span.Start, End: toks[a.hi].Span.End}
				c.Agent, c.AgentSpan, c.AgentRole = body[span.Start:span.End], &span, a.role
			} else if a, ok := sc.implied(c.Type, c.Object); ok {
				c.AgentRole = a.role // no words say it: Agent stays ""
			}
			out = append(out, c)
			i = n.end - 1
		}
	}
	return out
}

// tokenRange gives the first and last token of a span made of whole
// tokens.
func (sc *scan) tokenRange(sp khaldun.Span) (from, to int) {
	for i, t := range sc.toks {
		if t.Span.Start == sp.Start {
			from = i
		}
		if t.Span.End == sp.End {
			to = i
			break
		}
	}
	return from, to
}

// scan is one sentence being read: tokens with lower-case words and lemmas.
type scan struct {
	body string
	toks []khaldun.Token
	w    []string
	lem  []string
}

func (sc *scan) at(i int) string {
	if i < 0 || i >= len(sc.w) {
		return ""
	}
	return sc.w[i]
}

// numStart is the first token of the number proper, after its qualifier.
func (sc *scan) numStart(n number) int {
	for j := n.start; j < n.end; j++ {
		if _, _, ok := numeral(sc.w, j); ok && !(sc.w[j] == "an" && sc.at(j+1) == "estimated") {
			return j
		}
	}
	return n.start
}

// trap reports numbers that are dates, ages, money, references or
// percentages rather than counts of people.
func (sc *scan) trap(n number) bool {
	j := sc.numStart(n)
	prev, next := sc.at(j-1), sc.at(n.end)
	switch {
	case refs[prev] || months[prev] || months[next]:
		return true
	case prev == "(" && next == ")":
		return true // "Karakchand Pandit (32)": an age
	case next == "%" || next == "percent" || next == "pc" || (next == "per" && sc.at(n.end+1) == "cent"):
		return true
	case next == "years" && sc.at(n.end+1) == "old", strings.HasPrefix(next, "-year"):
		return true
	case next == "-" || next == "/" || next == ":" || prev == "/" || prev == "-":
		return true // ranges of pages, scores, times
	}
	return false
}

// yearLike is a bare four-digit 1800–2100: a year unless people follow.
func (sc *scan) yearLike(n number) bool {
	t := sc.w[sc.numStart(n)]
	return len(t) == 4 && allDigits(t) && n.value >= 1800 && n.value <= 2100
}

var ofDets = set("the", "these", "those", "them", "its", "their", "his", "her", "whom", "our", "which", "all")

var people = set("people", "other", "individual", "family", "civilian", "person")

// object reads the noun phrase after the number; it returns the index
// after it, the head index (-1 when there is none) and the first noun of
// the head's compound.
func (sc *scan) object(n number) (k, head, first int) {
	k, head, first = n.end, -1, -1
	if sc.at(k) == "of" {
		switch {
		case n.qual == "several" || n.vagueOf:
			k++
		case ofDets[sc.at(k+1)]:
			k += 2
			if sc.w[k-1] == "them" || sc.w[k-1] == "whom" {
				return k, -1, -1
			}
		}
	} else if n.vagueOf {
		return k, -1, -1
	}
	start := k
	for k < len(sc.w) && k-start < 5 {
		w, pos := sc.w[k], sc.toks[k].POS
		if _, trig := after[w]; trig || aux[w] || before[w] != "" {
			break
		}
		if _, _, isNum := numeral(sc.w, k); isNum && w != "a" {
			break
		}
		if w == "and" && head == k-1 && k+1 < len(sc.w) && strings.HasPrefix(sc.toks[k+1].POS, "NN") && !aux[sc.w[k+1]] {
			k++
			continue
		}
		noun := strings.HasPrefix(pos, "NN")
		if !noun && !strings.HasPrefix(pos, "JJ") && w != "more" && w != "other" && w != "others" {
			break
		}
		if noun || w == "others" {
			if head != k-1 {
				first = k
			}
			head = k
		}
		k++
	}
	if head >= 0 {
		k = head + 1
	}
	return k, head, first
}

// match ties a number to the word that types it.
func (sc *scan) match(n number) (khaldun.Count, bool) {
	k, head, first := sc.object(n)
	var headLem string
	if head >= 0 {
		headLem = strings.ToLower(sc.lem[head])
		if things[headLem] || things[sc.w[head]] {
			return khaldun.Count{}, false
		}
	}
	if n.indef && !persons[headLem] {
		return khaldun.Count{}, false
	}
	if sc.yearLike(n) && !persons[headLem] && !people[headLem] {
		return khaldun.Count{}, false
	}
	c := khaldun.Count{Number: n.value, Qualifier: n.qual}
	if head >= 0 {
		c.Object = sc.body[sc.toks[first].Span.Start:sc.toks[head].Span.End]
	}
	from, to := n.start, max(head, n.end-1)
	if typ, end, ok := sc.trailing(k); ok {
		c.Type, to = typ, end
	} else if nn, ok := nouns[headLem]; ok {
		c.Type = nn.typ
		if nn.event {
			c.Object = ""
		}
	} else if typ, start, ok := sc.leading(n, headLem); ok {
		c.Type, from = typ, start
		if headLem == "life" {
			c.Object = ""
		}
	} else {
		return khaldun.Count{}, false
	}
	c.Span = khaldun.Span{Start: sc.toks[from].Span.Start, End: sc.toks[to].Span.End}
	return c, true
}

// appositive words open ", including …," between the object and its verb.
var appositive = set("including", "mostly", "mainly", "many", "most", "all", "among", "majority", "some", "both")

// trailing finds a trigger after the object: "were killed", "dead",
// "who lost their lives". It returns the type and the trigger's last token.
func (sc *scan) trailing(k int) (string, int, bool) {
	if sc.at(k) == "," {
		switch {
		case sc.at(k+1) == "who":
			k++
		case appositive[sc.at(k+1)]:
			j := k + 2
			for j < len(sc.w) && j < k+14 && sc.w[j] != "," && sc.w[j] != "." {
				j++
			}
			if sc.at(j) != "," {
				return "", 0, false
			}
			k = j + 1
		}
	}
	if t, end, ok := sc.trigger(k); ok {
		return t, end, true
	}
	// A short modifier may stand between the people and a passive verb:
	// "100 persons belonging to both sides were arrested", "17 sevaks who
	// tried to enter were arrested". It may hold a finite verb only inside
	// a relative clause, or "5 policemen guarded the man who was killed"
	// would count policemen.
	rel := sc.at(k) == "who" || sc.at(k) == "that"
	for j := k; j < len(sc.w) && j < k+9; j++ {
		w, pos := sc.w[j], sc.toks[j].POS
		if w == "," && j > k && auxStart[sc.at(j+1)] {
			continue // "two brothers from Burrabazar, were killed"
		}
		if j > k && auxStart[w] {
			if t, end, ok := sc.trigger(j); ok {
				return t, end, true
			}
			break
		}
		if w == "," || w == "." || w == ";" || pos == "CD" || (!rel && (pos == "VBD" || pos == "VBZ" || pos == "VBP" || pos == "MD")) {
			break
		}
	}
	return "", 0, false
}

// auxStart are the auxiliaries that can open the verb group of a count
// after a modifier of its people.
var auxStart = set("were", "was", "have", "had", "has")

// trigger reads auxiliaries and adverbs from k, then a trailing trigger.
func (sc *scan) trigger(k int) (string, int, bool) {
	sawAux := false
	for n := 0; k < len(sc.w) && n < 5; n++ {
		w := sc.w[k]
		if _, trig := after[w]; trig {
			break
		}
		if !aux[w] && !(strings.HasPrefix(sc.toks[k].POS, "RB") && w != "not" && w != "n't" && w != "never") {
			break
		}
		sawAux = sawAux || w != "who" && w != "that" && w != "which"
		k++
	}
	for _, t := range after[sc.at(k)] {
		if !hasWords(sc.w, k+1, t.rest) || (t.needAux && !sawAux) {
			continue
		}
		end := k + len(t.rest)
		if !sawAux && transitive[sc.w[k]] && sc.hasObject(end+1) {
			continue
		}
		return t.typ, end, true
	}
	return "", 0, false
}

// hasObject reports an object after an active verb: a number, a
// determiner or a noun.
func (sc *scan) hasObject(j int) bool {
	if j >= len(sc.w) {
		return false
	}
	if _, _, ok := numeral(sc.w, j); ok {
		return true
	}
	pos := sc.toks[j].POS
	return pos == "DT" || pos == "PRP$" || pos == "PRP" || strings.HasPrefix(pos, "NN")
}

var claim = set("claim", "take", "cost", "lose", "snuff")

// leading finds a trigger before the number: "killing two", "shot dead 98",
// "claimed the lives of 40", "the death toll rose to 40".
func (sc *scan) leading(n number, headLem string) (string, int, bool) {
	p := n.start - 1
	if p < 0 {
		return "", 0, false
	}
	if t := before[sc.w[p]]; t != "" {
		return t, p, true
	}
	if t := before2[[2]string{sc.at(p - 1), sc.w[p]}]; t != "" {
		return t, p - 1, true
	}
	if hasWords(sc.w, p-2, []string{"the", "lives", "of"}) && p >= 3 && claim[sc.lem[p-3]] {
		return "KILL", p - 3, true
	}
	if headLem == "life" && claim[sc.lem[p]] {
		return "KILL", p, true
	}
	return sc.toll(n)
}

var tollLinks = set("to", "at", "of", "is", "was", "reached", "crossed", "touched", "stood", "stands", "rose", "climbed", "hit")

// toll reads "the death toll rose to 40" and "put the toll at 16".
func (sc *scan) toll(n number) (string, int, bool) {
	p := n.start - 1
	if (sc.w[p] == "only" || sc.w[p] == "just") && p > 0 {
		p-- // "the toll was only 13"
	}
	if !tollLinks[sc.w[p]] {
		return "", 0, false
	}
	for j := p; j >= 0 && j >= p-10; j-- {
		switch sc.w[j] {
		case ",", ".", ";", "and", "but", "while":
			return "", 0, false
		case "toll":
			typ := "KILL"
			if sc.at(j-1) == "injury" || sc.at(j-1) == "injured" {
				typ = "WOUND"
			}
			if sc.at(j-1) == "death" || typ == "WOUND" {
				j--
			}
			return typ, j, true
		}
	}
	return "", 0, false
}
