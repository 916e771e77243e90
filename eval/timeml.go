package eval

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// The timeml suite scores temporal expressions against TimeML documents
// (TimeBank, AQUAINT: TBAQ-cleaned). Gold is a directory searched for *.tml
// files, or one file. Each document's <TEXT> is stripped of its tags and
// coded as one input whose publication date is the DCT's; gold TIMEX3 spans
// are byte offsets into that text, predictions are the document's Dates.
//
// Metrics: strict_* (same span), relaxed_* (overlapping spans; P over
// predicted expressions, R over gold ones), date_value_acc (of the DATE gold
// expressions a prediction overlaps, the share whose value equals the
// value of the prediction overlapping them most).
func init() { register("timeml", runTimeML) }

type goldTimex struct {
	span  khaldun.Span
	typ   string
	value string
}

type timemlDoc struct {
	id, dct, text string
	timexes       []goldTimex
}

// readTimeML reads one TimeML document.
func readTimeML(data []byte) (timemlDoc, error) {
	var doc timemlDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	var text strings.Builder
	var open []goldTimex // TIMEX3 elements open inside TEXT
	var in string        // the top-level element being read
	inText, seenText := false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch name := t.Name.Local; {
			case name == "TEXT":
				inText, seenText = true, true
			case name == "DOCID" || name == "DCT":
				in = name
			case name == "TIMEX3" && in == "DCT" && doc.dct == "":
				doc.dct = dctDate(attr(t, "value"))
			case name == "TIMEX3" && inText:
				open = append(open, goldTimex{span: khaldun.Span{Start: text.Len()}, typ: attr(t, "type"), value: attr(t, "value")})
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DOCID", "DCT":
				in = ""
			case "TIMEX3":
				if n := len(open); inText && n > 0 {
					g := open[n-1]
					open = open[:n-1]
					g.span.End = text.Len()
					if g.span.End > g.span.Start {
						doc.timexes = append(doc.timexes, g)
					}
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			} else if in == "DOCID" {
				doc.id += strings.TrimSpace(string(t))
			}
		}
	}
	if !seenText {
		return doc, errors.New("no <TEXT> element")
	}
	doc.text = text.String()
	sort.SliceStable(doc.timexes, func(i, j int) bool { return doc.timexes[i].span.Start < doc.timexes[j].span.Start })
	return doc, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// dctDate keeps the day of a DCT value ("1990-08-15T13:37" → "1990-08-15").
func dctDate(v string) string {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return ""
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if v[i] < '0' || v[i] > '9' {
			return ""
		}
	}
	return v[:10]
}

// timemlFiles lists the .tml files under root (or root itself), sorted.
func timemlFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// normValue makes values comparable across annotators' spellings of the
// same period: the week number is zero-padded ("2000-W7" = "2000-W07").
func normValue(v string) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	// A decade is "199" in TimeML 1.2 and "199X" in later usage.
	if len(v) == 4 && v[3] == 'X' && v[0] >= '0' && v[0] <= '9' && v[2] >= '0' && v[2] <= '9' {
		v = v[:3]
	}
	if i := strings.Index(v, "-W"); i >= 0 && len(v) > i+2 {
		j := i + 2
		for j < len(v) && v[j] >= '0' && v[j] <= '9' {
			j++
		}
		if j == i+3 {
			v = v[:i+2] + "0" + v[i+2:]
		}
	}
	return v
}

func overlap(a, b khaldun.Span) int { return min(a.End, b.End) - max(a.Start, b.Start) }

// timexTally accumulates the suite's counts over documents.
type timexTally struct {
	strict                   prf
	relaxedPred, relaxedGold int
	dateMatched, dateCorrect int
	byType                   map[string]*[3]int // gold, strict hit, relaxed hit
}

