package quote

import (
	"strings"

	"github.com/khaldun/khaldun/dict"
)

// honorifics open a name without being part of it ("Sen. Jane Roe" is
// Jane Roe); they go to the title so that the name matches its other
// mentions.
var honorifics = set("mr.", "mrs.", "ms.", "dr.", "rep.", "sen.", "gov.",
	"gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "prof.", "rev.", "sir",
	"president", "senator", "governor", "minister", "secretary", "chief",
	"judge", "justice", "mayor", "ambassador", "speaker", "chairman",
	"chairwoman", "general", "prime", "vice", "former", "commissioner",
	"director", "representative", "sheriff", "officer", "detective", "pope",
	"king", "queen", "prince", "princess", "sheikh", "ayatollah", "leader",
	"foreign", "defense", "defence", "interior", "ministry", "deputy",
	"attorney", "candidate", "nominee", "spokesman", "spokeswoman",
	"spokesperson")

// roles are nouns that name a person by office; "the spokesman said" is
// resolved to the last speaker carrying the same word in a title.
var roles = set("spokesman", "spokeswoman", "spokesperson", "minister",
	"president", "governor", "senator", "candidate", "nominee", "secretary",
	"chairman", "chairwoman", "leader", "ambassador", "mayor", "official",
	"chief", "director", "commander", "general", "premier", "king", "prime",
	"representative", "congressman", "congresswoman", "lawmaker", "envoy",
	"businessman", "businesswoman", "sheriff", "judge", "adviser", "advisor",
	"manager", "founder", "executive", "aide", "diplomat")

// person is someone named in the article.
type person struct {
	name   string   // full name as written
	words  []string // its words in matching form
	title  string   // the title words before the name at its fullest mention
	actor  string
	tok    int // token index of the last mention
	group  bool
	gender int
}

// resolver remembers who was named, in reading order, to give pronouns,
// roles and surnames their antecedent.
type resolver struct {
	ts      []tok
	body    string
	d       *dict.Dictionary
	date    string
	people  []*person // every multi-word proper name, in order of appearance
	next    int       // names before this token index are in people
	last    *person   // the last speaker who is a person
	lastGrp *person   // the last speaker that is a group or organisation
}

// catchUp registers the proper names that occur before token limit.
func (r *resolver) catchUp(limit int) {
	for r.next < limit && r.next < len(r.ts) {
		i := r.next
		if !proper(r.ts[i]) || r.ts[i].quote {
			r.next++
			continue
		}
		j := i
		for j < len(r.ts) && proper(r.ts[j]) && !r.ts[j].quote && r.ts[j].sent == r.ts[i].sent {
			j++
		}
		h := stripHonorifics(r.ts, i, j)
		if j-h >= 2 {
			r.remember(np{h, j}, i)
		} else if q := r.surname(r.ts[j-1].word); q != nil {
			// A surname alone is a mention too: recency decides pronouns.
			q.tok = j - 1
			if q.gender == unknown {
				q.gender = genderOf(r.text(i, j-1), nil)
			}
		}
		r.next = j
	}
}

// stripHonorifics skips the title words opening the name in tokens [i, j),
// keeping at least two words so that "State Department" and "President
// Obama" stay whole.
func stripHonorifics(ts []tok, i, j int) int {
	for j-i > 2 && honorifics[ts[i].word] {
		i++
	}
	return i
}

// remember records the name in tokens [p.from, p.to) whose title starts at
// token titleFrom, and returns the person, merged with an earlier mention of
// the same name.
func (r *resolver) remember(p np, titleFrom int) *person {
	words := make([]string, 0, p.to-p.from)
	for _, k := range r.ts[p.from:p.to] {
		words = append(words, k.word)
	}
	title := r.text(titleFrom, p.from)
	actor := r.code(titleFrom, p.to)
	for _, q := range r.people {
		if strings.Join(q.words, " ") == strings.Join(words, " ") {
			if q.title == "" {
				q.title = title
			}
			if q.actor == "" {
				q.actor = actor
			}
			if q.gender == unknown {
				q.gender = genderOf(title, words)
			}
			q.tok = p.from
			return q
		}
	}
	q := &person{name: r.text(p.from, p.to), words: words, title: title, actor: actor, tok: p.from,
		gender: genderOf(title, words)}
	r.people = append(r.people, q)
	return q
}

// text is the body text of tokens [a, b).
func (r *resolver) text(a, b int) string {
	if a >= b {
		return ""
	}
	return r.body[r.ts[a].Span.Start:r.ts[b-1].Span.End]
}

// surname finds the person a single name stands for: an earlier full name
// ending with it (Western order) or starting with it (Chinese order: "Lin"
// for Lin Jian), the most recent first.
func (r *resolver) surname(w string) *person {
	for _, want := range []func(q *person) bool{
		func(q *person) bool { return q.words[len(q.words)-1] == w },
		func(q *person) bool { return q.words[0] == w },
	} {
		for i := len(r.people) - 1; i >= 0; i-- {
			if want(r.people[i]) {
				return r.people[i]
			}
		}
	}
	return nil
}

