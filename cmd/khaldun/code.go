package main

import (
	"bufio"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/render"
	"github.com/khaldun/khaldun/source"
)

func codeCmd() *cobra.Command {
	var (
		src      source.Options
		format   string
		pretty   bool
		withText bool
		workers  int
		dicts    dictFlags
	)
	cmd := &cobra.Command{
		Use:   "code [FILE|DIR|-]...",
		Short: "Code articles into events, one JSON object per article",
		Long: `Code reads articles — plain text, JSON Lines (id, url, title, date|published,
source, text), gzip'd or not, or directories of them — and writes one JSON
object per article on standard output (docs/output.md). A bad article is
reported on standard error with its file and line and the run goes on; the
exit status is 1 when any article failed.`,
		Example: `  khaldun code examples/article.txt --date 2024-05-02 --format table
  khaldun code ../shared/corpora/allsides/allsides-00.jsonl.gz > events.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if src.Date != "" {
				if _, err := time.Parse(time.DateOnly, src.Date); err != nil {
					return fmt.Errorf("--date %q: want YYYY-MM-DD", src.Date)
				}
			}
			if pretty {
				format = string(render.Pretty)
			}
			f, err := render.ParseFormat(format)
			if err != nil {
				return err
			}
			p, err := dicts.pipeline(withText, false)
			if err != nil {
				return err
			}
			// Archives say what they skipped (request records, images, ...)
			// once they are read.
			ctx := source.WithSummary(cmd.Context(), func(s source.Summary) {
				fmt.Fprintln(os.Stderr, "khaldun: "+s.String())
			})
			src.Stdin = os.Stdin
			out := bufio.NewWriterSize(os.Stdout, 1<<16)
			w := render.NewWriter(out, f)
			failed := 0
			err = p.Run(ctx, source.Read(ctx, args, src), workers, func(r pipeline.Result) error {
				if r.Err != nil {
					failed++
					fmt.Fprintf(os.Stderr, "khaldun: %s\n", describe(r))
					return nil
				}
				return w.Write(r.Doc)
			})
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			if failed > 0 {
				fmt.Fprintf(os.Stderr, "khaldun: %d input(s) failed\n", failed)
				return errSomeFailed
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&src.Title, "title", "", "title of a plain-text article")
	fl.StringVar(&src.Date, "date", "", "publication date of a plain-text article, YYYY-MM-DD")
	fl.StringVar(&src.URL, "url", "", "URL of a plain-text article")
	fl.StringVar(&src.Source, "source", "", "outlet of a plain-text article")
	fl.Int64Var(&src.MaxBytes, "max-bytes", 32<<20, "largest article or JSON line accepted, in bytes")
	fl.StringVar(&format, "format", "jsonl", "output format: jsonl, pretty or table")
	fl.BoolVar(&pretty, "pretty", false, "indented JSON (same as --format pretty)")
	fl.BoolVar(&withText, "with-text", false, "include the analysed body and sentence texts")
	fl.IntVar(&workers, "workers", 0, "articles coded in parallel (0: one per core)")
	dicts.register(fl)
	return cmd
}

// describe names the failed input for a person reading standard error. Read
// errors from the source already carry their position.
func describe(r pipeline.Result) string {
	if _, ok := r.Err.(*source.Error); ok || r.Input.Origin.File == "" {
		return r.Err.Error()
	}
	return fmt.Sprintf("%s: %v", r.Input.Origin, r.Err)
}
