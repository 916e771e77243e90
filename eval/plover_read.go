package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// ploverItem is one sentence of the PLOVER gold standard with every event
// the gold gives it.
type ploverItem struct {
	id, date, text string
	line           int
	events         []ploverEvent
}

// ploverEvent keeps actors uncombined so that the category can be renamed
// after the table is read.
type ploverEvent struct {
	sources, targets []string
	category         string
	// reciprocal marks an event the markup writes "(SRC/TAR: …)": the
	// readme calls these CAMEO's reciprocal source/target, and the record
	// lists every participant as a source with no target. CAMEO codes such
	// an event once in each direction, which is how khaldun writes it too.
	reciprocal bool
}

type ploverActor struct {
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

type ploverRecord struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
	Info   json.RawMessage `json:"textInfo"`
}

// markup reads textInfo, which the file writes as {"markup": "…"} and, once,
// as the bare string.
func (r ploverRecord) markup() string {
	var obj struct {
		Markup string `json:"markup"`
	}
	if json.Unmarshal(r.Info, &obj) == nil {
		return obj.Markup
	}
	var s string
	_ = json.Unmarshal(r.Info, &s) // neither form: no markup
	return s
}

// ploverISO maps the few country codes the gold writes outside ISO 3166
// ("JAP" for Japan, "ITL" for Italy, "VTN" for Vietnam, which it writes
// "VNM" elsewhere) to the ISO codes every coder and the rest of the file
// use, so that a right actor is not scored wrong.
var ploverISO = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

// actorCodes reads a source or target field. The file writes a missing actor
// as an absent field, "" or, once, a stray word; anything but an array of
// actors means "no actor". The code is the country/IGO code plus its sector
// ("HUN"+"GOV"); "***" marks an unknown sector and is dropped.
func actorCodes(raw json.RawMessage) []string {
	var as []ploverActor
	if len(raw) == 0 || raw[0] != '[' || json.Unmarshal(raw, &as) != nil {
		return nil
	}
	var out []string
	for _, a := range as {
		code := strings.TrimSpace(a.Code)
		if iso, ok := ploverISO[code]; ok {
			code = iso
		}
		if s := strings.TrimSpace(a.Sector); s != "***" {
			code += s
		}
		if code != "" {
			out = append(out, code)
		}
	}
	return out
}

// readPlover reads the gold file, a JSON array of records. DOCUMENT records
// are documentation and skipped. Records with the same text are one sentence
// coded twice (the file has a few): they become one item with both events,
// or each copy would count the other's event as a false positive.
func readPlover(name string, data []byte) ([]ploverItem, []string) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var errs []string
	fail := func(msg string) ([]ploverItem, []string) {
		line := lineOf(data, dec.InputOffset())
		return nil, append(errs, fmt.Sprintf("%s:%d: %s", name, line, msg))
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return fail("not a JSON array of records")
	}
	var items []ploverItem
	byText := map[string]int{}
	for dec.More() {
		line := lineOf(data, skipSep(data, dec.InputOffset()))
		var r ploverRecord
		if err := dec.Decode(&r); err != nil {
			// A broken record leaves the decoder out of step: stop here.
			return items, append(errs, fmt.Sprintf("%s:%d: %v", name, line, err))
		}
		if r.Event == "DOCUMENT" {
			continue
		}
		text := strings.Join(strings.Fields(r.Text), " ")
		if text == "" || r.Event == "" {
			errs = append(errs, fmt.Sprintf("%s:%d: record %q has no text or no event", name, line, r.ID))
			continue
		}
		ev := ploverEvent{sources: actorCodes(r.Source), targets: actorCodes(r.Target), category: strings.TrimSpace(r.Event)}
		ev.reciprocal = strings.Contains(r.markup(), "SRC/TAR:") && len(ev.sources) > 1 && len(ev.targets) == 0
		if i, ok := byText[text]; ok {
			items[i].events = append(items[i].events, ev)
			continue
		}
		byText[text] = len(items)
		items = append(items, ploverItem{id: r.ID, date: r.Date, text: text, line: line, events: []ploverEvent{ev}})
	}
	return items, errs
}

// skipSep moves an offset past the blanks and comma the decoder has not
// consumed yet, to the start of the next record.
func skipSep(data []byte, off int64) int64 {
	for off >= 0 && off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
		off++
	}
	return off
}

// lineOf is the 1-based line of a byte offset.
func lineOf(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}

// ploverTable maps CAMEO codes to PLOVER categories.
type ploverTable struct {
	cats map[string]string // CAMEO code (2, 3 or 4 digits) → category
	set  map[string]bool   // categories the table uses
}

// readPloverTable reads CAMEO2PLOVER: "CODE: CATEGORY, mode, context # name"
// lines, 2-digit lines giving the root's default. When a code is listed
// twice the first line wins (the 2021 table lists root 08 as both CONCEDE
// and RETREAT; its 3-digit codes settle each case).
func readPloverTable(name string, data []byte) (*ploverTable, error) {
	t := &ploverTable{cats: map[string]string{}, set: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue // headers, separators, blank lines
		}
		cat, _, _ := strings.Cut(rest, ",")
		cat = strings.TrimSpace(cat)
		if cat == "" {
			return nil, fmt.Errorf("%s:%d: code %s has no category", name, ln, code)
		}
		if _, dup := t.cats[code]; !dup {
			t.cats[code] = cat
		}
		t.set[cat] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(t.cats) == 0 {
		return nil, fmt.Errorf("%s: no CAMEO→PLOVER lines found", name)
	}
	return t, nil
}

// category maps a CAMEO code, falling back from the full code to its
// 3-digit base and its root; "" when the table has nothing (CAMEO 01 and 02
// have no PLOVER category in the 2021 table).
func (t *ploverTable) category(code string) string {
	code = strings.TrimSpace(code)
	for n := len(code); n >= 2; n-- {
		if c, ok := t.cats[code[:n]]; ok {
			return c
		}
	}
	return ""
}

// goldAliases renames categories of the 2016 gold standard (PLOVER 0.5)
// that the 2021 table calls differently; applied only to names the table
// does not use, so a newer gold file passes through unchanged.
var goldAliases = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

func (t *ploverTable) goldCategory(cat string) string {
	if a, ok := goldAliases[cat]; ok && !t.set[cat] {
		return a
	}
	return cat
}
