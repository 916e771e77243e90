package http

import (
	"bytes"
	"container/list"
	"context"
	nethttp "net/http"
	"sync"
)

// Versioned is a store that can say whether anything was committed since
// it was last asked (*sqlite.Store is one): the server then keeps answers
// of read routes until the next change. A store without it is never
// cached.
type Versioned interface {
	DataVersion(ctx context.Context) (uint64, error)
}

const (
	defaultCacheBytes = 32 << 20
	maxCachedAnswer   = 1 << 20 // larger answers (a page of 500 events) are not kept
)

// answerCache holds the JSON answers of read routes for one data version
// of the store, least recently used first out. Every answer depends only
// on the stored data and the request's path and query, so an answer made
// at version v is the answer as long as the version stays v; a new version
// drops them all.
type answerCache struct {
	mu      sync.Mutex
	version uint64
	max     int64
	size    int64
	byKey   map[string]*list.Element
	lru     list.List // of *cachedAnswer, most recent at the front
}

type cachedAnswer struct {
	key  string
	body []byte
}

func newAnswerCache(max int64) *answerCache {
	return &answerCache{max: max, byKey: map[string]*list.Element{}}
}

// get returns the answer for key at version v. A different version empties
// the cache first.
func (c *answerCache) get(v uint64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at(v)
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return el.Value.(*cachedAnswer).body, true
}

// put keeps an answer made after version v was read. Data committed in
// between may be in it; the next request then sees a newer version and
// drops it, so no answer older than the store's version is ever served.
func (c *answerCache) put(v uint64, key string, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version || int64(len(body)) > c.max {
		return // another version was seen meanwhile
	}
	if el, ok := c.byKey[key]; ok {
		c.remove(el)
	}
	c.byKey[key] = c.lru.PushFront(&cachedAnswer{key, body})
	c.size += int64(len(body))
	for c.size > c.max {
		c.remove(c.lru.Back())
	}
}

// at moves the cache to version v, dropping every answer of another.
func (c *answerCache) at(v uint64) {
	if v == c.version {
		return
	}
	c.version = v
	c.byKey = map[string]*list.Element{}
	c.lru.Init()
	c.size = 0
}

func (c *answerCache) remove(el *list.Element) {
	a := c.lru.Remove(el).(*cachedAnswer)
	delete(c.byKey, a.key)
	c.size -= int64(len(a.body))
}

// recorder passes an answer through to the client and keeps a copy of it
// while it stays small enough to cache.
type recorder struct {
	nethttp.ResponseWriter
	status int
	buf    bytes.Buffer
	over   bool
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = nethttp.StatusOK
	}
	if !r.over && r.buf.Len()+len(p) <= maxCachedAnswer {
		r.buf.Write(p)
	} else {
		r.over = true
		r.buf = bytes.Buffer{}
	}
	return r.ResponseWriter.Write(p)
}

// cached answers a GET of a read route from the cache, or runs h and keeps
// its answer. Without a version (a store that has none, or an error
// reading it) the request is served uncached.
func (s *Server) cached(c *answerCache, w nethttp.ResponseWriter, r *nethttp.Request, h func(nethttp.ResponseWriter, *nethttp.Request) error) error {
	vs, ok := s.Store.(Versioned)
	if c == nil || !ok || r.Method != "GET" {
		return h(w, r)
	}
	// A client that leaves must not interrupt the store's version query,
	// which is shared by all requests and costs microseconds.
	v, err := vs.DataVersion(context.WithoutCancel(r.Context()))
	if err != nil {
		s.logf("khaldun: %s %s: answer cache off for this request: %v", r.Method, r.URL.Path, err)
		return h(w, r)
	}
	// Parameters are checked before: each appears once, so the encoded
	// (sorted) query names one answer whatever order the client wrote.
	key := r.URL.Path + "?" + r.URL.Query().Encode()
	if body, ok := c.get(v, key); ok {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(nethttp.StatusOK)
		// As in writeJSON, a write error means the client went away:
		// the status is sent, and there is no one left to tell.
		_, _ = w.Write(body)
		return nil
	}
	rec := &recorder{ResponseWriter: w}
	if err := h(rec, r); err != nil {
		return err
	}
	if rec.status == nethttp.StatusOK && !rec.over {
		c.put(v, key, rec.buf.Bytes())
	}
	return nil
}
