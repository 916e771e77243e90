package petrarch

import (
	"io"
	"strings"

	"github.com/khaldun/khaldun/dict"
)

// LoadVerbs reads a PETRARCH verb dictionary (the PETRARCH-1 format of
// PETR.Validate.verbs.txt and the PETRARCH-2 format of CAMEO.2.0.txt):
//
//	&SYNSET                 # a synonym set: "+MEMBER" lines follow
//	+MEMBER_PHRASE
//	+&OTHER_SYNSET
//	--- NAME [code] ---     # a verb block: forms then patterns
//	VERB {IRREGULAR FORMS} [code]
//	+PHRASAL_VERB {+FORMS}  # "+" marks the word that is the verb
//	- WORDS * WORDS [code]  # pattern: "*" is the verb, "$" source,
//	                        # "+" target, "^" any word, "%" compound,
//	                        # "&NAME" synset, "_" adjacency,
//	                        # "(PREP ...)" and "{NOUN PHRASE}" groups
func LoadVerbs(d *dict.Dictionary, r io.Reader, name string) error {
	c := &collector{file: name}
	d.RequireDyad = true
	var syn *dict.Synset
	var blk *dict.VerbBlock
	broken := false
	endSyn := func() {
		if syn != nil {
			d.AddSynset(syn)
			syn = nil
		}
	}
	endBlk := func() {
		if blk != nil {
			d.AddVerbBlock(blk)
			blk = nil
		}
	}
	for _, ln := range readLines(r, c) {
		t := ln.text
		src := dict.Source{File: name, Line: ln.no}
		switch {
		case strings.HasPrefix(t, "&"):
			endSyn()
			endBlk()
			n := strings.TrimSuffix(strings.TrimSpace(t[1:]), "_")
			if n == "" || strings.ContainsAny(n, " []{}()") {
				c.add(ln.no, "bad synset name %q", t)
				continue
			}
			syn = &dict.Synset{Name: strings.ToUpper(n), Source: src}
		case strings.HasPrefix(t, "+") && syn != nil:
			m := strings.TrimSpace(t[1:])
			if strings.HasPrefix(m, "&") {
				syn.Refs = append(syn.Refs, strings.ToUpper(strings.TrimSuffix(m[1:], "_")))
			} else if p := dict.Phrase(m); len(p) > 0 && !strings.ContainsAny(m, "[]{}") {
				syn.Members = append(syn.Members, p)
			} else {
				c.add(ln.no, "bad synset member %q", t)
			}
		case strings.HasPrefix(t, "---"):
			endSyn()
			endBlk()
			b, msg := parseBlockHeader(t)
			if msg != "" {
				c.add(ln.no, "%s", msg)
				// The forms and patterns that follow belong to the
				// broken block: swallow them instead of reporting
				// each one as outside a block.
				blk, broken = nil, true
				continue
			}
			b.Source = src
			blk, broken = b, false
		case strings.HasPrefix(t, "~"):
			endSyn()
			endBlk()
			broken = false
			tr, msg := parseTransform(t[1:])
			if msg != "" {
				c.add(ln.no, "%s", msg)
				continue
			}
			tr.Origin = src
			d.AddTransform(tr)
		case strings.HasPrefix(t, "-") || strings.HasPrefix(t, "*") && blk != nil:
			// A line that opens with the verb's "*" is a pattern whose
			// "- " was dropped (PETR_Validate_verbs_2_02.txt has one): no
			// verb form can contain "*", so reading it as a pattern is the
			// only sense it has.
			endSyn()
			if blk == nil {
				if broken {
					continue
				}
				c.add(ln.no, "pattern outside a verb block")
				continue
			}
			p, msg := parsePattern(strings.TrimPrefix(t, "-"))
			if msg != "" {
				c.add(ln.no, "%s", msg)
				continue
			}
			p.Source = src
			blk.Patterns = append(blk.Patterns, p)
		default:
			endSyn()
			// TABARI-era lines end comments with ";" too
			if i := strings.IndexByte(t, ';'); i >= 0 {
				t = strings.TrimSpace(t[:i])
			}
			if blk == nil {
				if broken {
					continue
				}
				c.add(ln.no, "verb form %q outside a verb block", t)
				continue
			}
			forms, msg := parseForms(t, src)
			if msg != "" {
				c.add(ln.no, "%s", msg)
				continue
			}
			blk.Forms = append(blk.Forms, forms...)
		}
	}
	endSyn()
	endBlk()
	return c.err()
}

