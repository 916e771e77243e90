package eval

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
)

// petrRecord is one <Sentence> of a PETRARCH/TABARI validation file.
type petrRecord struct {
	id, date, category string
	line               int
	text               string
	codings            []triple
	noEvents           bool   // <EventCoding noevents="True">
	errorKind          string // <EventCoding error="…">: an input-error test
	// disabled is set by sentence="false" (PETRARCH-1: feature not
	// implemented) or evaluate="false" (UD-PETRARCH: bypass this case).
	disabled bool
	// oneSided: a <Config option="require_dyad" value="false"> before
	// the record is in force, so PETRARCH codes events without a target
	// for it.
	oneSided bool
	// unstated: no <EventCoding> at all. PETRARCH skips such a record (one
	// unit test keeps its old expectation in a comment); so do we.
	unstated bool
}

// petrFile is what the reader found in a validation file.
type petrFile struct {
	include []string // <Include> categories, "valid" removed; nil = all
	// noConfig: the file is UD-PETRARCH's (its <Environment> names a
	// <PICOfile>, the coding ontology only UD-PETRARCH reads), whose
	// validation program does not apply <Config> options: its records
	// under require_dyad="false" expect no one-sided events.
	noConfig bool
	records  []petrRecord
	errors   []string // "file:line: why" for records that could not be read
}

