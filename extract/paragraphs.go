package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blocks are the elements that end a paragraph. The extractor's own text
// output runs all of them together with single spaces, which would leave
// khaldun's segmenter one paragraph per page.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Main: true, atom.Hr: true, atom.Body: true, atom.Html: true,
}

// skipped hold no reading text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Select: true, atom.Button: true,
}

// Paragraphs returns the text of n one paragraph per block element, with
// white space inside a paragraph collapsed. A single <br> is kept as a line
// break, so that a byline or badge set off by one stays its own line for
// boiler; two or more in a row end the paragraph, as pages laid out with
// <br><br> instead of <p> mean.
func Paragraphs(n *html.Node) []string {
	w := &walker{}
	w.walk(n, 0)
	w.flush()
	return w.out
}

// maxDepth bounds recursion on pathological nesting; html.Parse already
// caps the tree at 512 levels, this guards trees built by other means.
const maxDepth = 1024

type walker struct {
	out   []string
	lines []string        // finished lines of the current paragraph
	cur   strings.Builder // the line being built
	space bool            // white space is pending before the next word
	brs   int             // <br> elements since the last text
}

func (w *walker) walk(n *html.Node, depth int) {
	if n == nil || depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch {
		case skipped[tag(n)]:
			return
		case tag(n) == atom.Br:
			w.br()
			return
		case blocks[tag(n)]:
			w.flush()
			defer w.flush()
		case tag(n) == atom.Td || tag(n) == atom.Th:
			w.space = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
}

// tag is n's element type. Nodes the extractor creates carry only their
// name, not its atom.
func tag(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func (w *walker) text(s string) {
	r, _ := utf8.DecodeRuneInString(s)
	w.space = w.space || unicode.IsSpace(r)
	for f := range strings.FieldsSeq(s) {
		if w.space && w.cur.Len() > 0 {
			w.cur.WriteByte(' ')
		}
		w.cur.WriteString(f)
		w.space, w.brs = true, 0
	}
	r, _ = utf8.DecodeLastRuneInString(s)
	w.space = unicode.IsSpace(r) || (w.space && strings.TrimSpace(s) == "")
}

func (w *walker) br() {
	w.brs++
	if w.brs >= 2 {
		w.flush()
		return
	}
	w.endLine()
}

func (w *walker) endLine() {
	if w.cur.Len() > 0 {
		w.lines = append(w.lines, w.cur.String())
		w.cur.Reset()
	}
	w.space = false
}

func (w *walker) flush() {
	w.endLine()
	if len(w.lines) > 0 {
		p := strings.Join(w.lines, "\n")
		// The extractor sometimes repeats a paragraph it reached by two
		// paths (a <br><br> block and its fallback's copy); an article
		// never means a paragraph twice in a row.
		if n := len(w.out); n == 0 || w.out[n-1] != p {
			w.out = append(w.out, p)
		}
		w.lines = w.lines[:0]
	}
	w.brs = 0
}
