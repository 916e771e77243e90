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

// The conflibert-spans suite scores actor spans against ConfliBERT's
// cameo_ner set: one "token TAG" per line, a blank line between sentences,
// BIO tags of type S (source), T (target), R (reciprocal: both at once, as
// in "A and B met").
//
// Each sentence is rebuilt by joining its tokens with single spaces and
// coded. Every predicted event's source and target span (byte offsets into
// that text) is projected onto the tokens it overlaps, giving a typed token
// range; a range that is a source of one event and a target of another (the
// mirrored events a coder writes for "A and B met") becomes one R span.
// Predicted spans are a set: an actor in three events is one span.
//
// Metrics: exact_* match type and both boundaries; partial_* match type and
// any overlap (P = predicted spans overlapping a gold span of their type /
// predicted spans, R = gold spans overlapped by a predicted span of their
// type / gold spans); source_f1, target_f1, reciprocal_f1 are exact F1 for
// one type.
func init() { register("conflibert-spans", runSpans) }

// span is a typed token range [start, end).
type span struct {
	typ        byte // 'S', 'T' or 'R'
	start, end int
}

type spanItem struct {
	text  string
	toks  []khaldun.Span // byte offsets of each token in text
	spans []span
	line  int
}

// readSpans reads the BIO file. An I- tag that does not continue a span of
// its type starts one (the usual conlleval reading).
func readSpans(name string, data []byte) ([]spanItem, []string) {
	var out []spanItem
	var errs []string
	var cur spanItem
	var words []string
	bad := false
	flush := func() {
		if len(words) > 0 && !bad {
			cur.text = strings.Join(words, " ")
			out = append(out, cur)
		}
		cur, words, bad = spanItem{}, nil, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if len(words) == 0 {
			cur.line = ln
		}
		if len(f) != 2 {
			errs = append(errs, fmt.Sprintf("%s:%d: want \"token TAG\", got %d fields", name, ln, len(f)))
			bad = true
			continue
		}
		tok, tag := f[0], f[1]
		off := 0
		if n := len(words); n > 0 {
			off = cur.toks[n-1].End + 1
		}
		i := len(words)
		words = append(words, tok)
		cur.toks = append(cur.toks, khaldun.Span{Start: off, End: off + len(tok)})
		switch {
		case tag == "O":
		case len(tag) == 3 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && strings.IndexByte("STR", tag[2]) >= 0:
			n := len(cur.spans)
			if tag[0] == 'I' && n > 0 && cur.spans[n-1].typ == tag[2] && cur.spans[n-1].end == i {
				cur.spans[n-1].end = i + 1
			} else {
				cur.spans = append(cur.spans, span{tag[2], i, i + 1})
			}
		default:
			errs = append(errs, fmt.Sprintf("%s:%d: unknown tag %q", name, ln, tag))
			bad = true
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Sprintf("%s: %v", name, err))
	}
	return out, errs
}

// tokenRange is the range of tokens a byte span overlaps; ok is false when
// it overlaps none.
func tokenRange(toks []khaldun.Span, s khaldun.Span) (start, end int, ok bool) {
	start = -1
	for i, t := range toks {
		if t.Start < s.End && s.Start < t.End {
			if start < 0 {
				start = i
			}
			end = i + 1
		}
	}
	return start, end, start >= 0
}

// predictSpans applies the projection described in the suite's comment.
func predictSpans(toks []khaldun.Span, evs []khaldun.Event) []span {
	type rng struct{ start, end int }
	roles := map[rng]byte{} // bit 1 source, bit 2 target
	var order []rng
	mark := func(a *khaldun.Actor, bit byte) {
		if a == nil || a.Span.Len() <= 0 {
			return
		}
		s, e, ok := tokenRange(toks, a.Span)
		if !ok {
			return
		}
		r := rng{s, e}
		if _, seen := roles[r]; !seen {
			order = append(order, r)
		}
		roles[r] |= bit
	}
	for i := range evs {
		mark(&evs[i].Source, 1)
		mark(evs[i].Target, 2)
	}
	out := make([]span, 0, len(order))
	for _, r := range order {
		typ := map[byte]byte{1: 'S', 2: 'T', 3: 'R'}[roles[r]]
		out = append(out, span{typ, r.start, r.end})
	}
	return out
}

