package feed

import (
	"context"
	"errors"
	"log/slog"
	"runtime"
	"sync"
	"time"
)

// State is what a Poller remembers between polls and runs: the
// validators of each feed, for conditional requests, and the items
// already fetched, so that no page is fetched twice. *sqlite.Store and
// *postgres.Store implement it.
type State interface {
	FeedState(ctx context.Context, feedURL string) (etag, lastModified string, err error)
	SetFeedState(ctx context.Context, feedURL, etag, lastModified string, status int) error
	Seen(ctx context.Context, key string) (bool, error)
	// MarkSeen records item keys (Item.Keys) with the HTTP status their
	// page gave (0 when it gave none) and the article stored from it.
	MarkSeen(ctx context.Context, feedURL string, keys []string, status int, article string) error
}

// Poller polls feeds and turns their new items into Pages.
type Poller struct {
	Client *Client
	State  State
	Log    *slog.Logger
	// Fast uses extract's fast mode.
	Fast bool
	// MaxPageBytes and ExtractTimeout bound the extraction of one page
	// (extract.Options.MaxBytes and Timeout): a page over them fails with
	// a final error, so that it is not fetched again.
	MaxPageBytes   int64
	ExtractTimeout time.Duration
	// Extractors bounds the pages extracted at once, default one per
	// core: fetching is mostly waiting, extracting is all CPU and memory.
	Extractors int

	once  sync.Once
	slots chan struct{}

	mu sync.Mutex
	// busy holds the keys of items being fetched or waiting to be stored,
	// so that an item listed by two feeds, or still listed at the next
	// poll, is not fetched again before it is marked seen.
	busy map[string]bool
}

// Stats count what one poll did.
type Stats struct {
	Feeds, FeedsFailed, NotModified int
	ItemsNew, ItemsSeen             int
	PagesFetched, PagesFailed       int
}

func (s *Stats) add(o Stats) {
	s.Feeds += o.Feeds
	s.FeedsFailed += o.FeedsFailed
	s.NotModified += o.NotModified
	s.ItemsNew += o.ItemsNew
	s.ItemsSeen += o.ItemsSeen
	s.PagesFetched += o.PagesFetched
	s.PagesFailed += o.PagesFailed
}

// Poll polls every feed once, concurrently, and passes each new item's
// extracted page to emit, from many goroutines. When ctx is done, fetches
// stop, but pages already fetched are still extracted and emitted, so
// that a caller who stores what emit receives loses nothing fetched.
//
// emit's receiver owns the page: it must call Done when the page's
// article is stored, or when it will not be, for its keys to be marked
// seen; until then the item is not fetched again by this Poller.
func (p *Poller) Poll(ctx context.Context, feeds []string, emit func(*Page)) Stats {
	p.once.Do(func() {
		if p.Extractors <= 0 {
			p.Extractors = runtime.NumCPU()
		}
		p.slots = make(chan struct{}, p.Extractors)
	})
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		tot Stats
	)
	for _, f := range feeds {
		wg.Go(func() {
			st := p.pollFeed(ctx, f, emit)
			mu.Lock()
			tot.add(st)
			mu.Unlock()
		})
	}
	wg.Wait()
	return tot
}

func (p *Poller) log() *slog.Logger {
	if p.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return p.Log
}