// parseBlockHeader reads "--- NAME [code] ---". Some files give a second
// code; only the first is the block default.
func parseBlockHeader(t string) (*dict.VerbBlock, string) {
	s := strings.TrimSpace(strings.Trim(t, "-"))
	head, groups, rest, ok := brackets(s)
	if !ok || strings.Trim(rest, "- ") != "" {
		return nil, "malformed verb block header " + t
	}
	nm := strings.TrimSpace(head)
	if nm == "" || strings.ContainsAny(nm, "{}()") {
		return nil, "verb block without a name: " + t
	}
	if len(groups) == 0 {
		// "--- DEFEND ###" once carried a placeholder code: a block
		// whose verbs code only through patterns.
		return &dict.VerbBlock{Name: strings.TrimSuffix(nm, "_"), Code: "---"}, ""
	}
	code, rev, msg := parseEventCode(groups[0])
	if msg != "" {
		return nil, msg
	}
	return &dict.VerbBlock{Name: strings.TrimSuffix(nm, "_"), Code: code, Reverse: rev}, ""
}

// parseEventCode reads "064", "---", "032:033" or ":173".
func parseEventCode(g string) (code, reverse, msg string) {
	g = strings.TrimSpace(g)
	code, reverse, _ = strings.Cut(g, ":")
	code, reverse = strings.TrimSpace(code), strings.TrimSpace(reverse)
	if code == "" && reverse == "" || strings.ContainsAny(g, " \t[]") {
		return "", "", "bad event code [" + g + "]"
	}
	return code, reverse, ""
}

// parseForms reads a verb-form line into its base form and any irregular
// forms. Regular inflections of one-word-head forms are generated too, as
// PETRARCH does, so that a verb the lemmatiser does not know still matches.
func parseForms(t string, src dict.Source) ([]*dict.VerbForm, string) {
	head, groups, rest, ok := brackets(t)
	if !ok || rest != "" || len(groups) > 1 {
		return nil, "malformed verb form " + t
	}
	code, rev := "", ""
	if len(groups) == 1 {
		var msg string
		if code, rev, msg = parseEventCode(groups[0]); msg != "" {
			return nil, msg
		}
	}
	base, irregular, explicit, ok := braces(head)
	if !ok {
		return nil, "unbalanced braces in " + t
	}
	f, msg := parseForm(base)
	if msg != "" {
		return nil, msg
	}
	f.Code, f.Reverse, f.Source = code, rev, src
	forms := []*dict.VerbForm{f}
	for _, s := range irregular {
		g, msg := parseForm(s)
		if msg != "" {
			return nil, msg
		}
		g.Code, g.Reverse, g.Source, g.Surface = code, rev, src, true
		forms = append(forms, g)
	}
	if !explicit {
		for _, w := range inflect(f.Words[f.Head]) {
			g := &dict.VerbForm{Words: append([]string(nil), f.Words...), Head: f.Head, Code: code, Reverse: rev, Surface: true, Source: src}
			g.Words[g.Head] = w
			forms = append(forms, g)
		}
	}
	return forms, ""
}

// parseForm reads "WORD", "+PHRASAL_VERB", "KLM_NOP_+RST" or "LASH OUT":
// the word after "+" is the verb, else the first word.
func parseForm(s string) (*dict.VerbForm, string) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' })
	f := &dict.VerbForm{}
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			f.Head = i
			p = p[1:]
		}
		if p == "" || strings.ContainsAny(p, "+*$^%&(){}") {
			return nil, "bad verb form " + s
		}
		f.Words = append(f.Words, dict.Phrase(p)...)
	}
	if len(f.Words) == 0 {
		return nil, "empty verb form"
	}
	return f, ""
}

// inflect returns the regular -s, -ed and -ing forms of a verb.
func inflect(v string) []string {
	if len(v) < 2 {
		return nil
	}
	last := v[len(v)-1]
	vowel := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	switch {
	case last == 'e':
		return []string{v + "s", v + "d", v[:len(v)-1] + "ing"}
	case last == 'y' && !vowel(v[len(v)-2]):
		return []string{v[:len(v)-1] + "ies", v[:len(v)-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), last == 'x', last == 'z':
		return []string{v + "es", v + "ed", v + "ing"}
	}
	return []string{v + "s", v + "ed", v + "ing"}
}
