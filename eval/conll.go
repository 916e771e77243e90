package eval

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// The conll suite scores named entities against a CoNLL-2003 file:
// "-DOCSTART-" lines, one token a line with its name tag in the last
// column (token POS chunk NER), a blank line between sentences.
//
// Each sentence is rebuilt by joining its tokens with single spaces and
// coded as one input. The pipeline's tokenizer may split that text
// otherwise than CoNLL did ("U.S.", "n't"), so every predicted entity is
// projected by byte overlap onto the CoNLL tokens it touches, and the
// resulting token range is what is scored.
//
// Names are read with the conlleval rule, right for IOB1 and IOB2 alike:
// B-X starts a name, I-X continues a name of type X or else starts one.
// The scheme seen is reported as a count. PER is khaldun's PERSON.
//
// Metrics are span-level micro averages with exact boundaries and type:
// p/r/f1_4type over PERSON, ORG, LOC, MISC; p/r/f1_3type with MISC dropped
// from gold and prediction alike; f1_person, f1_org, f1_loc, f1_misc.
func init() { register("conll", runCoNLL) }

var conllTypes = []string{"PERSON", "ORG", "LOC", "MISC"}

// conllType maps gold and predicted type names to an index of conllTypes.
func conllType(s string) (int, bool) {
	switch strings.ToUpper(s) {
	case "PER", "PERSON":
		return 0, true
	case "ORG":
		return 1, true
	case "LOC":
		return 2, true
	case "MISC":
		return 3, true
	}
	return 0, false
}

// conllName is a typed token range [start, end).
type conllName struct{ typ, start, end int }

type conllItem struct {
	text  string
	toks  []khaldun.Span
	names []conllName
	line  int
}

// conllScheme counts the evidence for IOB1 (an I- tag that opens a name)
// and IOB2 (a B- tag that opens one).
type conllScheme struct{ iOpens, bOpens int }

func (s conllScheme) String() string {
	switch {
	case s.iOpens > 0:
		return "IOB1"
	case s.bOpens > 0:
		return "IOB2"
	}
	return "unknown"
}

// readCoNLL reads the file; a sentence with a bad line is reported and
// skipped whole, so that its other names are not scored out of context.
func readCoNLL(name string, data []byte) ([]conllItem, conllScheme, []string) {
	var (
		out    []conllItem
		errs   []string
		scheme conllScheme
		cur    conllItem
		words  []string
		bad    bool
		prev   = -1 // type of the previous token, -1 for O
	)
	flush := func() {
		if len(words) > 0 && !bad {
			cur.text = strings.Join(words, " ")
			out = append(out, cur)
		}
		cur, words, bad, prev = conllItem{}, nil, false, -1
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			flush()
			continue
		}
		if len(words) == 0 {
			cur.line = ln
		}
		if len(f) < 2 {
			errs = append(errs, fmt.Sprintf("%s:%d: want a token and a tag, got %d field", name, ln, len(f)))
			bad = true
			continue
		}
		tok, tag := f[0], f[len(f)-1]
		off := 0
		if n := len(words); n > 0 {
			off = cur.toks[n-1].End + 1
		}
		i := len(words)
		words = append(words, tok)
		cur.toks = append(cur.toks, khaldun.Span{Start: off, End: off + len(tok)})
		if tag == "O" {
			prev = -1
			continue
		}
		bio, typ, _ := strings.Cut(tag, "-")
		k, ok := conllType(typ)
		if !ok || bio != "B" && bio != "I" {
			errs = append(errs, fmt.Sprintf("%s:%d: unknown tag %q", name, ln, tag))
			bad = true
			continue
		}
		n := len(cur.names)
		switch {
		case bio == "I" && prev == k && n > 0 && cur.names[n-1].end == i:
			cur.names[n-1].end = i + 1
		default:
			if bio == "I" {
				scheme.iOpens++
			} else if prev != k {
				scheme.bOpens++
			}
			cur.names = append(cur.names, conllName{k, i, i + 1})
		}
		prev = k
	}
	flush()
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Sprintf("%s: %v", name, err))
	}
	return out, scheme, errs
}

