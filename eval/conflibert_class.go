package eval

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// The conflibert-class suite scores sentence classification against
// ConfliBERT's cameo_class set: "text<TAB>label" lines, label 0 statement,
// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
// 4 material conflict — Phoenix's "penta class" of the CAMEO root.
//
// Predicted class: the penta class (rootPenta) of the sentence's dominant
// event, which is the event of largest |Goldstein| among those that are not
// statements or appeals (roots 01, 02), ties going to the first in document
// order. Statements only decide when they are all there is, because news
// wraps a deed in a statement ("X said Y attacked Z" is material conflict).
// A sentence with no event, or only 01/02 events, is class 0.
//
// Metrics: accuracy and macro_f1 (unweighted mean of the class F1 over the
// classes present in gold or prediction);
// per-class P/R/F1 are in the text report. The event metrics are omitted:
// this gold has no actors or codes.
func init() { register("conflibert-class", runClass) }

var classNames = [5]string{"statement", "verbal coop", "material coop", "verbal conflict", "material conflict"}

type classItem struct {
	text  string
	label int
	line  int
}

func readClass(name string, data []byte) ([]classItem, []string) {
	var out []classItem
	var errs []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			errs = append(errs, fmt.Sprintf("%s:%d: no tab-separated label", name, ln))
			continue
		}
		text := strings.Join(strings.Fields(line[:i]), " ")
		label, err := strconv.Atoi(strings.TrimSpace(line[i+1:]))
		if err != nil || label < 0 || label > 4 || text == "" {
			errs = append(errs, fmt.Sprintf("%s:%d: want text<TAB>0..4, got label %q", name, ln, line[i+1:]))
			continue
		}
		out = append(out, classItem{text: text, label: label, line: ln})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Sprintf("%s: %v", name, err))
	}
	return out, errs
}

// rootPenta is the penta class of a CAMEO root: 01–02 statement, 03–05
// verbal cooperation, 06–08 material cooperation, 09–13 and 16 verbal
// conflict, 14–15 and 17–20 material conflict; -1 when the code is not
// CAMEO. Reducing relations (16: cutting ties, expelling diplomats, halting
// talks) is a diplomatic act, and this set labels it so: of the sentences
// khaldun codes 16, the gold puts 66 of 72 in class 3. GDELT's QuadClass,
// which khaldun's own output keeps, counts 16 as material conflict.
func rootPenta(code string) int {
	code = strings.TrimSpace(code)
	root, err := strconv.Atoi(cameoRoot(code))
	switch {
	case err != nil || len(code) < 2:
		return -1
	case root >= 1 && root <= 2:
		return 0
	case root >= 3 && root <= 5:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13, root == 16:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return -1
}

// predictClass applies the rule in the suite's comment.
func predictClass(evs []khaldun.Event) int {
	best, bestG := 0, -1.0
	for _, e := range evs {
		c := rootPenta(e.Code)
		if c <= 0 {
			continue
		}
		if g := math.Abs(e.Goldstein); g > bestG {
			best, bestG = c, g
		}
	}
	return best
}

func runClass(ctx context.Context, opt Options, c Coder) (*Report, error) {
	raw, err := os.ReadFile(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval conflibert-class: %w", err)
	}
	golds, readErrs := readClass(opt.Gold, raw)
	golds = limit(golds, opt)
	items := make([]item, len(golds))
	for i, g := range golds {
		items[i] = item{id: fmt.Sprintf("line-%d", g.line), text: g.text, line: g.line}
	}
	res, err := codeAll(ctx, "conflibert-class", opt, c, items)
	if err != nil {
		return nil, err
	}
	var cm confusion
	misses := Table{Title: "misses (gold class, predicted class, events as coded)", Header: []string{"line", "gold", "pred", "events", "text"}}
	for i, g := range golds {
		pred := predictClass(res[i].events())
		cm.add(g.label, pred)
		if pred != g.label {
			misses.Rows = append(misses.Rows, []string{strconv.Itoa(g.line), strconv.Itoa(g.label), strconv.Itoa(pred), cameoCodes(res[i].events()), g.text})
		}
	}
	rep := newReport("conflibert-class", opt)
	rep.N = len(golds)
	rep.Metrics["accuracy"] = cm.accuracy()
	rep.Metrics["macro_f1"] = cm.macroF1()
	rep.Tables = append(rep.Tables, cm.tables()...)
	rep.Tables = append(rep.Tables, misses)
	rep.Notes = []string{
		"predicted class = penta class of the dominant event: largest |Goldstein| among events whose root is not 01/02, first in document order on ties; no such event → 0 (statement)",
		"penta class of a root: 01–02 → 0, 03–05 → 1, 06–08 → 2, 09–13 and 16 → 3, 14–15 and 17–20 → 4 (16, reducing relations, is a diplomatic act and the set labels it verbal conflict)",
		"macro_f1 = unweighted mean of class F1 over the classes present in gold or prediction; event metrics omitted: the gold has no actors",
	}
	rep.ReadErrors = readErrs
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}

// confusion is a 5×5 confusion matrix, [gold][predicted].
type confusion [5][5]int

func (m *confusion) add(gold, pred int) { m[gold][pred]++ }

func (m *confusion) class(k int) prf {
	var c prf
	for j := range 5 {
		c.gold += m[k][j]
		c.pred += m[j][k]
	}
	c.match = m[k][k]
	return c
}

func (m *confusion) accuracy() float64 {
	right, all := 0, 0
	for i := range 5 {
		for j := range 5 {
			all += m[i][j]
		}
		right += m[i][i]
	}
	return ratio(right, all)
}

// macroF1 averages over the classes present in gold or prediction (as
// scikit-learn does), so that a --limit run without, say, class 2 is not
// charged a zero for it.
func (m *confusion) macroF1() float64 {
	s, n := 0.0, 0
	for k := range 5 {
		if c := m.class(k); c.gold+c.pred > 0 {
			s += c.f1()
			n++
		}
	}
	return s / float64(max(n, 1))
}

func (m *confusion) tables() []Table {
	per := Table{Title: "per class", Header: []string{"class", "gold", "pred", "p", "r", "f1"}}
	conf := Table{Title: "confusion (rows gold, columns predicted)", Header: []string{"gold\\pred", "0", "1", "2", "3", "4"}}
	for k := range 5 {
		c := m.class(k)
		name := fmt.Sprintf("%d %s", k, classNames[k])
		per.Rows = append(per.Rows, []string{name, strconv.Itoa(c.gold), strconv.Itoa(c.pred),
			num(c.p(), false), num(c.r(), false), num(c.f1(), false)})
		row := []string{name}
		for j := range 5 {
			row = append(row, strconv.Itoa(m[k][j]))
		}
		conf.Rows = append(conf.Rows, row)
	}
	return []Table{per, conf}
}
