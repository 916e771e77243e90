package eval

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
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
	res, err := codeAll(ctx, "petrarch", opt, c, items)
	if err != nil {
		return nil, err
	}
	var total eventTally
	byCat := map[string]*eventTally{}
	var cats []string
	for i, r := range recs {
		t := byCat[r.category]
		if t == nil {
			t = &eventTally{}
			byCat[r.category] = t
			cats = append(cats, r.category) // file order, as PETRARCH prints them
		}
		t.add(r.codings, cameoTriples(res[i].events()))
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
	rep.Tables = append(rep.Tables, tab)
	rep.Notes = append(slices.Clone(eventNotes),
		"records scored: category in <Include> (\"valid\" is a switch, not a category), not sentence=\"false\"/evaluate=\"false\", not an error=\"…\" input-error test, has an <EventCoding>",
		"coded_pct = exact matches / expected codings; extra_pct = unmatched predictions / expected codings; extra_per_record_pct = unmatched predictions / records (UD-PETRARCH's FP column)",
		"a correctly silent noevents record is not a \"correct coding\" here (PETRARCH counts it as one); matching is one-to-one")
	rep.ReadErrors = f.errors
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
