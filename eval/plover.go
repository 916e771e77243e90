package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
)

// The plover suite scores against the PLOVER gold standard records
// (PLOVER_GSR_CAMEO.txt): human-coded events on sentences of the CAMEO
// manual, with PLOVER categories and actors as ISO code + sector.
//
// Gold triples are (code+sector of each source, of each target, category),
// compound actors expanded. Predicted events are khaldun's CAMEO codes mapped
// through the CAMEO→PLOVER table, read at run time. Levels: exact (full
// actor codes + category), headline (3-character actor prefixes + category),
// root (category only). A predicted event whose CAMEO code has no PLOVER
// category (01 statements, 02 appeals) is left out, not counted false: the
// gold cannot contain such an event; how many were dropped is reported.
func init() { register("plover", runPlover) }

// defaultPloverTable is where the table sits in the shared data: the gold
// file is in plover/gold_standard_records/, the table in plover/.
func defaultPloverTable(gold string) string {
	return filepath.Join(filepath.Dir(filepath.Dir(gold)), "CAMEO2PLOVER-2021.txt")
}

func runPlover(ctx context.Context, opt Options, c Coder) (*Report, error) {
	tablePath := opt.PloverTable
	if tablePath == "" {
		tablePath = defaultPloverTable(opt.Gold)
	}
	traw, err := os.ReadFile(tablePath)
	if err != nil {
		return nil, fmt.Errorf("eval plover: CAMEO→PLOVER table (set it with the plover table option): %w", err)
	}
	table, err := readPloverTable(tablePath, traw)
	if err != nil {
		return nil, fmt.Errorf("eval plover: %w", err)
	}
	raw, err := os.ReadFile(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval plover: %w", err)
	}
	golds, readErrs := readPlover(opt.Gold, raw)
	golds = limit(golds, opt)
	// The records carry one date for all (2000-01-01): a placeholder, not
	// when the sentences were written (the CAMEO manual's examples run from
	// the 1980s to the 2000s). Passed on, it would date every office
	// holder to that day and leave those out of office then uncoded, so a
	// date every record shares is treated as unknown.
	placeholder := sharedDate(golds)
	items := make([]item, len(golds))
	for i, g := range golds {
		date := g.date
		if date == placeholder {
			date = ""
		}
		items[i] = item{id: g.id, date: date, text: g.text, line: g.line}
	}
	res, err := codeAll(ctx, "plover", opt, c, items)
	if err != nil {
		return nil, err
	}
	var total eventTally
	byCat := map[string]*eventTally{}
	unmapped := 0
	misses := Table{Title: "misses (headline level: gold → predicted, CAMEO codes as coded)", Header: []string{"id", "gold", "predicted", "cameo", "text"}}
	for i, g := range golds {
		gold := ploverGold(table, g)
		pred, drop := ploverPred(table, res[i].events())
		unmapped += drop
		total.add(gold, pred)
		if m := matchMultiset(gold, pred, levelHeadline); m.match != m.gold || m.match != m.pred {
			misses.Rows = append(misses.Rows, []string{g.id, headlines(gold), headlines(pred), cameoCodes(res[i].events()), g.text})
		}
		// Per gold category: a sentence's predictions are charged to the
		// category of its (first) gold event.
		cat := gold[0].code
		if byCat[cat] == nil {
			byCat[cat] = &eventTally{}
		}
		byCat[cat].add(gold, pred)
	}
	rep := newReport("plover", opt)
	rep.N = total.sentences
	total.fill(rep)
	rep.Counts["unmapped_predictions"] = unmapped
	rep.Counts["gold_records"] = 0
	for _, g := range golds {
		rep.Counts["gold_records"] += len(g.events)
	}
	tab := Table{Title: "by gold category", Header: []string{"category", "sentences", "gold", "pred", "exact_f1", "headline_f1", "root_f1"}}
	for _, cat := range sortedKeys(byCat) {
		t := byCat[cat]
		tab.Rows = append(tab.Rows, []string{cat, strconv.Itoa(t.sentences), strconv.Itoa(t.level[levelExact].gold),
			strconv.Itoa(t.level[levelExact].pred), num(t.level[levelExact].f1(), false),
			num(t.level[levelHeadline].f1(), false), num(t.level[levelRoot].f1(), false)})
	}
	rep.Tables = append(rep.Tables, tab, misses)
	rep.Notes = append(slices.Clone(eventNotes),
		"actor code = PLOVER code + sector (\"***\" sector dropped); event = PLOVER category; headline = 3-character actor prefixes + category; root = category",
		"predicted CAMEO codes mapped with "+tablePath+" (full code, else 3-digit base, else root); predictions with no PLOVER category are dropped and counted as unmapped_predictions",
		"gold categories of the 2016 standard renamed to the table's: DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT",
		"a record whose markup writes its actors \"(SRC/TAR: …)\" lists all of them as sources with no target; the readme calls them CAMEO's reciprocal source/target, so each participant is read as acting on each other (X→Y and Y→X), as CAMEO and khaldun code them",
		"gold records sharing a text are one sentence with all their events; the set has no null sentence, so false_on_null is 0",
		"the gold's non-ISO country codes JAP, ITL and VTN are read as JPN, ITA and VNM",
		"a date shared by every record (2000-01-01 in PLOVER_GSR_CAMEO) is a placeholder and is not passed to the coder: people code by their undated or first office")
	rep.ReadErrors = readErrs
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}