// role finds the last person whose title holds the role noun.
func (r *resolver) role(w string) *person {
	for i := len(r.people) - 1; i >= 0; i-- {
		for _, t := range strings.Fields(lower(r.people[i].title)) {
			if t == w {
				return r.people[i]
			}
		}
	}
	return nil
}

// code is the actor code of tokens [a, b): a person or organisation the
// dictionary knows, or a country followed by an agent ("China's foreign
// ministry spokesman" → CHN + GOV).
func (r *resolver) code(a, b int) string {
	if r.d == nil || a >= b {
		return ""
	}
	seq := dict.Seq{Words: make([]string, 0, b-a), Lemmas: make([]string, 0, b-a)}
	for _, k := range r.ts[a:b] {
		seq.Words = append(seq.Words, k.word)
		seq.Lemmas = append(seq.Lemmas, k.Lemma)
	}
	base, named := "", ""
	for i := 0; i < seq.Len(); {
		if actors, n := r.d.MatchActor(seq, i); n > 0 && len(actors) > 0 {
			if c := actors[0].CodeOn(r.date); c != "" {
				if base == "" {
					base = c
				}
				if i+n == seq.Len() {
					// The name itself is known: it wins over its title.
					named = c
				}
			}
			i += n
			continue
		}
		if agents, n := r.d.MatchAgent(seq, i); n > 0 && len(agents) > 0 {
			if len(base) == 3 {
				base = agents[0].Combine(base)
			}
			i += n
			continue
		}
		i++
	}
	if named != "" {
		return named
	}
	return base
}

// resolve fills the speaker of at from the mention in tokens p.
func (r *resolver) resolve(at *Attribution, p np) {
	head := r.ts[p.to-1]
	if p.to-p.from == 1 && pronouns[head.word] != "" {
		var who *person
		if pronouns[head.word] == "group" {
			who = r.lastGrp
		} else {
			who = r.antecedent(head.word, p.from)
		}
		if who == nil {
			at.Speaker = head.Text
			return
		}
		at.Speaker, at.Title, at.Actor = who.name, who.title, who.actor
		if pronouns[head.word] == "person" {
			// A speaker referred to by pronoun is still the topic.
			r.last = who
		}
		return
	}
	if proper(head) {
		a := p.to - 1
		for a > p.from && proper(r.ts[a-1]) {
			a--
		}
		h := stripHonorifics(r.ts, a, p.to)
		var who *person
		if p.to-h >= 2 {
			who = r.remember(np{h, p.to}, p.from)
		} else if who = r.surname(head.word); who == nil {
			who = r.remember(np{h, p.to}, p.from)
		}
		if t := r.text(p.from, h); t != "" && who.title == "" {
			who.title = t
		}
		if who.gender == unknown {
			who.gender = genderOf(r.text(p.from, h), who.words)
		}
		who.tok = max(who.tok, p.from)
		if who.actor == "" {
			who.actor = r.code(p.from, p.to)
		}
		at.Speaker, at.Title, at.Actor = who.name, who.title, who.actor
		if len(who.words) == 1 && groupWord(head.word) {
			r.lastGrp = who
		} else {
			r.last = who
		}
		return
	}
	if roles[head.Lemma] || roles[head.word] {
		if who := r.role(head.Lemma); who != nil {
			at.Speaker, at.Title, at.Actor = who.name, who.title, who.actor
			r.last = who
			return
		}
	}
	at.Speaker = r.text(p.from, p.to)
	at.Actor = r.code(p.from, p.to)
	g := &person{name: at.Speaker, actor: at.Actor, tok: p.from, group: true}
	if roles[head.Lemma] {
		r.last = g
	} else {
		r.lastGrp = g
	}
}

// antecedent finds the person a personal pronoun at token at stands for:
// a person of fitting gender named earlier in the same sentence ("Clinton
// says she …"), else the last speaker if the gender fits, else the person
// of fitting gender named most recently, else the last speaker.
func (r *resolver) antecedent(w string, at int) *person {
	a, _ := sentBounds(r.ts, at)
	var recent *person
	for _, q := range r.people {
		if q.tok < at && fits(q.gender, w) && (recent == nil || q.tok > recent.tok) {
			recent = q
		}
	}
	switch {
	case recent != nil && recent.tok >= a:
		return recent
	case r.last != nil && fits(r.last.gender, w):
		return r.last
	case recent != nil:
		return recent
	}
	return r.last
}

// groupWord marks one-word proper names that are organisations rather
// than people, so that "he" does not resolve to them.
func groupWord(w string) bool {
	switch w {
	case "pentagon", "kremlin", "nato", "hamas", "fatah", "hezbollah", "congress", "reuters":
		return true
	}
	return false
}
