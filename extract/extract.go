// Package extract turns a web page into an article: its main text, one
// paragraph per block, and its metadata (title, publication date, author,
// site, language, canonical URL).
//
// The main-text and metadata extraction is go-trafilatura's; this package
// decodes the page from its charset first (the extractor's own detection
// is statistical and misreads short Latin-1 pages), rebuilds paragraphs
// from the extracted node tree (the extractor's plain text joins them with
// spaces), runs khaldun's norm and boiler on the result as the pipeline
// does for plain text, and turns any panic of the third-party code into an
// error, since a page is input and input must never crash a batch.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/boiler"
	"github.com/khaldun/khaldun/lang"
	"github.com/khaldun/khaldun/norm"
)

// Options describe what is known about a page besides its bytes.
type Options struct {
	// URL is where the page was fetched from, "" when unknown. It resolves
	// relative canonical links and is the article's URL when the page
	// names no canonical one.
	URL string
	// ContentType is the HTTP Content-Type header, "" when unknown; its
	// charset wins over the page's own declaration, as in browsers.
	ContentType string
	// Fast skips the fallback extractors (Readability, DOM Distiller) that
	// trafilatura compares its own result with; about twice as fast, and
	// a little worse on pages its heuristics do not fit.
	Fast bool
	// MaxBytes bounds the page; a larger one, or one whose parsed tree
	// holds too much text or too many elements for the extractor to finish
	// quickly, is refused with an error wrapping ErrTooLarge. 0 means
	// DefaultMaxBytes, < 0 no limit of any kind.
	MaxBytes int64
	// Timeout bounds one extraction (0: none); see withTimeout for what
	// happens to the work it abandons.
	Timeout time.Duration
}

// Page is an extracted page.
type Page struct {
	// Article is the article as the pipeline reports it: URL, Title,
	// Source (the site name), Published, Language, and Text, Dropped and
	// Stats.InvalidUTF8 as norm and boiler leave them.
	Article khaldun.Article
	// Raw is the extracted text before norm and boiler, paragraphs
	// separated by blank lines: the body to hand the pipeline, which
	// cleans it again and reports the dropped lines itself.
	Raw string
	// Fields the output contract does not carry (yet).
	Author       string
	Site         string // the site name, or its host when the page names none
	CanonicalURL string // as the page declares it, "" when it does not
	PageLanguage string // the page's declared language (<html lang>, meta)
	Charset      string // the encoding the page was read in
}

// ErrNoText is the error for a page without article text.
var ErrNoText = errors.New("no article text found in the page")

// Extract reads one page. The error for a page without text wraps
// ErrNoText, for a page over the limits ErrTooLarge, for one that took
// too long ErrTimeout; callers name the file.
func Extract(page []byte, opt Options) (*Page, error) {
	if err := checkSize(page, opt); err != nil {
		return nil, err
	}
	return withTimeout(opt.Timeout, func() (p *Page, err error) {
		// With a timeout this runs on its own goroutine, where a panic
		// would end the process; run recovers the extractor's, this the
		// rest's.
		defer func() {
			if r := recover(); r != nil {
				p, err = nil, fmt.Errorf("extraction failed: %v", r)
			}
		}()
		return extractPage(page, opt)
	})
}

func extractPage(page []byte, opt Options) (*Page, error) {
	body, cs := Decode(page, opt.ContentType)
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	if err := checkTree(doc, opt); err != nil {
		return nil, err
	}
	res, err := run(doc, opt)
	if err != nil {
		return nil, err
	}
	paras := Paragraphs(res.ContentNode)
	if len(paras) == 0 {
		return nil, ErrNoText
	}
	raw := strings.Join(paras, "\n\n") + "\n"
	n := norm.Normalize([]byte(raw))
	text, dropped := boiler.Strip(n.Text)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%w (only boilerplate)", ErrNoText)
	}
	if dropped == nil {
		dropped = []khaldun.Dropped{}
	}
	md := res.Metadata
	p := &Page{
		Raw:          raw,
		Author:       clean(md.Author),
		Site:         clean(md.Sitename),
		CanonicalURL: md.URL,
		PageLanguage: md.Language,
		Charset:      cs,
	}
	if p.Site == "" {
		p.Site = md.Hostname
	}
	a := &p.Article
	a.URL = opt.URL
	if p.CanonicalURL != "" {
		a.URL = p.CanonicalURL
	}
	a.Title = title(doc, md.Title, md.Sitename, hostOf(md.Hostname, opt.URL))
	a.Source = p.Site
	if !md.Date.IsZero() {
		a.Published = md.Date.Format(time.DateOnly)
	}
	a.Text, a.Dropped = text, dropped
	a.Stats.InvalidUTF8 = n.Invalid
	a.Language = language(text, md.Language)
	return p, nil
}

// run calls the extractor, turning its panics into errors.
func run(doc *html.Node, opt Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extractor failed: %v", r)
		}
	}()
	topt := trafilatura.Options{
		EnableFallback:  !opt.Fast,
		ExcludeComments: true,
		// Precision, because a kept "related stories" headline is coded
		// as an event that never happened; on trafilatura's English set
		// it trades 2 points of include rate for 3 of exclude rate.
		Focus: trafilatura.FavorPrecision,
		// Fast leaves out the multilingual date parser, which is slow in
		// Go; Extensive finds dates written out in prose.
		HtmlDateMode: trafilatura.Extensive,
	}
	if opt.Fast {
		topt.HtmlDateMode = trafilatura.Fast
	}
	if u, perr := url.Parse(opt.URL); opt.URL != "" && perr == nil && u.IsAbs() {
		topt.OriginalURL = u
	}
	res, err = trafilatura.ExtractDocument(doc, topt)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	if res == nil || res.ContentNode == nil {
		return nil, ErrNoText
	}
	return res, nil
}

// language is the detected language of the text, or the page's declared
// one when detection is unsure (a page of a few words).
func language(text, declared string) string {
	code, conf := lang.Detect(text)
	if code != "" && conf >= lang.Sure {
		return code
	}
	if d := declaredCode(declared); d != "" {
		return d
	}
	return code
}

// declaredCode reduces a declared language tag ("en-US", "EN") to its
// ISO 639-1 part.
func declaredCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 {
		return ""
	}
	return tag
}

// hostOf is the page's host: from its canonical URL as the extractor
// found it, else from the URL it was fetched from.
func hostOf(host, pageURL string) string {
	if host != "" {
		return host
	}
	if u, err := url.Parse(pageURL); err == nil {
		return u.Hostname()
	}
	return ""
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
