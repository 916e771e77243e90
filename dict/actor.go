package dict

import "strings"

// Actor is a named actor: every phrase that names it and the codes it takes,
// possibly depending on the date (a politician's code changes with office).
type Actor struct {
	// Phrases are the names of the actor, the first being the primary one.
	Phrases [][]string
	Codes   []DatedCode
	Source  Source
}

// DatedCode is an actor code valid between From and To inclusive, both
// YYYYMMDD or "" for an open end. A code with neither bound is the default.
type DatedCode struct {
	Code     string
	From, To string
}

// Dated reports whether the code carries a date restriction.
func (c DatedCode) Dated() bool { return c.From != "" || c.To != "" }

// Valid reports whether the code applies on date (YYYYMMDD).
func (c DatedCode) Valid(date string) bool {
	if c.From != "" && date < c.From {
		return false
	}
	if c.To != "" && date > c.To {
		return false
	}
	return true
}

// CodeOn returns the actor's code on date (YYYYMMDD or YYYY-MM-DD, "" when
// unknown). The first restricted code whose range holds the date wins, as
// in PETRARCH, so that a narrow range listed first can override a wider one;
// otherwise the default code, otherwise the first code.
func (a *Actor) CodeOn(date string) string {
	date = strings.ReplaceAll(date, "-", "")
	if date != "" {
		for _, c := range a.Codes {
			if c.Dated() && c.Valid(date) {
				return c.Code
			}
		}
	}
	for _, c := range a.Codes {
		if !c.Dated() {
			return c.Code
		}
	}
	if date == "" && len(a.Codes) > 0 {
		return a.Codes[0].Code
	}
	return ""
}

// Name is the primary phrase as written in running text.
func (a *Actor) Name() string {
	if len(a.Phrases) == 0 {
		return ""
	}
	return strings.Join(a.Phrases[0], " ")
}

// AddActor indexes a under each of its phrases.
func (d *Dictionary) AddActor(a *Actor) {
	for _, p := range a.Phrases {
		d.actors.Insert(p, a)
	}
}

// MatchActor returns the actors named by the longest phrase starting at
// token i, and the phrase length; nil and 0 when none.
func (d *Dictionary) MatchActor(s Seq, i int) ([]*Actor, int) {
	return d.actors.Longest(s, i)
}

// Agent is a role noun ("troops", "foreign minister") whose code combines
// with the country or actor next to it: "Israeli troops" → ISR+MIL.
type Agent struct {
	Phrase []string
	Code   string // the fragment, e.g. "MIL" or "GOVFRM"
	// Prefix marks codes written "[NGO~]": the fragment goes before the
	// actor code rather than after it.
	Prefix bool
	// Surface marks a phrase that matches as written only, never through
	// a token's lemma: PETRARCH's "POLICE {}" says the noun has no plural
	// form, so "polices" (the verb) must not be read as the police.
	Surface bool
	Source  Source
}

// Combine attaches the agent's code to actor code base ("" when the agent
// stands alone). A role the base already carries is not repeated, as in
// PETRARCH: "White House" (USAGOV) + "officials" (GOV) is USAGOV, not
// USAGOVGOV.
func (g *Agent) Combine(base string) string {
	if g.Prefix {
		if strings.HasPrefix(base, g.Code) {
			return base
		}
		return g.Code + base
	}
	out := base
	for i := 0; i+3 <= len(g.Code); i += 3 {
		part := g.Code[i : i+3]
		if !hasRole(base, part) {
			out += part
		}
	}
	if len(g.Code)%3 != 0 {
		out += g.Code[len(g.Code)/3*3:]
	}
	return out
}

// hasRole reports whether code carries the 3-letter role r after its
// first (country or sector) block.
func hasRole(code, r string) bool {
	for i := 3; i+3 <= len(code); i += 3 {
		if code[i:i+3] == r {
			return true
		}
	}
	return false
}

// AddAgent indexes g under its phrase; a Surface agent goes to an index
// that never matches through lemmas.
func (d *Dictionary) AddAgent(g *Agent) {
	if g.Surface {
		d.surfaceAgents.Insert(g.Phrase, g)
		return
	}
	d.agents.Insert(g.Phrase, g)
}

// MatchAgent returns the agents named by the longest phrase at token i,
// surface-only agents matching their words as written. On a tie the
// surface-only entry wins: it was written for exactly these words.
func (d *Dictionary) MatchAgent(s Seq, i int) ([]*Agent, int) {
	gs, n := d.agents.Longest(s, i)
	if d.surfaceAgents.Len() == 0 {
		return gs, n
	}
	if hs, m := d.surfaceAgents.LongestSurface(s, i); m > 0 && m >= n {
		return hs, m
	}
	return gs, n
}

// Discard is a phrase that voids a sentence (or, with Story, the whole
// text) because it signals sport, weather and other non-political news.
type Discard struct {
	Phrase []string
	Story  bool
	Source Source
}

// AddDiscard indexes x under its phrase.
func (d *Dictionary) AddDiscard(x *Discard) { d.discards.Insert(x.Phrase, x) }

// MatchDiscard returns the discards at token i.
func (d *Dictionary) MatchDiscard(s Seq, i int) ([]*Discard, int) {
	return d.discards.Longest(s, i)
}