// spanTally counts exact matches overall and per type, and partial hits.
// Partial precision and recall count different things — predicted spans
// that hit, gold spans that are hit — so both are kept.
type spanTally struct {
	exact                    prf
	byType                   map[byte]*prf
	partialGold, partialPred int
}

func overlaps(a, b span) bool { return a.typ == b.typ && a.start < b.end && b.start < a.end }

func anyOverlap(s span, in []span) bool {
	for _, o := range in {
		if overlaps(s, o) {
			return true
		}
	}
	return false
}

func (t *spanTally) add(gold, pred []span) {
	if t.byType == nil {
		t.byType = map[byte]*prf{'S': {}, 'T': {}, 'R': {}}
	}
	goldSet := map[span]bool{}
	for _, g := range gold {
		goldSet[g] = true
		t.byType[g.typ].gold++
		if anyOverlap(g, pred) {
			t.partialGold++
		}
	}
	t.exact.gold += len(gold)
	t.exact.pred += len(pred)
	for _, p := range pred {
		t.byType[p.typ].pred++
		if goldSet[p] {
			t.exact.match++
			t.byType[p.typ].match++
		}
		if anyOverlap(p, gold) {
			t.partialPred++
		}
	}
}

func (t *spanTally) partial() (p, r, f1 float64) {
	p, r = ratio(t.partialPred, t.exact.pred), ratio(t.partialGold, t.exact.gold)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func (t *spanTally) fill(rep *Report) {
	if t.byType == nil {
		t.add(nil, nil)
	}
	rep.Metrics["exact_p"], rep.Metrics["exact_r"], rep.Metrics["exact_f1"] = t.exact.p(), t.exact.r(), t.exact.f1()
	rep.Metrics["partial_p"], rep.Metrics["partial_r"], rep.Metrics["partial_f1"] = t.partial()
	rep.Metrics["source_f1"] = t.byType['S'].f1()
	rep.Metrics["target_f1"] = t.byType['T'].f1()
	rep.Metrics["reciprocal_f1"] = t.byType['R'].f1()
	tab := Table{Title: "by type (exact boundaries)", Header: []string{"type", "gold", "pred", "match", "p", "r", "f1"}}
	for _, k := range []byte("STR") {
		c := t.byType[k]
		tab.Rows = append(tab.Rows, []string{string(k), strconv.Itoa(c.gold), strconv.Itoa(c.pred),
			strconv.Itoa(c.match), num(c.p(), false), num(c.r(), false), num(c.f1(), false)})
	}
	rep.Tables = append(rep.Tables, tab)
	rep.Counts["gold_spans"], rep.Counts["pred_spans"] = t.exact.gold, t.exact.pred
}

func runSpans(ctx context.Context, opt Options, c Coder) (*Report, error) {
	raw, err := os.ReadFile(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval conflibert-spans: %w", err)
	}
	golds, readErrs := readSpans(opt.Gold, raw)
	golds = limit(golds, opt)
	items := make([]item, len(golds))
	for i, g := range golds {
		items[i] = item{id: fmt.Sprintf("line-%d", g.line), text: g.text, line: g.line}
	}
	res, err := codeAll(ctx, "conflibert-spans", opt, c, items)
	if err != nil {
		return nil, err
	}
	var t spanTally
	for i, g := range golds {
		t.add(g.spans, predictSpans(g.toks, res[i].events()))
	}
	rep := newReport("conflibert-spans", opt)
	rep.N = len(golds)
	t.fill(rep)
	rep.Notes = []string{
		"text = tokens joined by single spaces; an actor span covers every token it overlaps",
		"a token range that is the source of one event and the target of another becomes one R span; predicted spans are a set",
		"exact = same type and boundaries; partial = same type and overlap (P over predicted spans, R over gold spans); source/target/reciprocal_f1 are exact",
		"an I- tag not continuing a span of its type starts one; 0/0 = 0",
	}
	rep.ReadErrors = readErrs
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}
