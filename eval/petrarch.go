package eval

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/petrarch"
)

// The petrarch suite scores against PETRARCH/TABARI validation records
// (PETR.UnitTest.records.xml, PETR_Validate_records_2_02.xml,
// PETR2_GSR_validation.xml). Records carry a parse tree; khaldun codes the
// raw <Text> and the tree is ignored.
//
// Which records are scored follows PETRARCH's validation programs:
//   - only categories listed in <Include> (the word "valid" there is a switch,
//     not a category); no <Include> means every category;
//   - not records marked sentence="false" (PETRARCH-1: feature not
//     implemented) or evaluate="false" (UD-PETRARCH: bypassed case);
//   - not records whose expectation is error="…" (dateline, bad parse,
//     discard): they test PETRARCH's handling of its own input format, which
//     has no counterpart when coding raw text;
//   - not records without any <EventCoding> (PETRARCH skips them too);
//   - everything before <Stop> (there is none in the shipped files).
//
// Besides the event metrics it reports PETRARCH's own figures:
//
//	coded_pct = 100 × exact matches / expected codings
//	extra_pct = 100 × (predicted − exact matches) / expected codings
//	extra_per_record_pct = 100 × (predicted − exact matches) / records
//
// UD-PETRARCH's published "FP" column is extra_per_record_pct. Unlike
// PETRARCH, a correctly silent noevents record is not counted as a "correct
// coding" (it shows in false_on_null instead), and matching is one-to-one
// (PETRARCH lets two identical predictions both match one expected coding).
func init() { register("petrarch", runPetrarch) }

func runPetrarch(ctx context.Context, opt Options, c Coder) (*Report, error) {
	raw, err := os.ReadFile(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval petrarch: %w", err)
	}
	f := readPetrarch(opt.Gold, raw)
	recs, skipped := f.scored()
	recs = limit(recs, opt)
	items := make([]item, len(recs))
	for i, r := range recs {
		items[i] = item{id: r.id, date: r.date, text: r.text, line: r.line}
	}
	neg, negErrs := recordNegations(opt.Gold)
	res, err := codeAll(ctx, "petrarch", opt, oneSidedCoder{c, oneSidedLines(recs), neg}, items)
	if err != nil {
		return nil, err
	}
	var total eventTally
	byCat := map[string]*eventTally{}
	var cats []string
	diffs := Table{
		Title:  "records with differences (exact level: expected codings not produced, produced codings not expected)",
		Header: []string{"record", "line", "missed", "extra"},
	}
	for i, r := range recs {
		pred := cameoTriples(res[i].events())
		if miss, extra := tripleDiff(r.codings, pred); len(miss)+len(extra) > 0 {
			diffs.Rows = append(diffs.Rows, []string{r.id, strconv.Itoa(r.line), strings.Join(miss, " "), strings.Join(extra, " ")})
		}
		t := byCat[r.category]
		if t == nil {
			t = &eventTally{}
			byCat[r.category] = t
			cats = append(cats, r.category) // file order, as PETRARCH prints them
		}
		t.add(r.codings, pred)
	}
	for _, cat := range cats {
		total.merge(*byCat[cat])
	}
	rep := newReport("petrarch", opt)
	rep.N = total.sentences
	total.fill(rep)
	coded, extra, perRec := petrFigures(total)
	rep.Metrics["coded_pct"], rep.Metrics["extra_pct"], rep.Metrics["extra_per_record_pct"] = coded, extra, perRec
	rep.Counts["records_read"] = len(f.records)
	for why, n := range skipped {
		rep.Counts["skipped_"+why] = n
	}
	tab := Table{
		Title:  "by category (coded_pct and extra_pct per expected coding, as PETRARCH)",
		Header: []string{"category", "records", "expected", "correct", "uncoded", "extra", "coded_pct", "extra_pct", "exact_f1", "false_on_null"},
	}
	row := func(name string, t eventTally) []string {
		c, x, _ := petrFigures(t)
		e := t.level[levelExact]
		return []string{name, strconv.Itoa(t.sentences), strconv.Itoa(e.gold), strconv.Itoa(e.match),
			strconv.Itoa(e.gold - e.match), strconv.Itoa(e.pred - e.match),
			num(c, true), num(x, true), num(e.f1(), false), num(t.falseOnNull(), false)}
	}
	for _, cat := range cats {
		tab.Rows = append(tab.Rows, row(cat, *byCat[cat]))
	}
	tab.Rows = append(tab.Rows, row("Total", total))
	rep.Tables = append(rep.Tables, tab, diffs)
	rep.Notes = append(slices.Clone(eventNotes),
		"records scored: category in <Include> (\"valid\" is a switch, not a category), not sentence=\"false\"/evaluate=\"false\", not an error=\"…\" input-error test, has an <EventCoding>",
		"coded_pct = exact matches / expected codings; extra_pct = unmatched predictions / expected codings; extra_per_record_pct = unmatched predictions / records (UD-PETRARCH's FP column)",
		"a correctly silent noevents record is not a \"correct coding\" here (PETRARCH counts it as one); matching is one-to-one")
	rep.ReadErrors = append(f.errors, negErrs...)
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}

