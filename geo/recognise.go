package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/gazetteer"
)

// candidate is a name in the text that the gazetteer knows.
type candidate struct {
	span        khaldun.Span
	key         string
	sent        int
	first, last int // token indices in the sentence
	matches     []gazetteer.Match
	adj         bool // some reading is a demonym or adjective
	prep        bool // preceded by a cue word
	// in is the country (and region) a following ", Country" or ", State"
	// names; zero when there is none.
	in    struct{ country, admin1 string }
	multi bool // more than one word
}

var media = set("post", "times", "daily", "herald", "tribune", "journal", "gazette", "telegraph", "today",
	"chronicle", "examiner", "observer", "sentinel", "star", "globe", "mail", "express", "news", "inquirer",
	"independent", "standard", "bulletin", "register", "courier", "gazette", "review", "university", "college",
	"fc", "united", "city")

// units after a name make it a different place than the town of that name
// ("Marion County" is not Marion), one the gazetteer does not hold.
var units = set("county", "district", "parish", "township", "borough", "municipality", "governorate", "oblast", "prefecture")

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func proper(pos string) bool { return pos == "NNP" || pos == "NNPS" }

// candidates lists the known names of a sentence, longest match first.
// Names read as a person's ("Tom Tyler", "Mr Tyler") are added to persons,
// so that the same name alone elsewhere is not read as a town either.
func (a *Annotator) candidates(body string, si int, toks []khaldun.Token, persons map[string]bool) []candidate {
	var out []candidate
	maxW := min(a.g.MaxWords(), 6)
	for i := 0; i < len(toks); {
		tk := toks[i]
		if !capitalised(tk.Text) {
			i++
			continue
		}
		if c, ok := a.acronym(si, toks, i); ok {
			out = append(out, c)
			i++
			continue
		}
		if c, ok := a.compound(si, toks, i); ok {
			out = append(out, c)
			i++
			continue
		}
		n := a.longest(body, toks, i, maxW)
		if n == 0 {
			i++
			continue
		}
		j := i + n - 1
		key := gazetteer.Key(body[tk.Span.Start:toks[j].Span.End])
		c := candidate{span: khaldun.Span{Start: tk.Span.Start, End: toks[j].Span.End}, key: key, sent: si,
			first: i, last: j, matches: a.g.LookupKey(key), multi: n > 1}
		c.adj = anyAdjective(c.matches)
		ok, person := a.plausible(toks, &c)
		if person && persons != nil {
			persons[c.key] = true
		}
		if ok {
			c.prep = i > 0 && cues[strings.ToLower(toks[i-1].Text)]
			a.pattern(body, toks, &c)
			out = append(out, c)
		}
		i = j + 1
	}
	return out
}

