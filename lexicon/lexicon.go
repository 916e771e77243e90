package lexicon

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/khaldun/khaldun/dict"
)

//go:embed data/*.txt
var files embed.FS

// Version names the dictionaries an article was coded with; it changes
// whenever a file in data/ does, so stored articles can be recoded.
var Version = version()

// file kinds and the shape of their lines.
var specs = map[string]Spec{
	"countries": {Min: 3, Max: 3, Check: checkCountry},
	"agents":    {Min: 2, Max: 2, Check: checkAgent},
	"orgs":      {Min: 3, Max: 5, Check: checkOrg},
	"people":    {Min: 2, Max: 4, Check: checkPerson},
	"verbs":     {Min: 3, Max: 3, Check: checkVerb},
	"discards":  {Min: 2, Max: 2, Check: checkDiscard},
}

// kindOf maps a file name to its kind: "people-asia.txt" is a people file,
// so a large dictionary can be split by region and still load as one.
func kindOf(name string) string {
	base := strings.TrimSuffix(path.Base(name), ".txt")
	if i := strings.IndexByte(base, '-'); i > 0 {
		base = base[:i]
	}
	return base
}

// Files returns the embedded dictionary files by name, sorted.
func Files() ([]string, error) {
	names, err := fs.Glob(files, "data/*.txt")
	sort.Strings(names)
	return names, err
}

// Entries parses one embedded file.
func Entries(name string) ([]Entry, error) {
	spec, ok := specs[kindOf(name)]
	if !ok {
		return nil, fmt.Errorf("lexicon: %s: unknown kind of dictionary", name)
	}
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return Parse(path.Base(name), bytes.NewReader(b), spec)
}

// Load adds khaldun's embedded dictionaries to d.
func Load(d *dict.Dictionary) error {
	names, err := Files()
	if err != nil {
		return err
	}
	var errs []error
	// People and organisations: one actor per name, with a dated code
	// per line, so the coder picks the code valid on the article's date.
	people := map[string]*dict.Actor{}
	orgs := map[string]*dict.Actor{}
	verbs := map[string]*dict.VerbBlock{}
	bare := map[*dict.VerbBlock]bool{} // blocks with a bare-verb line
	for _, name := range names {
		entries, err := Entries(name)
		if err != nil {
			errs = append(errs, err)
		}
		kind := kindOf(name)
		for _, e := range entries {
			src := dict.Source{File: e.File, Line: e.Line}
			f := e.Fields
			switch kind {
			case "countries":
				code := f[1]
				if f[2] == "seat" {
					code += "GOV"
				}
				d.AddActor(&dict.Actor{Phrases: [][]string{words(f[0])}, Codes: []dict.DatedCode{{Code: code}}, Source: src})
			case "orgs":
				addDated(orgs, f[0], f[1], field(f, 3), field(f, 4), src)
			case "people":
				addDated(people, f[0], f[1], field(f, 2), field(f, 3), src)
			case "agents":
				d.AddAgent(&dict.Agent{Phrase: words(f[0]), Code: f[1], Source: src})
			case "discards":
				if f[1] == "actor" {
					// A non-actor is an actor entry that codes nothing: as
					// the longest match it hides the actor inside it.
					d.AddActor(&dict.Actor{Phrases: [][]string{words(f[0])}, Codes: []dict.DatedCode{{Code: "---"}}, Source: src})
					continue
				}
				d.AddDiscard(&dict.Discard{Phrase: words(f[0]), Source: src})
			case "verbs":
				if f[1] == "noun" {
					addNoun(d, e)
					continue
				}
				if err := addVerb(verbs, bare, e); err != nil {
					errs = append(errs, err)
				}
			}
		}
	}
	for _, name := range sortedKeys(orgs) {
		d.AddActor(orgs[name])
	}
	for _, name := range sortedKeys(people) {
		d.AddActor(people[name])
	}
	for _, head := range sortedKeys(verbs) {
		d.AddVerbBlock(verbs[head])
	}
	return errors.Join(errs...)
}

// addDated adds a code valid from..to (YYYY-MM-DD, either empty) to the
// actor named phrase, making the actor on its first line.
func addDated(actors map[string]*dict.Actor, phrase, code, from, to string, src dict.Source) {
	a := actors[phrase]
	if a == nil {
		a = &dict.Actor{Phrases: [][]string{words(phrase)}, Source: src}
		actors[phrase] = a
	}
	a.Codes = append(a.Codes, dict.DatedCode{Code: code, From: compact(from), To: compact(to)})
}