func ploverGold(t *ploverTable, g ploverItem) []triple {
	var out []triple
	for _, e := range g.events {
		cat := t.goldCategory(e.category)
		if e.reciprocal {
			out = append(out, reciprocal(e.sources, cat)...)
			continue
		}
		out = append(out, expand(e.sources, e.targets, cat, cat)...)
	}
	return out
}

// reciprocal reads a reciprocal gold event as CAMEO does: every participant
// acts on every other ("Israel and Lebanon renewed negotiations": ISR→LBN
// and LBN→ISR).
func reciprocal(actors []string, cat string) []triple {
	var out []triple
	for i, s := range actors {
		for j, t := range actors {
			if i != j {
				out = append(out, triple{normActor(s), normActor(t), cat, cat})
			}
		}
	}
	return out
}

// ploverPred maps predicted events to PLOVER triples and says how many it
// had to drop for want of a category.
func ploverPred(t *ploverTable, evs []khaldun.Event) ([]triple, int) {
	var out []triple
	drop := 0
	for _, tr := range cameoTriples(evs) {
		cat := t.category(tr.code)
		if cat == "" {
			drop++
			continue
		}
		out = append(out, triple{tr.src, tr.tgt, cat, cat})
	}
	return out, drop
}

// sharedDate returns the date when more than one record has a date and all
// records with one have the same; "" otherwise.
func sharedDate(golds []ploverItem) string {
	date, n := "", 0
	for _, g := range golds {
		switch {
		case g.date == "":
		case date == "":
			date, n = g.date, 1
		case g.date != date:
			return ""
		default:
			n++
		}
	}
	if n < 2 {
		return ""
	}
	return date
}

// headlines writes triples at the headline level, "SRC>TGT:CATEGORY" each,
// so that a miss can be read off the report.
func headlines(ts []triple) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = head3(t.src) + ">" + head3(t.tgt) + ":" + t.root
	}
	return "[" + strings.Join(out, " ") + "]"
}

// cameoCodes lists a sentence's events as the coder gave them, before any
// mapping, "SOURCE>TARGET:CODE" each.
func cameoCodes(evs []khaldun.Event) string {
	ts := cameoTriples(evs)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.src + ">" + t.tgt + ":" + t.code
	}
	return "[" + strings.Join(out, " ") + "]"
}
