package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun/extract"
	"github.com/khaldun/khaldun/pipeline"
)

func extractCmd() *cobra.Command {
	var (
		opt      extract.Options
		pretty   bool
		maxBytes int64
	)
	cmd := &cobra.Command{
		Use:   "extract PAGE...",
		Short: "Extract the article from web pages, one JSON object per page",
		Long: `Extract reads HTML pages (gzip'd or not; "-" for standard input) and writes
for each the article khaldun would analyse: the "article" object of the
output contract (docs/output.md) with its text — main text without
navigation, comments and boilerplate, one paragraph per block — and the
title, publication date, site, language and canonical URL found in the page.
A page without article text is reported on standard error and the run goes
on; the exit status is 1 when any page failed.`,
		Example: `  khaldun extract page.html --pretty
  curl -s https://example.org/news/1 | khaldun extract - --url https://example.org/news/1`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := bufio.NewWriter(os.Stdout)
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if pretty {
				enc.SetIndent("", "  ")
			}
			failed := 0
			for _, name := range args {
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				page, err := readHTMLPage(name, maxBytes)
				var p *extract.Page
				if err == nil {
					opt.MaxBytes = maxBytes
					p, err = extract.Extract(page, opt)
				}
				if err != nil {
					failed++
					fmt.Fprintf(os.Stderr, "khaldun: %s: %v\n", name, err)
					continue
				}
				a := p.Article
				a.ID = pipeline.ID(a.Text)
				if err := enc.Encode(a); err != nil {
					return err
				}
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if failed > 0 {
				fmt.Fprintf(os.Stderr, "khaldun: %d page(s) failed\n", failed)
				return errSomeFailed
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opt.URL, "url", "", "URL the page was fetched from (the page's canonical URL wins)")
	fl.StringVar(&opt.ContentType, "content-type", "", "HTTP Content-Type of the page, for its charset")
	fl.BoolVar(&opt.Fast, "fast", false, "skip the fallback extractors and the multilingual date parser")
	fl.BoolVar(&pretty, "pretty", false, "indented JSON")
	fl.Int64Var(&maxBytes, "max-bytes", extract.DefaultMaxBytes, "largest page accepted, in bytes (pages with too much text or too many elements are refused too)")
	fl.DurationVar(&opt.Timeout, "timeout", 0, "time allowed for extracting one page (0: no limit)")
	return cmd
}

// readHTMLPage reads a page of at most max bytes after decompression.
func readHTMLPage(name string, max int64) ([]byte, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		r = zr
	} else {
		r = br
	}
	page, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(page)) > max {
		return nil, fmt.Errorf("over the limit of %d bytes: skipped", max)
	}
	return page, nil
}