// addVerb turns a verbs.txt line into a pattern of the block of its head
// verb; all patterns of one verb share a block, as in PETRARCH, so the coder
// tries the most specific first.
func addVerb(blocks map[string]*dict.VerbBlock, bare map[*dict.VerbBlock]bool, e Entry) error {
	code, kind, text := e.Fields[0], e.Fields[1], e.Fields[2]
	w := strings.Fields(text)
	if kind != "verb" {
		return nil
	}
	head := w[0]
	b := blocks[head]
	if b == nil {
		b = &dict.VerbBlock{Name: strings.ToUpper(head), Forms: []*dict.VerbForm{{Words: []string{head}}}, Source: dict.Source{File: e.File, Line: e.Line}}
		blocks[head] = b
	}
	p := &dict.Pattern{Code: code, Reverse: reciprocal(code, text), Text: text, Source: dict.Source{File: e.File, Line: e.Line}}
	p.Elems = append(p.Elems, dict.Elem{Kind: dict.VerbEl})
	joined := true
	for _, x := range w[1:] {
		switch x {
		case "...":
			joined = false
			continue
		case "+":
			p.Elems = append(p.Elems, dict.Elem{Kind: dict.TargetEl})
		case "$":
			p.Elems = append(p.Elems, dict.Elem{Kind: dict.SourceEl})
		default:
			p.Elems = append(p.Elems, dict.Elem{Kind: dict.Word, Text: x, Joined: joined})
		}
		joined = true
	}
	switch {
	case len(p.Elems) == 1:
		// The bare verb: its code is the block's default.
		b.Code, bare[b] = code, true
	case len(p.Elems) == 2 && p.Elems[1].Kind == dict.TargetEl && !bare[b] && !objectDependent[head]:
		// "condemn +": the verb means the act whatever its object, so
		// "condemned the attack" (no actor as object) still codes 111,
		// with the target left to the clause. A bare-verb line wins.
		b.Code = code
	}
	b.Patterns = append(b.Patterns, p)
	return nil
}

// objectDependent are verbs whose "VERB +" pattern holds only for a
// political actor as object: "strike Gaza" is an attack, "strike a deal"
// is not; "released Hamas members" is 0841, "released a report" is not.
// They get no default from that pattern.
var objectDependent = map[string]bool{
	"address": true, "answer": true, "arm": true, "assist": true, "back": true, "blast": true,
	"brief": true, "celebrate": true, "clear": true, "consult": true, "control": true, "court": true,
	"decline": true, "discharge": true, "dismiss": true, "down": true, "echo": true, "engage": true,
	"enter": true, "equip": true, "examine": true, "finance": true, "fine": true, "force": true,
	"fund": true, "gas": true, "greet": true, "guard": true, "hammer": true, "hang": true,
	"harbor": true, "harbour": true, "help": true, "hit": true, "host": true, "inform": true,
	"isolate": true, "justify": true, "lend": true, "loan": true, "mention": true, "notify": true,
	"phone": true, "pound": true, "protect": true, "question": true, "receive": true, "release": true,
	"remove": true, "rescue": true, "return": true, "review": true, "ring": true, "search": true,
	"settle": true, "shelter": true, "shield": true, "smash": true, "strike": true, "study": true,
	"surround": true, "suspend": true, "target": true, "telephone": true, "tell": true, "tour": true,
	"vindicate": true, "warn": true, "welcome": true, "aid": true, "recognise": true, "recognize": true,
	"eject": true,
}

// addNoun turns a nominal verbs.txt line ("talks between $ and +") into a
// noun pattern. Slots stand next to the word before them (after an
// optional determiner) unless "..." allows a gap.
func addNoun(d *dict.Dictionary, e Entry) {
	code, text := e.Fields[0], e.Fields[2]
	p := &dict.Pattern{Code: code, Reverse: reciprocal(code, text), Text: text, Source: dict.Source{File: e.File, Line: e.Line}}
	joined := true
	for _, x := range strings.Fields(text) {
		switch x {
		case "...":
			joined = false
			continue
		case "+":
			p.Elems = append(p.Elems, dict.Elem{Kind: dict.TargetEl})
		case "$":
			p.Elems = append(p.Elems, dict.Elem{Kind: dict.SourceEl})
		default:
			p.Elems = append(p.Elems, dict.Elem{Kind: dict.Word, Text: x, Joined: joined && len(p.Elems) > 0})
		}
		joined = true
	}
	d.AddNounPattern(p)
}

// reciprocal gives the reverse code of an event that is by nature mutual,
// so that "X met Y" and "talks between X and Y" code both directions.
// Always mutual (CAMEO: both sides do the same thing): consult (040), meet
// at a third location (044), negotiate (046), sign a formal agreement
// (057). Material cooperation (060), economic (061) and military (062) are
// mutual only as a joint act — "cooperate with +", "joint exercise",
// "cooperation between $ and +" — since the same codes also cover one-way
// transfers ("supply oil to +", "grant ... basing rights to +"). Visits
// (042/043), mediation (045), telephone calls (041), judicial cooperation
// (063, an extradition goes one way) and intelligence sharing (064) keep
// their direction.
func reciprocal(code, text string) string {
	switch code {
	case "040", "044", "046", "057":
		return code
	case "060", "061", "062":
		if strings.Contains(text, "with +") || strings.Contains(text, "between $ and +") || strings.Contains(text, "joint") {
			return code
		}
	}
	return ""
}

func words(phrase string) []string { return strings.Fields(phrase) }

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

func compact(date string) string { return strings.ReplaceAll(date, "-", "") }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
