package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/extract"
	"github.com/khaldun/khaldun/feed"
	"github.com/khaldun/khaldun/pipeline"
)

func watchCmd() *cobra.Command {
	job := watchJob{}
	cmd := &cobra.Command{
		Use:   "watch FEEDLIST",
		Short: "Poll news feeds, code the articles they list and store them",
		Long: `Watch reads FEEDLIST, a text file of feed URLs (RSS, Atom or JSON Feed; one per
line, # starts a comment), and polls every feed each --interval: the page of
each new item is fetched, its article extracted, coded and stored as ingest
stores it (--db, $KHALDUN_DB, or ./khaldun.db).

Watch is a polite crawler: conditional requests (ETag, Last-Modified), at most
--rate requests per second and --per-host requests at once to any host,
robots.txt obeyed (User-Agent khaldun/VERSION), retries with backoff on server
errors and timeouts only. A page that gave an answer is never fetched again,
across runs; one that failed with a server error or a timeout is tried again
at the next poll.

SIGINT or SIGTERM stops fetching; pages already fetched are coded and stored
before watch exits. Logs are JSON lines on standard error unless it is a
terminal.`,
		Example: `  khaldun watch feeds.txt --db news.db --interval 10m
  khaldun watch feeds.txt --once`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			job.list = args[0]
			job.db = dbOrDefault(job.db)
			if job.interval < time.Second {
				return fmt.Errorf("--interval %s: want at least 1s", job.interval)
			}
			job.client.UserAgent = "khaldun/" + version + " (+https://github.com/khaldun/khaldun)"
			job.log = newLogger(os.Stderr, term.IsTerminal(int(os.Stderr.Fd())))
			return watch(cmd.Context(), job)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&job.db, "db", "", dbHelp)
	fl.DurationVar(&job.interval, "interval", 15*time.Minute, "time between the starts of two polls")
	fl.BoolVar(&job.once, "once", false, "poll every feed once and exit")
	fl.Float64Var(&job.client.Rate, "rate", 1, "requests per second to one host")
	fl.IntVar(&job.client.PerHost, "per-host", 2, "requests in flight to one host")
	fl.DurationVar(&job.client.Timeout, "timeout", 30*time.Second, "time allowed for one request, body included")
	fl.IntVar(&job.client.Retries, "retries", 3, "retries after a server error or a timeout (-1: none)")
	fl.DurationVar(&job.client.Backoff, "backoff", time.Second, "wait before the first retry, doubled for each next one")
	fl.BoolVar(&job.fast, "fast", false, "extract pages with trafilatura alone, without its fallback extractors")
	fl.Int64Var(&job.maxPage, "max-page-bytes", extract.DefaultMaxBytes, "largest page extracted, in bytes; larger pages fail and are not fetched again")
	fl.DurationVar(&job.extractTimeout, "extract-timeout", time.Minute, "time allowed for extracting one page (0: no limit)")
	fl.IntVar(&job.workers, "workers", 0, "articles coded in parallel (0: one per core)")
	job.dicts.register(fl)
	return cmd
}

type watchJob struct {
	list, db string
	interval time.Duration
	once     bool
	fast     bool
	workers  int
	client   feed.Options
	dicts    dictFlags
	log      *slog.Logger

	// maxPage and extractTimeout bound one page's extraction, whose cost
	// grows faster than the page.
	maxPage        int64
	extractTimeout time.Duration
}

// newLogger logs JSON for log collectors, text for a person.
func newLogger(w io.Writer, terminal bool) *slog.Logger {
	if terminal {
		return slog.New(slog.NewTextHandler(w, nil))
	}
	return slog.New(slog.NewJSONHandler(w, nil))
}