// The validation files are XML-ish, not XML: attributes written `date = "…"`,
// a bare `<PLEvent {…}>` line, an un-commented header full of `<EventCoding…>`
// prose. PETRARCH itself reads them line by line without an XML parser, so we
// scan for the few elements that matter instead of parsing a tree.
var (
	reComment   = regexp.MustCompile(`(?s)<!--.*?(-->|$)`)
	reParse     = regexp.MustCompile(`(?s)<Parse\b.*?(</Parse\s*>|$)`)
	reSentence  = regexp.MustCompile(`<Sentence[\s>/]`)
	reSentEnd   = regexp.MustCompile(`</Sentence\s*>`)
	reCoding    = regexp.MustCompile(`<EventCoding\b([^>]*)>`)
	reText      = regexp.MustCompile(`(?s)<Text\s*>(.*?)</Text\s*>`)
	reInclude   = regexp.MustCompile(`(?s)<Include\s*>(.*?)</Include\s*>`)
	reStop      = regexp.MustCompile(`<Stop[\s>/]`)
	reSentences = regexp.MustCompile(`<Sentences\s*>`)
	reConfig    = regexp.MustCompile(`<Config\b([^>]*)>`)
	rePICO      = regexp.MustCompile(`<PICOfile\s*>`)
	reAttribute = regexp.MustCompile(`([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

// blank replaces every byte of the matches of re with a space, keeping
// newlines so that offsets still give the right line numbers.
func blank(data []byte, re *regexp.Regexp) {
	for _, m := range re.FindAllIndex(data, -1) {
		for i := m[0]; i < m[1]; i++ {
			if data[i] != '\n' {
				data[i] = ' '
			}
		}
	}
}

func attributes(s string) map[string]string {
	a := map[string]string{}
	for _, m := range reAttribute.FindAllStringSubmatch(s, -1) {
		a[strings.ToLower(m[1])] = html.UnescapeString(m[2] + m[3] + m[4])
	}
	return a
}

// readPetrarch reads a validation file. It never fails as a whole: records
// it cannot read are reported in errors with their line and left out.
func readPetrarch(name string, raw []byte) *petrFile {
	data := bytes.Clone(raw)
	blank(data, reComment)
	blank(data, reParse) // parse trees may contain anything; khaldun ignores them
	f := &petrFile{noConfig: rePICO.Match(data)}
	if m := reInclude.FindSubmatch(data); m != nil {
		for _, c := range strings.Fields(string(m[1])) {
			if c != "valid" { // a switch in PETRARCH, not a category
				f.include = append(f.include, c)
			}
		}
	}
	// Headers describe the format in prose ("Use <Sentence … evaluate=…>"),
	// so records are only looked for inside <Sentences> when there is one.
	begin, end := 0, len(data)
	if m := reSentences.FindIndex(data); m != nil {
		begin = m[1]
	}
	if m := reStop.FindIndex(data[begin:]); m != nil {
		end = begin + m[0] // PETRARCH stops reading at a <Stop> record
	}
	lineAt := lineCounter(data)
	starts := reSentence.FindAllIndex(data[begin:end], -1)
	for i := range starts {
		starts[i][0] += begin
		starts[i][1] += begin
	}
	// <Config> elements between records switch PETRARCH options for
	// the records after them; only require_dyad changes what is coded
	// from raw text.
	configs := reConfig.FindAllSubmatchIndex(data[begin:end], -1)
	requireDyad, ci := true, 0
	for i, s := range starts {
		for ; ci < len(configs) && begin+configs[ci][0] < s[0]; ci++ {
			a := attributes(string(data[begin+configs[ci][2] : begin+configs[ci][3]]))
			if strings.EqualFold(a["option"], "require_dyad") && !f.noConfig {
				requireDyad = !strings.EqualFold(strings.TrimSpace(a["value"]), "false")
			}
		}
		next := end
		if i+1 < len(starts) {
			next = starts[i+1][0]
		}
		line := lineAt(s[0])
		rec, err := readPetrRecord(data[s[0]:next], line)
		if err != "" {
			f.errors = append(f.errors, fmt.Sprintf("%s:%d: %s", name, line, err))
			continue
		}
		rec.oneSided = !requireDyad
		f.records = append(f.records, rec)
	}
	return f
}

// readPetrRecord reads one record from the text between its <Sentence and
// the next one; it returns a reason when the record is unusable.
func readPetrRecord(chunk []byte, line int) (petrRecord, string) {
	rec := petrRecord{line: line}
	gt := bytes.IndexByte(chunk, '>')
	if gt < 0 {
		return rec, "unterminated <Sentence> tag"
	}
	a := attributes(string(chunk[len("<Sentence"):gt]))
	rec.id, rec.category = a["id"], a["category"]
	rec.date = isoDate(a["date"])
	rec.disabled = strings.EqualFold(a["sentence"], "false") || strings.EqualFold(a["evaluate"], "false")
	if rec.id == "" {
		return rec, "<Sentence> without id"
	}
	body := chunk[gt+1:]
	if m := reSentEnd.FindIndex(body); m != nil {
		body = body[:m[0]]
	} else {
		return rec, fmt.Sprintf("record %s has no </Sentence>", rec.id)
	}
	t := reText.FindSubmatch(body)
	if t == nil {
		return rec, fmt.Sprintf("record %s has no <Text>…</Text>", rec.id)
	}
	rec.text = strings.Join(strings.Fields(html.UnescapeString(string(t[1]))), " ")
	if rec.text == "" {
		return rec, fmt.Sprintf("record %s has an empty <Text>", rec.id)
	}
	for _, m := range reCoding.FindAllSubmatch(body, -1) {
		ca := attributes(string(m[1]))
		switch {
		case ca["error"] != "":
			rec.errorKind = ca["error"]
		case strings.EqualFold(ca["noevents"], "true"):
			rec.noEvents = true
		case ca["eventcode"] == "":
			return rec, fmt.Sprintf("record %s: <EventCoding> without eventcode", rec.id)
		default:
			code := strings.TrimSpace(ca["eventcode"])
			// "FRO/BIL/SAM" is a compound actor written in one attribute;
			// like every compound it expands to one triple per member.
			rec.codings = append(rec.codings, expand(
				strings.Split(ca["sourcecode"], "/"), strings.Split(ca["targetcode"], "/"), code, cameoRoot(code))...)
		}
	}
	rec.unstated = len(rec.codings) == 0 && !rec.noEvents && rec.errorKind == ""
	return rec, ""
}

// isoDate turns PETRARCH's YYYYMMDD into YYYY-MM-DD; anything else is "".
func isoDate(d string) string {
	d = strings.TrimSpace(d)
	if len(d) != 8 {
		return ""
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:]
}

// lineCounter returns a function giving the 1-based line of an offset;
// offsets must be asked for in increasing order.
func lineCounter(data []byte) func(off int) int {
	line, pos := 1, 0
	return func(off int) int {
		line += bytes.Count(data[pos:off], []byte{'\n'})
		pos = off
		return line
	}
}
