package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/khaldun/khaldun/extract"
	"github.com/khaldun/khaldun/norm"
)

// The extract suite scores main-text and metadata extraction from web
// pages on trafilatura's English evaluation set: a directory holding
// evaldata-en.json (page URL → {"file", "with", "without", "title",
// "date", …}) and html/FILE (gzip'd or not). "with" are snippets the
// article text must contain, "without" boilerplate it must not.
//
// It measures extraction, not coding, so it calls package extract on the
// raw page — as source does for an .html input — and leaves the Coder
// unused: going through the Coder would add the coding time and hide the
// extracted text behind the analysed body, which is the same string.
//
// Metrics: include_rate (share of "with" snippets found), exclude_rate
// (share of "without" snippets absent), title_acc and date_acc (exact
// title after folding white space, case and quote style; exact day) over the pages whose gold
// has one.
func init() { register("extract", runExtract) }

type extractGold struct {
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	Title   string   `json:"title"`
	Date    string   `json:"date"`
}

type extractItem struct {
	url  string
	gold extractGold
}

func readExtractGold(dir string) ([]extractItem, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "evaldata-en.json"))
	if err != nil {
		return nil, err
	}
	var m map[string]extractGold
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("evaldata-en.json: %w", err)
	}
	items := make([]extractItem, 0, len(m))
	for u, g := range m {
		items = append(items, extractItem{url: u, gold: g})
	}
	// The JSON object has no order; sorting keeps --limit reproducible.
	sort.Slice(items, func(i, j int) bool { return items[i].gold.File < items[j].gold.File })
	return items, nil
}

// readPage reads a page, gunzipping it when its name says so.
func readPage(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return raw, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

type extracted struct {
	page *extract.Page
	err  error
}

func runExtract(ctx context.Context, opt Options, _ Coder) (*Report, error) {
	items, err := readExtractGold(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval extract: %w", err)
	}
	items = limit(items, opt)
	pages := make([][]byte, len(items))
	rep := newReport("extract", opt)
	for i, it := range items {
		if pages[i], err = readPage(filepath.Join(opt.Gold, "html", it.gold.File)); err != nil {
			rep.ReadErrors = append(rep.ReadErrors, fmt.Sprintf("%s: %v", it.gold.File, err))
		}
	}
	start := time.Now()
	out := extractAll(ctx, opt, items, pages)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("eval extract: %w", err)
	}
	elapsed := time.Since(start)
	scoreExtract(rep, items, pages, out)
	rep.Notes = append(rep.Notes,
		"snippets are matched after white-space folding and NFC, case-sensitively, in the text after boiler",
		"a page that fails counts all its \"with\" snippets missed and its \"without\" snippets excluded",
		fmt.Sprintf("%.0f pages/s over %d workers", float64(len(items))/elapsed.Seconds(), workers(opt)))
	return rep, nil
}

func workers(opt Options) int {
	if opt.Workers > 0 {
		return opt.Workers
	}
	return runtime.NumCPU()
}

func extractAll(ctx context.Context, opt Options, items []extractItem, pages [][]byte) []extracted {
	out := make([]extracted, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers(opt), max(len(items), 1)) {
		wg.Go(func() {
			for i := range next {
				if pages[i] == nil {
					continue
				}
				p, err := extract.Extract(pages[i], extract.Options{URL: items[i].url})
				out[i] = extracted{page: p, err: err}
			}
		})
	}
feed:
	for i := range items {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return out
}

func scoreExtract(rep *Report, items []extractItem, pages [][]byte, out []extracted) {
	var with, found, without, excluded, titles, titleOK, dates, dateOK int
	for i, it := range items {
		if pages[i] == nil {
			continue
		}
		rep.N++
		g, r := it.gold, out[i]
		var text, title, date string
		if r.err != nil {
			rep.CoderErrors = append(rep.CoderErrors, fmt.Sprintf("%s: %v", g.File, r.err))
		} else {
			text, title, date = fold(r.page.Article.Text), r.page.Article.Title, r.page.Article.Published
		}
		for _, s := range g.With {
			with++
			if strings.Contains(text, fold(s)) {
				found++
			}
		}
		for _, s := range g.Without {
			without++
			if !strings.Contains(text, fold(s)) {
				excluded++
			}
		}
		if g.Title != "" {
			titles++
			if foldTitle(title) == foldTitle(g.Title) {
				titleOK++
			}
		}
		if g.Date != "" {
			dates++
			if date == g.Date {
				dateOK++
			}
		}
	}
	rep.Metrics["include_rate"] = ratio(found, with)
	rep.Metrics["exclude_rate"] = ratio(excluded, without)
	rep.Metrics["title_acc"] = ratio(titleOK, titles)
	rep.Metrics["date_acc"] = ratio(dateOK, dates)
	rep.Counts["with_snippets"], rep.Counts["with_found"] = with, found
	rep.Counts["without_snippets"], rep.Counts["without_excluded"] = without, excluded
	rep.Counts["titles"], rep.Counts["titles_exact"] = titles, titleOK
	rep.Counts["dates"], rep.Counts["dates_exact"] = dates, dateOK
	rep.Counts["pages_failed"] = len(rep.CoderErrors)
}

// foldTitle also folds case and quote style: a headline set in capitals
// by the page's style sheet, or typed with straight quotes in the
// metadata, is the same headline.
func foldTitle(s string) string {
	return strings.ToLower(quotes.Replace(fold(s)))
}

var quotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)

// fold normalises white space and Unicode form so that a snippet matches
// across line breaks and composed or decomposed accents.
func fold(s string) string {
	return strings.Join(strings.Fields(norm.Normalize([]byte(s)).Text), " ")
}
