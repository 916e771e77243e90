package geo

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// Attach returns where the event e happened: the place named in a
// locative phrase ("in Beijing", "near Khan Younis", "at a camp outside
// Goma") of the clause whose verb (or event noun) is at verbSpan, nearest
// the verb and after it when there is a choice; nil when the clause names
// none.
//
// A place whose span overlaps e's source or target is skipped, and the
// next-best place taken: in "Hamas called on Israel to withdraw from
// Gaza", "on Israel" reads like a locative phrase, but Israel is who is
// called on, not where. Spans, not names, decide, so another mention of
// the same name elsewhere in the sentence is still a location. e may be
// nil when no actors are known.
//
// It reads the places Annotate added to doc, so it runs after the geo
// stage. It never falls back to another clause or to the article's first
// place, and never uses a subject ("Washington said"), a demonym ("Syrian
// troops") or a place inside a compound ("Paris-based"), which say who,
// not where. Phrases of origin and destination ("from Kabul", "to Doha")
// are not locations of the event either.
func (a *Annotator) Attach(doc *khaldun.Document, s khaldun.Sentence, e *khaldun.Event, verbSpan khaldun.Span) *khaldun.Location {
	if doc == nil || len(s.Tokens) == 0 {
		return nil
	}
	verb := tokenAt(s.Tokens, verbSpan.Start)
	if verb < 0 {
		return nil
	}
	noun := strings.HasPrefix(s.Tokens[verb].POS, "NN")
	var best *khaldun.Place
	bestDist := 0
	for i := range doc.Places {
		p := &doc.Places[i]
		if !s.Span.Contains(p.Span) || isActor(e, p.Span) {
			continue
		}
		k := tokenAt(s.Tokens, p.Span.Start)
		if k < 0 || s.Tokens[k].Span != spanOfTokens(s.Tokens, k, p.Span.End) || s.Tokens[k].POS == "JJ" {
			continue
		}
		if !locativeBefore(s.Tokens, k) || boundaryBetween(s.Tokens, verb, k) {
			continue
		}
		if k < verb && noun && verbBetween(s.Tokens, k, verb) {
			// "met in Moscow to discuss … amid the Israeli onslaught
			// on Gaza": a place before an event noun with a verb in
			// between is that verb's, not the noun's.
			continue
		}
		// Distance in tokens; a place before the verb counts double, so
		// "met in Doha after talks in Cairo" keeps Doha.
		d := k - verb
		if d < 0 {
			d = -2 * d
		}
		if best == nil || d < bestDist {
			best, bestDist = p, d
		}
	}
	if best == nil {
		return nil
	}
	return &khaldun.Location{Text: best.Text, Name: best.Name, Country: best.Country, Admin1: best.Admin1,
		Lat: best.Lat, Lon: best.Lon, GeonameID: best.GeonameID, Span: best.Span}
}

// auxiliaries are verbs that head no clause of their own: "there has
// been an onslaught" is still the onslaught's clause.
var auxiliaries = set("be", "is", "are", "was", "were", "been", "am", "have", "has", "had", "do", "does", "did")

// verbBetween reports whether a verb other than an auxiliary stands
// strictly between tokens i < j. Participles (VBN, VBG) are left out, as
// they are often adjectives ("armed", "ongoing").
func verbBetween(toks []khaldun.Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		switch toks[k].POS {
		case "VB", "VBD", "VBP", "VBZ":
			if !auxiliaries[strings.ToLower(toks[k].Text)] {
				return true
			}
		}
	}
	return false
}

// isActor reports whether sp overlaps the span of e's source or target.
func isActor(e *khaldun.Event, sp khaldun.Span) bool {
	if e == nil {
		return false
	}
	return overlaps(sp, e.Source.Span) || (e.Target != nil && overlaps(sp, e.Target.Span))
}

// overlaps reports whether two byte spans share a byte; an empty span
// (an actor without a mention) overlaps nothing.
func overlaps(a, b khaldun.Span) bool {
	return a.Start < b.End && b.Start < a.End && a.Start < a.End && b.Start < b.End
}

// tokenAt is the index of the token holding byte offset off, -1 if none.
func tokenAt(toks []khaldun.Token, off int) int {
	for i, t := range toks {
		if t.Span.Start <= off && off < t.Span.End {
			return i
		}
	}
	return -1
}

// spanOfTokens is the first token's span when a place ending at end starts
// on a token boundary and ends on one; a place inside a hyphenated token
// ("Paris-based") gives a different span, which the caller rejects.
func spanOfTokens(toks []khaldun.Token, k, end int) khaldun.Span {
	for j := k; j < len(toks); j++ {
		if toks[j].Span.End == end {
			return toks[k].Span
		}
		if toks[j].Span.End > end {
			break
		}
	}
	return khaldun.Span{Start: -1, End: -1}
}

// fillers may stand between a locative preposition and the place: "in the
// northern city of Aleppo", "near the Syrian border town of Azaz".
var fillers = set("the", "a", "an", "of", "city", "town", "village", "capital", "province", "region", "district",
	"state", "county", "border", "port", "camp", "area", "outskirts", "suburb", "suburbs", "centre", "center",
	"downtown", "besieged", "southern", "northern", "eastern", "western", "central", "north", "south", "east",
	"west", "coastal", "rebel-held", "government-held", "nearby", "neighbouring", "neighboring", "occupied", "disputed")

// locativeBefore reports whether a locative preposition governs the name
// at token k, looking back over a few filler words.
func locativeBefore(toks []khaldun.Token, k int) bool {
	for j, n := k-1, 0; j >= 0 && n < 6; j, n = j-1, n+1 {
		w := strings.ToLower(toks[j].Text)
		switch {
		case locative[w]:
			return true
		case fillers[w], toks[j].POS == "JJ" && n < 3:
		default:
			return false
		}
	}
	return false
}

// boundaryBetween reports whether a clause boundary separates tokens i and
// j: a semicolon, colon or dash, a relative pronoun, or a coordinating
// "but"/"while". Commas alone do not, as "met on Monday, in Doha" shows.
func boundaryBetween(toks []khaldun.Token, i, j int) bool {
	if i > j {
		i, j = j, i
	}
	for k := i + 1; k < j; k++ {
		t := toks[k]
		switch strings.ToLower(t.Text) {
		case ";", ":", "—", "–", "--", "but", "while", "whereas", "although", "after", "before", "when", "as", "because", "since", "who", "which", "where", "said", "says":
			return true
		}
		if t.POS == "WDT" || t.POS == "WP" || t.POS == "WRB" {
			return true
		}
	}
	return false
}