func petrFigures(t eventTally) (coded, extra, perRecord float64) {
	e := t.level[levelExact]
	return 100 * ratio(e.match, e.gold), 100 * ratio(e.pred-e.match, e.gold), 100 * ratio(e.pred-e.match, t.sentences)
}

// scored returns the records PETRARCH would evaluate, in file order, and how
// many were left out for each reason.
func (f *petrFile) scored() ([]petrRecord, map[string]int) {
	skipped := map[string]int{}
	var out []petrRecord
	for _, r := range f.records {
		switch {
		case f.include != nil && !slices.Contains(f.include, r.category):
			skipped["category_not_included"]++
		case r.disabled:
			skipped["disabled"]++
		case r.errorKind != "":
			skipped["error_test"]++
		case r.unstated:
			skipped["no_eventcoding"]++
		default:
			out = append(out, r)
		}
	}
	return out, skipped
}

// tripleDiff lists, as "SRC>TGT:CODE", the gold triples no prediction
// matched and the predictions no gold triple matched, one-to-one as the
// scores count them: the text report shows them per record so that misses
// can be grouped by cause.
func tripleDiff(gold, pred []triple) (missed, extra []string) {
	left := map[string]int{}
	for _, g := range gold {
		left[g.key(levelExact)]++
	}
	for _, p := range pred {
		if k := p.key(levelExact); left[k] > 0 {
			left[k]--
			continue
		}
		extra = append(extra, p.String())
	}
	for _, g := range gold {
		if k := g.key(levelExact); left[k] > 0 {
			left[k]--
			missed = append(missed, g.String())
		}
	}
	return missed, extra
}

func (t triple) String() string {
	src, tgt := t.src, t.tgt
	if src == noActor {
		src = "---"
	}
	if tgt == noActor {
		tgt = "---"
	}
	return src + ">" + tgt + ":" + t.code
}

// oneSidedCoder codes the records under <Config option="require_dyad"
// value="false"> with one-sided events kept, as PETRARCH does for them;
// the others as the dictionary asks. Records are known by their line.
// When the records file names a coding ontology, its negations go with
// every record.
type oneSidedCoder struct {
	c     Coder
	lines map[int]bool
	neg   petrarch.Negations
}

func (o oneSidedCoder) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	if o.lines[in.Origin.Line] {
		ctx = coder.WithMonadic(ctx)
	}
	if len(o.neg) > 0 {
		ctx = coder.WithNegations(ctx, o.neg)
	}
	return o.c.Code(ctx, in)
}

// recordNegations reads the coding ontologies (<PICOfile>) the records
// file's <Environment> names: UD-PETRARCH's records expect negated verbs
// coded through them ("didn't clash over the efforts" → 050). A file
// that cannot be read is reported and left out.
func recordNegations(gold string) (petrarch.Negations, []string) {
	fs, ok := petrarch.Environment(gold)
	if !ok || len(fs.Ontology) == 0 {
		return nil, nil
	}
	neg := petrarch.Negations{}
	var errs []string
	for _, p := range fs.Ontology {
		n, err := petrarch.LoadOntologyFile(p)
		if err != nil {
			errs = append(errs, err.Error())
		}
		for k, v := range n {
			neg[k] = v
		}
	}
	return neg, errs
}

func oneSidedLines(recs []petrRecord) map[int]bool {
	m := map[int]bool{}
	for _, r := range recs {
		if r.oneSided {
			m[r.line] = true
		}
	}
	return m
}