// longest returns the number of tokens of the longest known name at i.
func (a *Annotator) longest(body string, toks []khaldun.Token, i, maxW int) int {
	for n := min(maxW, len(toks)-i); n >= 1; n-- {
		j := i + n - 1
		if !capitalised(toks[j].Text) {
			continue
		}
		ok := true
		for k := i + 1; k < j; k++ {
			if !capitalised(toks[k].Text) && !connectors[strings.ToLower(toks[k].Text)] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if ms := a.g.LookupKey(gazetteer.Key(body[toks[i].Span.Start:toks[j].Span.End])); len(ms) > 0 {
			return n
		}
	}
	return 0
}

// compound finds a place inside one hyphenated token: "Paris-based".
func (a *Annotator) compound(si int, toks []khaldun.Token, i int) (candidate, bool) {
	tk := toks[i]
	h := strings.LastIndexByte(tk.Text, '-')
	if h <= 0 || !suffixes[strings.ToLower(tk.Text[h+1:])] {
		return candidate{}, false
	}
	key := gazetteer.Key(tk.Text[:h])
	ms := a.g.LookupKey(key)
	if len(ms) == 0 || never[key] {
		return candidate{}, false
	}
	c := candidate{span: khaldun.Span{Start: tk.Span.Start, End: tk.Span.Start + h}, key: key, sent: si,
		first: i, last: i, matches: ms, adj: anyAdjective(ms), prep: true}
	return c, true
}

// acronyms are country abbreviations that are also words in lower case,
// so they are matched on their exact spelling.
var acronyms = map[string]string{"US": "united states", "UK": "united kingdom", "UAE": "united arab emirates",
	"DRC": "democratic republic of the congo", "PRC": "china", "DPRK": "north korea", "ROK": "south korea"}

func (a *Annotator) acronym(si int, toks []khaldun.Token, i int) (candidate, bool) {
	name, ok := acronyms[toks[i].Text]
	if !ok {
		return candidate{}, false
	}
	ms := a.g.LookupKey(name)
	c := candidate{span: toks[i].Span, key: name, sent: si, first: i, last: i, matches: ms}
	return c, len(ms) > 0
}

// anyAdjective reports whether a name can be a demonym, which the tagger
// calls JJ ("Canadian" is also a hamlet in Texas).
func anyAdjective(ms []gazetteer.Match) bool {
	for _, m := range ms {
		if m.Adjective {
			return true
		}
	}
	return false
}

// plausible rejects names that the context makes a person, an
// organisation or a common word; person is set when it was a person.
func (a *Annotator) plausible(toks []khaldun.Token, c *candidate) (ok, person bool) {
	if never[c.key] {
		return false, false
	}
	tagged := false
	for k := c.first; k <= c.last; k++ {
		if proper(toks[k].POS) {
			tagged = true
		}
	}
	first := toks[c.first]
	// Abbreviations ("U.S.", "UK") are names whatever the tagger says.
	abbrev := len(first.Text) >= 2 && strings.ToUpper(first.Text) == first.Text
	if c.adj {
		tagged = tagged || first.POS == "JJ" || first.POS == "NN" || first.POS == "NNS"
	}
	// Capitals alone make a country or region ("UAE", "NSW"), not a town
	// ("BA" is an airline, not Ba in Fiji).
	if !tagged && !(abbrev && wider(c.matches)) {
		return false, false
	}
	if c.first > 0 {
		prev := toks[c.first-1]
		lp := strings.ToLower(prev.Text)
		if titles[lp] {
			return false, true
		}
		if !c.adj && capitalised(prev.Text) && proper(prev.POS) && !directions[lp] {
			return false, c.first == c.last // "Michael Jordan", "Fort Worth Star"
		}
	}
	if c.last+1 < len(toks) && !c.adj {
		next := toks[c.last+1]
		ln := strings.ToLower(next.Text)
		if media[ln] || units[ln] {
			return false, false // "Washington Post", "Manchester United", "Marion County"
		}
		if capitalised(next.Text) && proper(next.POS) && !neighbours[ln] && !titles[ln] && !never[ln] {
			return false, false // "Paris Hilton", "Jordan Peterson"
		}
	}
	return true, false
}

// wider reports whether a name can mean a country, region or continent.
func wider(ms []gazetteer.Match) bool {
	for _, m := range ms {
		if m.Kind != gazetteer.City {
			return true
		}
	}
	return false
}

// pattern reads a following ", Country" or ", State" ("Long Beach,
// Calif.") into c.in.
func (a *Annotator) pattern(body string, toks []khaldun.Token, c *candidate) {
	k := c.last + 1
	if k+1 >= len(toks) || toks[k].Text != "," || !capitalised(toks[k+1].Text) {
		return
	}
	w := toks[k+1].Text
	if code, ok := usAbbrev[strings.ToLower(w)]; ok {
		c.in.country, c.in.admin1 = "USA", code
		return
	}
	if len(w) == 2 && strings.ToUpper(w) == w {
		if a.g.Region("USA", w) != nil {
			c.in.country, c.in.admin1 = "USA", w
			return
		}
	}
	for n := min(4, len(toks)-k-1); n >= 1; n-- {
		end := toks[k+n].Span.End
		for _, m := range a.g.LookupKey(gazetteer.Key(body[toks[k+1].Span.Start:end])) {
			switch m.Kind {
			case gazetteer.Country:
				c.in.country = m.Country
				return
			case gazetteer.Admin1:
				c.in.country, c.in.admin1 = m.Country, m.Admin1
				return
			}
		}
	}
}
