package dict

import "strings"

// VerbBlock is a group of verb forms sharing a default code and patterns,
// PETRARCH's "--- NAME [code] ---" block.
type VerbBlock struct {
	Name string
	Code string // default event code; "---" or "" means none
	// Reverse is the default target→source code of "[032:033]" blocks.
	Reverse  string
	Forms    []*VerbForm
	Patterns []*Pattern
	Source   Source
}

// VerbForm is one way of writing a verb of a block: a single word ("meet"),
// an irregular form ("met") or a phrasal verb ("break down") whose head is
// the word that carries the verb tag.
type VerbForm struct {
	Words []string
	Head  int    // index of the verb word in Words
	Code  string // overrides the block code when set
	// Reverse overrides the block's reverse code when Code is set.
	Reverse string
	Block   *VerbBlock
	// Surface means the form must match the token as written, not its
	// lemma: it is an inflected form listed explicitly.
	Surface bool
	Source  Source
}

// EffectiveCode is the code the form gives when no pattern matches.
func (f *VerbForm) EffectiveCode() string {
	if f.Code != "" {
		return f.Code
	}
	if f.Block != nil {
		return f.Block.Code
	}
	return ""
}

// EffectiveReverse is the target→source code the form gives when no
// pattern matches ("" for none).
func (f *VerbForm) EffectiveReverse() string {
	if f.Code != "" {
		return f.Reverse
	}
	if f.Block != nil {
		return f.Block.Reverse
	}
	return ""
}

// ElemKind is what a pattern element matches.
type ElemKind uint8

const (
	Word       ElemKind = iota // a literal word
	SynsetEl                   // any phrase of a synset
	VerbEl                     // the verb itself, "*"
	SourceEl                   // an actor that becomes the source, "$"
	TargetEl                   // an actor that becomes the target, "+"
	SkipEl                     // any single word, "^"
	CompoundEl                 // a compound actor "A and B", "%"
)

// Elem is one element of a pattern.
type Elem struct {
	Kind ElemKind
	Text string // the word, or the synset name (without "&")
	// Joined means the element must be adjacent to the previous one in
	// text order (PETRARCH's "_"); otherwise words may lie between.
	Joined bool
	// Prep marks the first word of a "(PREP ...)" group: a target actor
	// found after it is the object of that preposition.
	Prep bool
}

// Pattern is a verb pattern: elements in text order around the verb, and
// the code the match yields.
type Pattern struct {
	Elems []Elem
	Verb  int    // index of the VerbEl element
	Code  string // event code; "---" means the match codes nothing
	// Reverse is the code for the target→source event of "[A:B]" pairs.
	Reverse string
	Text    string // the pattern as written, for rule ids
	Block   *VerbBlock
	Source  Source
}

// Before returns the elements left of the verb, in text order.
func (p *Pattern) Before() []Elem { return p.Elems[:p.Verb] }

// After returns the elements right of the verb, in text order.
func (p *Pattern) After() []Elem { return p.Elems[p.Verb+1:] }

// Specificity ranks patterns: longer literal context is tried first, as
// PETRARCH prefers the most specific match.
func (p *Pattern) Specificity() int {
	n := 0
	for _, e := range p.Elems {
		switch e.Kind {
		case Word, SynsetEl:
			n += 2
		case SourceEl, TargetEl, CompoundEl, SkipEl:
			n++
		}
	}
	return n
}

// AddVerbBlock indexes every form of b under its head word.
func (d *Dictionary) AddVerbBlock(b *VerbBlock) {
	d.blocks = append(d.blocks, b)
	for _, f := range b.Forms {
		f.Block = b
		if f.Head < 0 || f.Head >= len(f.Words) {
			continue
		}
		h := f.Words[f.Head]
		d.verbs[h] = append(d.verbs[h], f)
		d.nforms++
	}
	for _, p := range b.Patterns {
		p.Block = b
	}
}

