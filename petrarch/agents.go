package petrarch

import (
	"io"
	"strings"

	"github.com/khaldun/khaldun/dict"
)

// LoadAgents reads a PETRARCH agent dictionary:
//
//	!PERSON! = MAN, MEN, WOMAN      # substitution set
//	FOREIGN_MINISTER [~GOVFRM]      # "~" stands for the actor code
//	TROOPS {} [~MIL]                # {}: no plural is generated
//	GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]  # irregular plurals
//	CONGRESS!PERSON! [~LEG]         # expands with every member of the set
//	HUMAN_RIGHTS_BODY [NGO~]        # code goes before the actor code
func LoadAgents(d *dict.Dictionary, r io.Reader, name string) error {
	c := &collector{file: name}
	subs := map[string][]string{}
	for _, ln := range readLines(r, c) {
		t := ln.text
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			k, v, _ := strings.Cut(t, "=")
			k = strings.TrimSpace(k)
			if len(k) < 3 || !strings.HasSuffix(k, "!") || strings.Count(k, "!") != 2 {
				c.add(ln.no, "bad substitution set name %q", k)
				continue
			}
			var alts []string
			for _, a := range strings.Split(v, ",") {
				if a = strings.TrimSpace(a); a != "" {
					alts = append(alts, a)
				}
			}
			if len(alts) == 0 {
				c.add(ln.no, "empty substitution set %s", k)
				continue
			}
			subs[k] = alts
			continue
		}
		head, groups, rest, ok := brackets(t)
		if !ok || rest != "" || len(groups) != 1 {
			c.add(ln.no, "agent line needs exactly one [code]: %q", t)
			continue
		}
		code, prefix, msg := parseAgentCode(groups[0])
		if msg != "" {
			c.add(ln.no, "%s", msg)
			continue
		}
		phrase, plurals, explicit, ok := braces(head)
		if !ok {
			c.add(ln.no, "unbalanced braces in %q", head)
			continue
		}
		forms, err := expand(phrase, subs)
		if err != "" {
			c.add(ln.no, "%s", err)
			continue
		}
		if len(forms) == 0 || len(dict.Phrase(forms[0])) == 0 {
			c.add(ln.no, "empty agent phrase")
			continue
		}
		expanded := len(forms) > 1 || forms[0] != phrase
		src := dict.Source{File: name, Line: ln.no}
		// A brace group spells out every form the noun takes ("{}":
		// none but itself), so neither the phrase nor its listed forms
		// may match through a lemma: "polices" is no "police".
		for _, f := range forms {
			d.AddAgent(&dict.Agent{Phrase: dict.Phrase(f), Code: code, Prefix: prefix, Surface: explicit, Source: src})
			// Substitution sets already list their plurals (MAN, MEN).
			if !explicit && !expanded {
				p := dict.Phrase(f)
				p[len(p)-1] = Plural(p[len(p)-1])
				d.AddAgent(&dict.Agent{Phrase: p, Code: code, Prefix: prefix, Source: src})
			}
		}
		for _, p := range plurals {
			d.AddAgent(&dict.Agent{Phrase: dict.Phrase(p), Code: code, Prefix: prefix, Surface: true, Source: src})
		}
	}
	return c.err()
}

// parseAgentCode reads "~GOV" or "NGO~" (spaces allowed).
func parseAgentCode(g string) (code string, prefix bool, msg string) {
	g = strings.ToUpper(strings.Join(strings.Fields(g), ""))
	switch {
	case strings.HasPrefix(g, "~"):
		code = g[1:]
	case strings.HasSuffix(g, "~"):
		code, prefix = g[:len(g)-1], true
	default:
		return "", false, "agent code " + g + " lacks the ~ placeholder"
	}
	if code == "" || strings.Contains(code, "~") || !validActorCode(code) {
		return "", false, "bad agent code " + g
	}
	return code, prefix, ""
}

// braces splits "PHRASE {A B}" into the phrase and the listed forms.
// explicit reports whether a brace group was present, even empty.
func braces(s string) (phrase string, forms []string, explicit, ok bool) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return strings.TrimSpace(s), nil, false, !strings.Contains(s, "}")
	}
	j := strings.IndexByte(s, '}')
	if j < i || strings.TrimSpace(s[j+1:]) != "" {
		return "", nil, false, false
	}
	return strings.TrimSpace(s[:i]), strings.Fields(s[i+1 : j]), true, true
}

// expand substitutes every "!SET!" in phrase with each member of the set.
func expand(phrase string, subs map[string][]string) ([]string, string) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, ""
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, "unterminated substitution in " + phrase
	}
	key := phrase[i : i+j+2]
	alts, ok := subs[key]
	if !ok {
		return nil, "unknown substitution set " + key
	}
	var out []string
	for _, a := range alts {
		rest, err := expand(phrase[i+j+2:], subs)
		if err != "" {
			return nil, err
		}
		for _, r := range rest {
			out = append(out, phrase[:i]+a+r)
		}
	}
	return out, ""
}

// Plural is the regular English plural of a lower-case noun, the rule
// PETRARCH applies to agents without explicit plurals.
func Plural(w string) string {
	switch {
	case w == "":
		return w
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	}
	return w + "s"
}