// readFeedList reads one feed URL a line; blank lines and # comments are
// skipped, duplicates dropped. A line that is no http(s) URL is an error:
// the list is configuration, better fixed than half-used.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var feeds []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%s:%d: %q is not an http(s) URL", path, n, line)
		}
		if !seen[line] {
			seen[line] = true
			feeds = append(feeds, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(feeds) == 0 {
		return nil, fmt.Errorf("%s: no feed URLs", path)
	}
	return feeds, nil
}

// watch runs polls until ctx is done (or once), feeding one pipeline.Run
// and one batch writer for the whole run. Fetching stops with ctx; coding
// and storing run on a context that survives it, so that a page fetched
// before the signal is stored before exit.
func watch(ctx context.Context, job watchJob) error {
	log := job.log
	feeds, err := readFeedList(job.list)
	if err != nil {
		return err
	}
	p, err := job.dicts.pipeline(true, false)
	if err != nil {
		return err
	}
	dictVersion, err := dictionaryVersion(&job.dicts)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, job.db)
	if err != nil {
		return err
	}
	defer store.Close()

	poller := &feed.Poller{Client: feed.NewClient(job.client), State: store, Log: log, Fast: job.fast,
		MaxPageBytes: job.maxPage, ExtractTimeout: job.extractTimeout}
	keep := context.WithoutCancel(ctx)
	codeCtx, stopCoding := context.WithCancelCause(keep)
	defer stopCoding(nil)
	pollCtx, stopPolling := context.WithCancel(ctx)
	defer stopPolling()

	t := newWatchTracker(poller, keep)
	w := newHookedWriter(keep, store, func(err error) { stopCoding(err) }, func(batch []*khaldun.Coded, st khaldun.SaveStats) {
		for _, c := range batch {
			t.stored(c.Doc)
		}
		log.Info("articles stored", "articles", st.Articles, "already_stored", st.Skipped,
			"mentions", st.Mentions, "new_events", st.NewEvents, "duplicates", st.Duplicates)
	})

	pages := make(chan *feed.Page, 64)
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		defer close(pages)
		pollLoop(pollCtx, job, feeds, poller, log, func(pg *feed.Page) { pages <- pg })
	}()

	log.Info("watch started", "feeds", len(feeds), "db", shownDB(job.db), "interval", job.interval.String(), "once", job.once)
	runErr := p.Run(codeCtx, t.inputs(store, pages), job.workers, func(r pipeline.Result) error {
		pg := t.take(r.Input)
		if r.Err != nil {
			if codeCtx.Err() == nil {
				log.Warn("article not coded", "url", r.Input.Origin.File, "err", r.Err.Error())
				t.done(pg, "", true)
			} else {
				t.done(pg, "", false)
			}
			return nil
		}
		t.coded(r.Doc, pg)
		w.add(khaldun.Scored(r.Doc, dictVersion, version))
		return nil
	})
	// Run ends early only when the writer failed: stop polling and let the
	// poller finish, releasing what it still hands over.
	stopPolling()
	go func() {
		for pg := range pages {
			t.done(pg, "", false)
		}
	}()
	<-polled
	saved, werr := w.close()
	st, _ := store.Stats(keep)
	log.Info("watch stopped", "articles_stored", saved.Articles, "already_stored", saved.Skipped+t.alreadyStored(),
		"mentions", saved.Mentions, "new_events", saved.NewEvents, "db_articles", st.Articles, "db_events", st.Events,
		"signal", ctx.Err() != nil)
	if werr != nil {
		return fmt.Errorf("store %s: %w", job.db, werr)
	}
	return runErr
}

// pollLoop polls every job.interval, from the start of one poll to the
// start of the next, until ctx is done.
func pollLoop(ctx context.Context, job watchJob, feeds []string, poller *feed.Poller, log *slog.Logger, emit func(*feed.Page)) {
	for {
		start := time.Now()
		st := poller.Poll(ctx, feeds, emit)
		log.Info("poll done", "feeds", st.Feeds, "feeds_failed", st.FeedsFailed, "not_modified", st.NotModified,
			"items_new", st.ItemsNew, "items_seen", st.ItemsSeen, "pages_fetched", st.PagesFetched,
			"pages_failed", st.PagesFailed, "ms", time.Since(start).Milliseconds())
		if job.once || ctx.Err() != nil {
			return
		}
		wait := time.NewTimer(max(0, job.interval-time.Since(start)))
		select {
		case <-ctx.Done():
			wait.Stop()
			return
		case <-wait.C:
		}
	}
}

// watchTracker follows each fetched page through coding and storing to
// the moment its item can be marked seen.
type watchTracker struct {
	poller  *feed.Poller
	ctx     context.Context
	mu      sync.Mutex
	pending map[string]*feed.Page // by item link, until coded
	docs    map[*khaldun.Document]*feed.Page
	already int
}

func newWatchTracker(p *feed.Poller, ctx context.Context) *watchTracker {
	return &watchTracker{poller: p, ctx: ctx, pending: map[string]*feed.Page{}, docs: map[*khaldun.Document]*feed.Page{}}
}

// inputs yields the pages' inputs, skipping (and marking seen) those whose
// article is already stored: the same story under a new link.
func (t *watchTracker) inputs(store khaldun.Store, pages <-chan *feed.Page) func(func(khaldun.Input, error) bool) {
	return func(yield func(khaldun.Input, error) bool) {
		for pg := range pages {
			if id := articleID(pg.Input); id != "" {
				if ok, err := store.HasArticle(t.ctx, id); err == nil && ok {
					t.mu.Lock()
					t.already++
					t.mu.Unlock()
					t.done(pg, id, true)
					continue
				}
			}
			t.mu.Lock()
			t.pending[pg.Input.Origin.File] = pg
			t.mu.Unlock()
			if !yield(pg.Input, nil) {
				t.done(t.take(pg.Input), "", false)
				return
			}
		}
	}
}

func (t *watchTracker) take(in khaldun.Input) *feed.Page {
	t.mu.Lock()
	defer t.mu.Unlock()
	pg := t.pending[in.Origin.File]
	delete(t.pending, in.Origin.File)
	return pg
}

func (t *watchTracker) coded(doc *khaldun.Document, pg *feed.Page) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.docs[doc] = pg
}

func (t *watchTracker) stored(doc *khaldun.Document) {
	t.mu.Lock()
	pg := t.docs[doc]
	delete(t.docs, doc)
	t.mu.Unlock()
	t.done(pg, doc.Article.ID, true)
}

func (t *watchTracker) done(pg *feed.Page, article string, seen bool) {
	if pg != nil {
		t.poller.Done(t.ctx, pg, article, seen)
	}
}

func (t *watchTracker) alreadyStored() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.already
}