// AddNounPattern indexes a nominal event pattern ("talks between $ and
// +", "air strike on +") under its first word. Its Verb is -1: the words
// themselves are the event. Patterns sharing a first word are kept most
// specific first.
func (d *Dictionary) AddNounPattern(p *Pattern) {
	if len(p.Elems) == 0 || p.Elems[0].Kind != Word {
		return
	}
	p.Verb = -1
	w := p.Elems[0].Text
	ps := append(d.nouns[w], p)
	for i := len(ps) - 1; i > 0 && ps[i].Specificity() > ps[i-1].Specificity(); i-- {
		ps[i], ps[i-1] = ps[i-1], ps[i]
	}
	d.nouns[w] = ps
	d.nnouns++
}

// NounPatterns returns the nominal patterns whose first word is w, most
// specific first.
func (d *Dictionary) NounPatterns(w string) []*Pattern { return d.nouns[w] }

// VerbForms returns the forms whose head word is w (lower case).
func (d *Dictionary) VerbForms(w string) []*VerbForm { return d.verbs[w] }

// Blocks returns every verb block in insertion order.
func (d *Dictionary) Blocks() []*VerbBlock { return d.blocks }

// Synset is a named set of phrases that a pattern element "&NAME" matches.
type Synset struct {
	Name    string
	Members [][]string
	// Refs are member synsets ("+&OTHER"), resolved when matching so that
	// the file order of definitions does not matter.
	Refs   []string
	Source Source
}

// AddSynset stores s under its (upper-case) name, replacing any earlier one.
func (d *Dictionary) AddSynset(s *Synset) { d.synsets[strings.ToUpper(s.Name)] = s }

// Synset returns the synset called name.
func (d *Dictionary) Synset(name string) (*Synset, bool) {
	s, ok := d.synsets[strings.ToUpper(name)]
	return s, ok
}

// MatchSynset returns the lengths of the members of synset name that match
// at token i, longest first, following nested synsets (cycles are cut).
func (d *Dictionary) MatchSynset(name string, s Seq, i int) []int {
	var out []int
	d.matchSynset(name, s, i, map[string]bool{}, &out)
	// insertion sort: lists are tiny
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && out[b] > out[b-1]; b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	return out
}

func (d *Dictionary) matchSynset(name string, s Seq, i int, seen map[string]bool, out *[]int) {
	key := strings.ToUpper(name)
	if seen[key] {
		return
	}
	seen[key] = true
	set, ok := d.synsets[key]
	if !ok {
		return
	}
	for _, m := range set.Members {
		if n := MatchPhrase(m, s, i); n > 0 {
			*out = append(*out, n)
		}
	}
	for _, r := range set.Refs {
		d.matchSynset(r, s, i, seen, out)
	}
}

// MatchPhrase returns len(words) when the phrase matches at token i, else 0.
func MatchPhrase(words []string, s Seq, i int) int {
	if len(words) == 0 || i+len(words) > s.Len() {
		return 0
	}
	for k, w := range words {
		if !s.Matches(i+k, w) {
			return 0
		}
	}
	return len(words)
}

// Phrase splits a dictionary phrase written "UPPER_CASE words" or with
// spaces into lower-case words. Trailing "_" (PETRARCH's "no stemming"
// mark) disappears; khaldun never stems dictionary words.
func Phrase(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	out := make([]string, 0, len(f))
	for _, w := range f {
		w = strings.ToLower(w)
		// The tokenizer splits possessives ("people 's", "workers '"),
		// so dictionary words must be split the same way to match.
		switch {
		case len(w) > 2 && strings.HasSuffix(w, "'s"):
			out = append(out, w[:len(w)-2], "'s")
		case len(w) > 1 && strings.HasSuffix(w, "'"):
			out = append(out, w[:len(w)-1], "'")
		default:
			out = append(out, w)
		}
	}
	return out
}

// Transform is a PETRARCH-2 transformation that rewrites an event nested in
// a reporting clause: "~ a (a b ATTACK) SAY = a b 015" reads "when a says
// that a attacked b, code a→b 015 instead". Variables are single letters;
// "_" means any actor, "." none.
type Transform struct {
	Outer       string // variable of the outer clause's subject
	Verb        string // outer verb block name, e.g. "SAY"
	InnerSource string
	InnerTarget string
	InnerVerb   string // inner verb block name, or "Q" for any quote
	Source      string // variables of the resulting event
	Target      string
	Code        string
	Origin      Source
}