func (p *Poller) pollFeed(ctx context.Context, feedURL string, emit func(*Page)) Stats {
	st := Stats{Feeds: 1}
	start := time.Now()
	log := p.log().With("feed", feedURL)
	etag, lastMod, err := p.State.FeedState(ctx, feedURL)
	if err != nil {
		log.Error("feed state", "err", err)
		st.FeedsFailed++
		return st
	}
	resp, err := p.Client.Get(ctx, Request{URL: feedURL, ETag: etag, LastModified: lastMod})
	if err != nil {
		if ctx.Err() == nil {
			st.FeedsFailed++
			log.Error("feed failed", "status", status(err), "err", err.Error())
			p.setState(ctx, feedURL, etag, lastMod, status(err))
		}
		return st
	}
	if resp.NotModified {
		st.NotModified++
		log.Info("feed polled", "status", resp.Status, "not_modified", true, "ms", time.Since(start).Milliseconds())
		p.setState(ctx, feedURL, resp.ETag, resp.LastModified, resp.Status)
		return st
	}
	f, err := Parse(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		st.FeedsFailed++
		log.Error("feed failed", "status", resp.Status, "err", err.Error())
		// Validators of a broken document would make the next poll a 304
		// on it, hiding the fix.
		p.setState(ctx, feedURL, "", "", resp.Status)
		return st
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, it := range f.Items {
		keys := it.Keys()
		if len(keys) == 0 || it.Link == "" || !p.claim(ctx, keys) {
			st.ItemsSeen++
			continue
		}
		st.ItemsNew++
		wg.Go(func() {
			pg, err := p.fetchPage(ctx, feedURL, it, keys)
			switch {
			case err == nil:
				emit(pg)
				mu.Lock()
				st.PagesFetched++
				mu.Unlock()
			case ctx.Err() != nil:
				p.release(keys) // not fetched: the next run tries again
			default:
				mu.Lock()
				st.PagesFailed++
				mu.Unlock()
				log.Warn("page failed", "url", it.Link, "status", status(err), "err", err.Error())
				p.Done(context.WithoutCancel(ctx), &Page{Feed: feedURL, Keys: keys, Status: status(err)}, "", final(err))
			}
		})
	}
	wg.Wait()
	// Validators are saved only now: had the run stopped half-way, the
	// next one must get the full feed again to find the items left.
	if ctx.Err() == nil {
		p.setState(ctx, feedURL, resp.ETag, resp.LastModified, resp.Status)
	}
	log.Info("feed polled", "status", resp.Status, "items", len(f.Items), "new", st.ItemsNew, "seen", st.ItemsSeen,
		"fetched", st.PagesFetched, "failed", st.PagesFailed, "ms", time.Since(start).Milliseconds())
	return st
}

func (p *Poller) setState(ctx context.Context, feedURL, etag, lastMod string, status int) {
	if err := p.State.SetFeedState(context.WithoutCancel(ctx), feedURL, etag, lastMod, status); err != nil {
		p.log().Error("feed state", "feed", feedURL, "err", err)
	}
}

// claim reports whether the item is new — none of its keys seen nor busy —
// and marks it busy if so.
func (p *Poller) claim(ctx context.Context, keys []string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.busy == nil {
		p.busy = map[string]bool{}
	}
	if ctx.Err() != nil {
		return false
	}
	for _, k := range keys {
		if p.busy[k] {
			return false
		}
		seen, err := p.State.Seen(ctx, k)
		if err != nil {
			p.log().Error("seen", "key", k, "err", err)
			return false
		}
		if seen {
			return false
		}
	}
	for _, k := range keys {
		p.busy[k] = true
	}
	return true
}

func (p *Poller) release(keys []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, k := range keys {
		delete(p.busy, k)
	}
}

// Done ends a page's life: when seen is true its keys are recorded as seen
// with the article ID stored from it ("" for none), so that it is never
// fetched again; otherwise the next poll may try it again.
func (p *Poller) Done(ctx context.Context, pg *Page, article string, seen bool) {
	defer p.release(pg.Keys)
	if !seen {
		return
	}
	if err := p.State.MarkSeen(ctx, pg.Feed, pg.Keys, pg.Status, article); err != nil {
		p.log().Error("mark seen", "feed", pg.Feed, "keys", pg.Keys, "err", err)
	}
}

// final reports whether a failure is worth remembering as the item's
// answer: a 4xx, a robots.txt refusal, a page without text. Server errors
// and timeouts are tried again at the next poll.
func final(err error) bool {
	var fe *Error
	if errors.As(err, &fe) {
		return !fe.Temporary
	}
	return true
}

func status(err error) int {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Status
	}
	return 0
}
