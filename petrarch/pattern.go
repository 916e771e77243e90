package petrarch

import (
	"strings"

	"github.com/khaldun/khaldun/dict"
)

// parsePattern reads the text of a pattern line after its leading "-".
func parsePattern(s string) (*dict.Pattern, string) {
	i := strings.LastIndexByte(s, '[')
	j := strings.LastIndexByte(s, ']')
	if i < 0 || j < i || strings.TrimSpace(s[j+1:]) != "" {
		return nil, "pattern without [code]: " + strings.TrimSpace(s)
	}
	code, rev, msg := parseEventCode(s[i+1 : j])
	if msg != "" {
		return nil, msg
	}
	body := strings.TrimSpace(s[:i])
	p := &dict.Pattern{Code: code, Reverse: rev, Text: body, Verb: -1}
	if msg := tokenizePattern(body, p); msg != "" {
		return nil, msg
	}
	if p.Verb < 0 {
		return nil, "pattern has no verb (*): " + body
	}
	return p, ""
}

// tokenizePattern fills p.Elems. Underscores join an element to the one
// before it; braces join the words of a noun phrase; an opening parenthesis
// marks the next word as a preposition.
func tokenizePattern(body string, p *dict.Pattern) string {
	depthP, depthB := 0, 0
	prep := false
	joinNext := false
	groupStart := false
	for _, field := range strings.Fields(body) {
		for field != "" {
			switch field[0] {
			case '(':
				depthP++
				prep, groupStart = true, false
				field = field[1:]
				continue
			case ')':
				if depthP--; depthP < 0 {
					return "unbalanced ) in " + body
				}
				field = field[1:]
				continue
			case '{':
				depthB++
				groupStart = true
				field = field[1:]
				continue
			case '}':
				if depthB--; depthB < 0 {
					return "unbalanced } in " + body
				}
				field = field[1:]
				continue
			}
			k := strings.IndexAny(field, "(){}")
			tok := field
			if k >= 0 {
				tok, field = field[:k], field[k:]
			} else {
				field = ""
			}
			parts := strings.Split(tok, "_")
			for n, part := range parts {
				if part == "" {
					// a trailing "_" joins the next element
					if n == len(parts)-1 && n > 0 {
						joinNext = true
					}
					continue
				}
				e, msg := patternElem(part)
				if msg != "" {
					return msg + " in " + body
				}
				e.Joined = joinNext || (n > 0 && parts[n-1] != "") || (depthB > 0 && !groupStart)
				joinNext, groupStart = false, false
				if prep {
					e.Prep, prep = e.Kind == dict.Word, false
				}
				if e.Kind == dict.VerbEl {
					if p.Verb >= 0 {
						return "two verbs (*) in " + body
					}
					p.Verb = len(p.Elems)
				}
				// multi-word literal (from a synset-free phrase) stays one element per word
				p.Elems = append(p.Elems, e)
			}
		}
	}
	if depthP != 0 || depthB != 0 {
		return "unbalanced brackets in " + body
	}
	return ""
}

func patternElem(s string) (dict.Elem, string) {
	switch s {
	case "*":
		return dict.Elem{Kind: dict.VerbEl}, ""
	case "$":
		return dict.Elem{Kind: dict.SourceEl}, ""
	case "+":
		return dict.Elem{Kind: dict.TargetEl}, ""
	case "^":
		return dict.Elem{Kind: dict.SkipEl}, ""
	case "%":
		return dict.Elem{Kind: dict.CompoundEl}, ""
	}
	if strings.HasPrefix(s, "&") {
		n := strings.ToUpper(strings.TrimSuffix(s[1:], "_"))
		if n == "" {
			return dict.Elem{}, "empty synset reference"
		}
		return dict.Elem{Kind: dict.SynsetEl, Text: n}, ""
	}
	if strings.ContainsAny(s, "*$^%&[]") {
		return dict.Elem{}, "bad pattern word " + s
	}
	w := dict.Phrase(s)
	if len(w) != 1 {
		// possessives split into two words; keep the first, it carries meaning
		if len(w) == 0 {
			return dict.Elem{}, "bad pattern word " + s
		}
	}
	return dict.Elem{Kind: dict.Word, Text: w[0]}, ""
}

// parseTransform reads a PETRARCH-2 transformation after its "~":
//
//	a (a b ATTACK) SAY = a b 015
//
// "a SAYs that a ATTACKs b" becomes the event a→b 015.
func parseTransform(s string) (*dict.Transform, string) {
	lhs, rhs, ok := strings.Cut(s, "=")
	if !ok {
		return nil, "transformation without '=': ~" + s
	}
	open, close := strings.IndexByte(lhs, '('), strings.IndexByte(lhs, ')')
	if open < 0 || close < open {
		return nil, "transformation without (inner clause): ~" + s
	}
	outer := strings.Fields(lhs[:open])
	inner := strings.Fields(lhs[open+1 : close])
	verb := strings.Fields(lhs[close+1:])
	out := strings.Fields(rhs)
	if len(outer) != 1 || len(inner) != 3 || len(verb) != 1 || len(out) != 3 {
		return nil, "malformed transformation: ~" + s
	}
	return &dict.Transform{
		Outer: outer[0], Verb: strings.ToUpper(verb[0]),
		InnerSource: inner[0], InnerTarget: inner[1], InnerVerb: strings.ToUpper(inner[2]),
		Source: out[0], Target: out[1], Code: out[2],
	}, ""
}
