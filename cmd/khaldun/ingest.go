package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/boiler"
	"github.com/khaldun/khaldun/lexicon"
	"github.com/khaldun/khaldun/norm"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/source"
)

// A transaction per article would make SQLite's fsync the bottleneck; one
// per batch keeps it off the profile while an interrupt loses at most a
// second of coding, which the rerun redoes.
const (
	batchSize  = 100
	batchEvery = time.Second
)

func ingestCmd() *cobra.Command {
	var (
		src     source.Options
		dbPath  string
		workers int
		dicts   dictFlags
		every   time.Duration
	)
	cmd := &cobra.Command{
		Use:   "ingest SOURCE...",
		Short: "Code articles and store them, with their events, in a database",
		Long: `Ingest reads articles like code does, codes them on all cores and stores each
article with everything found in it in an SQLite database (--db, $KHALDUN_DB, or
./khaldun.db). Events reported by several articles are merged into one event
with its mentions, and near-duplicate articles (wire copies, reprints) are
linked and not counted as independent sources.

Ingest is idempotent: an article already stored (same text) is skipped, so a
run that was interrupted — Ctrl-C, a crash, kill -9 — is resumed by running the
same command again. Ctrl-C stores what was coded before stopping. The exit
status is 1 when any input failed.

Ingest trades memory for speed: it runs the Go collector at GOGC=400 with a
2 GiB soft limit unless GOGC or GOMEMLIMIT are set (about 850 MB peak on the
AllSides corpus; GOGC=100 halves that and costs about a tenth of the speed).`,
		Example: `  khaldun ingest ../shared/corpora/allsides/ --db news.db`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dbPath = dbOrDefault(dbPath)
			if src.Date != "" {
				if _, err := time.Parse(time.DateOnly, src.Date); err != nil {
					return fmt.Errorf("--date %q: want YYYY-MM-DD", src.Date)
				}
			}
			src.Stdin = os.Stdin
			return ingest(cmd.Context(), ingestJob{
				paths: args, src: src, db: dbPath, workers: workers, dicts: &dicts,
				stderr:   os.Stderr,
				terminal: term.IsTerminal(int(os.Stderr.Fd())),
				every:    every,
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dbPath, "db", "", dbHelp)
	fl.StringVar(&src.Title, "title", "", "title of a plain-text article")
	fl.StringVar(&src.Date, "date", "", "publication date of a plain-text article, YYYY-MM-DD")
	fl.StringVar(&src.URL, "url", "", "URL of a plain-text article")
	fl.StringVar(&src.Source, "source", "", "outlet of a plain-text article")
	fl.Int64Var(&src.MaxBytes, "max-bytes", 32<<20, "largest article or JSON line accepted, in bytes")
	fl.IntVar(&workers, "workers", 0, "articles coded in parallel (0: one per core)")
	fl.DurationVar(&every, "progress-every", 10*time.Second, "interval of progress lines when standard error is not a terminal")
	dicts.register(fl)
	return cmd
}

type ingestJob struct {
	paths    []string
	src      source.Options
	db       string
	workers  int
	dicts    *dictFlags
	stderr   io.Writer
	terminal bool
	every    time.Duration
}

// ingestTotals is what a run did, for the closing line.
type ingestTotals struct {
	read, skipped, failed int
	saved                 khaldun.SaveStats
	// notAnalysed counts stored articles the pipeline did not analyse, by
	// reason ("language de"): they are kept, so a rerun does not redo them.
	notAnalysed map[string]int
}

func ingest(ctx context.Context, job ingestJob) error {
	start := time.Now()
	throughputGC()
	p, err := job.dicts.pipeline(true, false)
	if err != nil {
		return err
	}
	dictVersion, err := dictionaryVersion(job.dicts)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, job.db)
	if err != nil {
		return err
	}
	defer store.Close()

	prog := newProgress(job.stderr, job.terminal, job.every)
	// The total is only for the ETA; it is estimated from the inputs'
	// sizes as they are read rather than counted in a second pass.
	sizes := newSizeEstimate(job.paths)
	var lastTotal int64

	// Coding stops when the writer fails; an interrupt stops reading but
	// lets the writer store what was coded.
	runCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	w := newBatchWriter(context.WithoutCancel(ctx), store, func(err error) { cancel(err) })

	// An article already stored is skipped by the worker right after
	// normalisation, which is what makes a rerun fast without normalising
	// each input twice. A failed look-up codes the article, and Save skips
	// it if it was stored after all.
	known := func(id string) bool {
		ok, err := store.HasArticle(runCtx, id)
		return err == nil && ok
	}
	var tot ingestTotals
	runErr := p.RunUnless(runCtx, source.Read(runCtx, job.paths, job.src), job.workers, known, func(r pipeline.Result) error {
		if sizes != nil {
			// A changing estimate is passed on at most every 1%, so the
			// bar is not redrawn for nothing.
			if n := sizes.see(r.Input, r.Err); n > 0 && (n > lastTotal+lastTotal/100 || n < lastTotal-lastTotal/100) {
				lastTotal = n
				prog.setTotal(n)
			}
		}
		if errors.Is(r.Err, pipeline.ErrKnown) {
			tot.skipped++
			prog.add(1, 0)
			return nil
		}
		tot.read++
		if r.Err != nil {
			if runCtx.Err() != nil && errors.Is(r.Err, runCtx.Err()) {
				return nil // cut short by the interrupt, not a bad input
			}
			tot.failed++
			prog.clear()
			fmt.Fprintf(job.stderr, "khaldun: %s\n", describe(r))
			prog.add(1, 0)
			return nil
		}
		if why := r.Doc.Article.Skipped; why != "" {
			if tot.notAnalysed == nil {
				tot.notAnalysed = map[string]int{}
			}
			tot.notAnalysed[why]++
		}
		w.add(khaldun.Scored(r.Doc, dictVersion, version))
		prog.add(1, len(r.Doc.Events))
		return nil
	})
	saved, werr := w.close()
	prog.finish()
	tot.saved = saved
	if werr != nil {
		return fmt.Errorf("store %s: %w", shownDB(job.db), werr)
	}
	st, err := store.Stats(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(job.stderr, "khaldun: ingest: %d new articles (%d already stored, %d failed), %d mentions, %d new events, %d near-duplicate links in %s (%.0f articles/s); %s holds %d articles, %d events\n",
		saved.Articles, tot.skipped+saved.Skipped, tot.failed, saved.Mentions, saved.NewEvents, saved.Duplicates,
		elapsed.Round(time.Millisecond), float64(tot.read+tot.skipped)/elapsed.Seconds(), shownDB(job.db), st.Articles, st.Events)
	if len(tot.notAnalysed) > 0 {
		fmt.Fprintf(job.stderr, "khaldun: ingest: stored but not analysed: %s\n", countsText(tot.notAnalysed))
	}
	if runErr != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted; what was coded is stored, run the same command again to continue")
		}
		return runErr
	}
	if tot.failed > 0 {
		fmt.Fprintf(job.stderr, "khaldun: %d input(s) failed\n", tot.failed)
		return errSomeFailed
	}
	return nil
}

// articleID is the ID pipeline.Process gives an input, "" when it has no
// text. Only the cheap normalisation and boilerplate stages run; watch
// uses it to skip pages already stored.
func articleID(in khaldun.Input) string {
	body, _ := boiler.Strip(norm.Normalize(in.Body).Text)
	if strings.TrimSpace(body) == "" {
		return ""
	}
	return pipeline.ID(body)
}

// dictionaryVersion names the dictionaries for the store: the embedded
// lexicon's version and a hash of each PETRARCH file, so that articles
// coded with other dictionaries can be found and recoded.
func dictionaryVersion(f *dictFlags) (string, error) {
	var parts []string
	if !f.petrarch() || f.opt.Extend {
		parts = append(parts, "lexicon:"+lexicon.Version)
	}
	p := f.opt.Petrarch
	for _, path := range slices.Concat(p.Actors, p.Agents, p.Verbs, p.Discards) {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("dictionary: %w", err)
		}
		sum := sha256.Sum256(b)
		parts = append(parts, "petrarch:"+hex.EncodeToString(sum[:6]))
	}
	return strings.Join(parts, "+"), nil
}

// countsText writes counts by reason in a stable order: "language de 3,
// language fr 1".
func countsText(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
