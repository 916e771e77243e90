package petrarch

import (
	"io"
	"strings"
	"time"

	"github.com/khaldun/khaldun/dict"
)

// LoadActors reads a PETRARCH actor dictionary:
//
//	PRIMARY_NAME [CODE]          # an actor with its default code
//	+SYNONYM                      # another name of the previous actor
//	    [CODE >YYMMDD]            # indented: a (dated) code of the previous actor
//	NAME [CODE 950601-990815] [OTHER]
//
// Dates are YYMMDD or YYYYMMDD; "<D" means before D, ">D" after D, "D1-D2"
// between both inclusive.
func LoadActors(d *dict.Dictionary, r io.Reader, name string) error {
	c := &collector{file: name}
	var cur *dict.Actor
	sawCode := false // the current actor had a code block, even a bad one
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			c.add(cur.Source.Line, "actor %q has no code", cur.Name())
		} else {
			d.AddActor(cur)
		}
		cur = nil
	}
	for _, ln := range readLines(r, c) {
		head, groups, rest, ok := brackets(ln.text)
		if !ok || rest != "" {
			c.add(ln.no, "malformed code block in %q", ln.text)
			continue
		}
		head = strings.TrimSpace(head)
		switch {
		case strings.HasPrefix(head, "+"):
			if cur == nil {
				c.add(ln.no, "synonym %q before any actor", head)
				continue
			}
			p := dict.Phrase(head[1:])
			if len(p) == 0 {
				c.add(ln.no, "empty synonym")
				continue
			}
			cur.Phrases = append(cur.Phrases, p)
		case head == "":
			if cur == nil {
				c.add(ln.no, "code line %q before any actor", ln.text)
				continue
			}
		case cur != nil && !sawCode:
			// Names listed one after another before a code block
			// are synonyms sharing the codes that follow.
			cur.Phrases = append(cur.Phrases, dict.Phrase(head))
		default:
			flush()
			sawCode = false
			cur = &dict.Actor{Phrases: [][]string{dict.Phrase(head)}, Source: dict.Source{File: name, Line: ln.no}}
		}
		sawCode = sawCode || len(groups) > 0
		for _, g := range groups {
			dc, msg := parseActorCode(g)
			if msg != "" {
				c.add(ln.no, "%s in [%s]", msg, g)
				continue
			}
			cur.Codes = append(cur.Codes, dc)
		}
	}
	flush()
	return c.err()
}

// parseActorCode reads "CODE", "CODE >YYMMDD", "CODE <YYMMDD" or
// "CODE D1-D2" (spaces around the operators allowed).
func parseActorCode(g string) (dict.DatedCode, string) {
	f := strings.Fields(g)
	if len(f) == 0 {
		return dict.DatedCode{}, "empty code"
	}
	code := strings.ToUpper(f[0])
	if !validActorCode(code) {
		return dict.DatedCode{}, "bad actor code " + f[0]
	}
	dc := dict.DatedCode{Code: code}
	spec := strings.Join(f[1:], "")
	if spec == "" {
		return dc, ""
	}
	var err string
	switch {
	case spec[0] == '<':
		var to string
		if to, err = parseDate(spec[1:]); err == "" {
			dc.To = addDays(to, -1)
		}
	case spec[0] == '>':
		var from string
		if from, err = parseDate(spec[1:]); err == "" {
			dc.From = addDays(from, 1)
		}
	default:
		a, b, found := strings.Cut(spec, "-")
		if !found {
			return dc, "bad date restriction " + spec
		}
		if dc.From, err = parseDate(a); err != "" {
			return dc, err
		}
		if dc.To, err = parseDate(b); err == "" && dc.To < dc.From {
			err = "date range ends before it starts"
		}
	}
	return dc, err
}

// validActorCode accepts CAMEO-like codes ("USAGOV", "---", "ELR/GAL",
// "G77") but rejects a date glued to a code ("AAA950601-990815"), a common
// slip that would otherwise silently become an actor code.
func validActorCode(code string) bool {
	digits := 0
	for _, r := range code {
		switch {
		case r >= 'A' && r <= 'Z', r == '-', r == '+', r == '/', r == '~', r == '_':
			digits = 0
		case r >= '0' && r <= '9':
			digits++
			if digits >= 4 {
				return false
			}
		default:
			return false
		}
	}
	return code != ""
}

// parseDate turns YYMMDD or YYYYMMDD into YYYYMMDD. Two-digit years up to
// 30 are in the 2000s, as in PETRARCH.
func parseDate(s string) (string, string) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", "bad date " + s
		}
	}
	switch len(s) {
	case 6:
		if s[:2] <= "30" {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 8:
	default:
		return "", "bad date " + s
	}
	if _, err := time.Parse("20060102", s); err != nil {
		return "", "bad date " + s
	}
	return s, ""
}

func addDays(yyyymmdd string, n int) string {
	t, err := time.Parse("20060102", yyyymmdd)
	if err != nil {
		return yyyymmdd
	}
	return t.AddDate(0, 0, n).Format("20060102")
}