// conllPredict projects a document's entities onto the gold tokens. The
// result is a set: two entities covering the same tokens with the same
// type count once. Entities of other types or touching no token are
// dropped.
func conllPredict(toks []khaldun.Span, ents []khaldun.Entity) []conllName {
	var out []conllName
	seen := map[conllName]bool{}
	for _, e := range ents {
		k, ok := conllType(e.Type)
		if !ok || e.Span.Len() <= 0 {
			continue
		}
		s, end, ok := tokenRange(toks, e.Span)
		n := conllName{k, s, end}
		if ok && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// conllTally counts per type.
type conllTally [4]prf

func (t *conllTally) add(gold, pred []conllName) {
	want := map[conllName]bool{}
	for _, g := range gold {
		want[g] = true
		t[g.typ].gold++
	}
	for _, p := range pred {
		t[p.typ].pred++
		if want[p] {
			t[p.typ].match++
		}
	}
}

func (t *conllTally) sum(types int) prf {
	var c prf
	for k := range types {
		c.add(t[k])
	}
	return c
}

func (t *conllTally) fill(rep *Report) {
	all, three := t.sum(4), t.sum(3) // MISC is the last type
	rep.Metrics["p_4type"], rep.Metrics["r_4type"], rep.Metrics["f1_4type"] = all.p(), all.r(), all.f1()
	rep.Metrics["p_3type"], rep.Metrics["r_3type"], rep.Metrics["f1_3type"] = three.p(), three.r(), three.f1()
	tab := Table{Title: "by type (exact boundaries)", Header: []string{"type", "gold", "pred", "match", "p", "r", "f1"}}
	for k, name := range conllTypes {
		c := t[k]
		rep.Metrics["f1_"+strings.ToLower(name)] = c.f1()
		tab.Rows = append(tab.Rows, []string{name, strconv.Itoa(c.gold), strconv.Itoa(c.pred),
			strconv.Itoa(c.match), num(c.p(), false), num(c.r(), false), num(c.f1(), false)})
	}
	rep.Tables = append(rep.Tables, tab)
	rep.Counts["gold_names"], rep.Counts["pred_names"], rep.Counts["matched_names"] = all.gold, all.pred, all.match
}

func runCoNLL(ctx context.Context, opt Options, c Coder) (*Report, error) {
	raw, err := os.ReadFile(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval conll: %w", err)
	}
	golds, scheme, readErrs := readCoNLL(opt.Gold, raw)
	golds = limit(golds, opt)
	items := make([]item, len(golds))
	for i, g := range golds {
		items[i] = item{id: fmt.Sprintf("line-%d", g.line), text: g.text, line: g.line}
	}
	res, err := codeAll(ctx, "conll", opt, c, items)
	if err != nil {
		return nil, err
	}
	var t conllTally
	for i, g := range golds {
		var ents []khaldun.Entity
		if res[i].doc != nil {
			ents = res[i].doc.Entities
		}
		t.add(g.names, conllPredict(g.toks, ents))
	}
	rep := newReport("conll", opt)
	rep.N = len(golds)
	t.fill(rep)
	rep.Counts["iob1_evidence"], rep.Counts["iob2_evidence"] = scheme.iOpens, scheme.bOpens
	rep.Notes = []string{
		"gold tagging scheme: " + scheme.String() + "; read with the conlleval rule (I-X not continuing X starts a name)",
		"text = tokens joined by single spaces, one input per sentence; an entity covers every gold token it overlaps",
		"exact match of type and both boundaries; predicted names are a set; 3type drops MISC from gold and prediction; 0/0 = 0",
	}
	rep.ReadErrors = readErrs
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}
