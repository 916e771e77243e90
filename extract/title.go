package extract

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// title picks the headline. The page's one <h1> is the headline readers
// see, and news sites word their <title> and og:title for search engines
// and social media instead; so the <h1> wins when it is the only one and
// shares most words with the metadata title both ways (a lone <h1> holding
// the site's logo or a section name does not). An <h1> that holds the
// whole metadata title and more has picked up a kicker or subtitle, and
// loses. The metadata title is used without the site name that pages
// append or prepend to it.
func title(doc *html.Node, meta, site, host string) string {
	cands := siteNames(site, host)
	m := stripSite(clean(meta), cands)
	h := loneH1(doc)
	switch {
	case h == "" || namesSite(h, cands):
		return m
	case m == "":
		return h
	case strings.Contains(strings.ToLower(h), strings.ToLower(m)):
		return m
	case overlap(h, m) >= 0.5 && overlap(m, h) >= 0.5:
		return h
	}
	return m
}

// loneH1 returns the text of the document's only <h1>, "" when it has
// none, several, or one of implausible length for a headline.
func loneH1(doc *html.Node) string {
	var found []*html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if len(found) > 1 || depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode && tag(n) == atom.H1 {
			found = append(found, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if len(found) != 1 {
		return ""
	}
	t := clean(strings.Join(Paragraphs(found[0]), " "))
	if len(t) < 8 || len(t) > 300 {
		return ""
	}
	return t
}

// overlap is the share of a's words that are also in b, case folded.
func overlap(a, b string) float64 {
	in := map[string]bool{}
	for _, w := range words(b) {
		in[w] = true
	}
	aw := words(a)
	if len(aw) == 0 {
		return 0
	}
	n := 0
	for _, w := range aw {
		if in[w] {
			n++
		}
	}
	return float64(n) / float64(len(aw))
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// titleSep splits "Headline | Site", "Site - Headline" and "Site: Headline":
// a dash or bar needs space on both sides, so hyphenated words are not
// split.
var titleSep = regexp.MustCompile(`\s+(?:[|\-–—·•»«]|::)\s+|\s*:\s+`)

// stripSite drops the site's name from the end of t (everything from the
// first separator followed by it) or from its start; a title that is
// nothing but the site name has no separator and is kept.
func stripSite(t string, cands []string) string {
	seps := titleSep.FindAllStringIndex(t, -1)
	if len(cands) == 0 || len(seps) == 0 {
		return t
	}
	// Trailing: "Headline - Site" or "Headline - Site | Region".
	for i, sep := range seps {
		end := len(t)
		if i+1 < len(seps) {
			end = seps[i+1][0]
		}
		if namesSite(t[sep[1]:end], cands) {
			return strings.TrimSpace(t[:sep[0]])
		}
	}
	// Leading: "Site | Headline".
	if first := seps[0]; namesSite(t[:first[0]], cands) {
		return strings.TrimSpace(t[first[1]:])
	}
	return t
}

// siteNames are the site's name and the distinctive part of its host
// ("japantimes" for www.japantimes.co.jp), letters and digits only.
func siteNames(site, host string) []string {
	var out []string
	if s := squash(site); len(s) >= 2 {
		out = append(out, s)
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	labels := strings.Split(host, ".")
	// Drop the public suffix roughly: the last label, and a second-level
	// label such as co, com or org before a country code.
	if len(labels) >= 2 {
		labels = labels[:len(labels)-1]
		if n := len(labels); n >= 2 && len(labels[n-1]) <= 3 && len(labels[n-2]) > 3 {
			labels = labels[:n-1]
		}
		if h := squash(labels[len(labels)-1]); len(h) >= 3 {
			out = append(out, h)
		}
	}
	return out
}

// namesSite reports whether part of a title is the site's name: equal to
// a candidate, a short part starting with one ("WSVN 7News" for
// wsvn.com), or a long enough part contained in one. A part that merely
// contains the name ("the ledger of a lost year") is the headline going on.
func namesSite(part string, cands []string) bool {
	p := squash(part)
	if p == "" {
		return false
	}
	for _, c := range cands {
		switch {
		case p == c,
			len(c) >= 4 && len(words(part)) <= 3 && strings.HasPrefix(strings.TrimPrefix(p, "the"), c),
			len(p) >= 6 && strings.Contains(c, p):
			return true
		}
	}
	return false
}

func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