func (t *timexTally) add(gold []goldTimex, pred []khaldun.Date) {
	if t.byType == nil {
		t.byType = map[string]*[3]int{}
	}
	t.strict.gold += len(gold)
	t.strict.pred += len(pred)
	for _, p := range pred {
		for _, g := range gold {
			if overlap(p.Span, g.span) > 0 {
				t.relaxedPred++
				break
			}
		}
		for _, g := range gold {
			if p.Span == g.span {
				t.strict.match++
				break
			}
		}
	}
	for _, g := range gold {
		c := t.byType[g.typ]
		if c == nil {
			c = &[3]int{}
			t.byType[g.typ] = c
		}
		c[0]++
		best, most := -1, 0
		for i, p := range pred {
			if p.Span == g.span {
				c[1]++
			}
			if o := overlap(p.Span, g.span); o > most {
				best, most = i, o
			}
		}
		if best < 0 {
			continue
		}
		c[2]++
		t.relaxedGold++
		if g.typ == "DATE" {
			t.dateMatched++
			if normValue(pred[best].Value) == normValue(g.value) {
				t.dateCorrect++
			}
		}
	}
}

func (t *timexTally) fill(r *Report) {
	rel := prf{gold: t.strict.gold, pred: t.strict.pred}
	rp, rr := ratio(t.relaxedPred, rel.pred), ratio(t.relaxedGold, rel.gold)
	rf := 0.0
	if rp+rr > 0 {
		rf = 2 * rp * rr / (rp + rr)
	}
	r.Metrics["relaxed_p"], r.Metrics["relaxed_r"], r.Metrics["relaxed_f1"] = rp, rr, rf
	r.Metrics["strict_p"], r.Metrics["strict_r"], r.Metrics["strict_f1"] = t.strict.p(), t.strict.r(), t.strict.f1()
	r.Metrics["date_value_acc"] = ratio(t.dateCorrect, t.dateMatched)
	r.Counts["gold_timexes"], r.Counts["pred_timexes"] = t.strict.gold, t.strict.pred
	r.Counts["strict_matches"] = t.strict.match
	r.Counts["relaxed_pred_hits"], r.Counts["relaxed_gold_hits"] = t.relaxedPred, t.relaxedGold
	r.Counts["date_matched"], r.Counts["date_value_correct"] = t.dateMatched, t.dateCorrect
	tab := Table{Title: "recall by gold type", Header: []string{"type", "gold", "strict_r", "relaxed_r"}}
	for _, k := range sortedKeys(t.byType) {
		c := t.byType[k]
		tab.Rows = append(tab.Rows, []string{k, strconv.Itoa(c[0]), num(ratio(c[1], c[0]), false), num(ratio(c[2], c[0]), false)})
	}
	r.Tables = append(r.Tables, tab)
}

func runTimeML(ctx context.Context, opt Options, c Coder) (*Report, error) {
	files, err := timemlFiles(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval timeml: %w", err)
	}
	rep := newReport("timeml", opt)
	var docs []timemlDoc
	seen := map[string]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			rep.ReadErrors = append(rep.ReadErrors, fmt.Sprintf("%s: %v", f, err))
			continue
		}
		d, err := readTimeML(raw)
		if err != nil {
			rep.ReadErrors = append(rep.ReadErrors, fmt.Sprintf("%s: %v", f, err))
			continue
		}
		if d.id == "" {
			d.id = filepath.Base(f)
		}
		// TBAQ-cleaned ships one TimeBank file twice (testpipeline/).
		if seen[d.id] {
			rep.Counts["duplicate_docs_skipped"]++
			continue
		}
		seen[d.id] = true
		docs = append(docs, d)
	}
	docs = limit(docs, opt)
	items := make([]item, len(docs))
	for i, d := range docs {
		items[i] = item{id: d.id, date: d.dct, text: d.text}
	}
	res, err := codeAll(ctx, "timeml", opt, c, items)
	if err != nil {
		return nil, err
	}
	var t timexTally
	for i, d := range docs {
		var pred []khaldun.Date
		if res[i].doc != nil {
			pred = res[i].doc.Dates
		}
		t.add(d.timexes, pred)
	}
	rep.N = len(docs)
	t.fill(rep)
	rep.Notes = []string{
		"one input per document: the <TEXT> element without its tags, XML entities decoded; Meta.Published = the DCT's date",
		"the DCT itself is not scored; nested TIMEX3 elements are each a gold expression",
		"strict = identical byte span; relaxed = any overlap (P over predicted, R over gold expressions)",
		"date_value_acc over DATE gold expressions overlapped by a prediction, compared with the most-overlapping prediction; week numbers zero-padded and a decade written 199X read as 199 before comparing",
		"duplicate documents (same DOCID) are scored once; 0/0 = 0",
	}
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}
