package http

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/sqlite"
)

// TestCacheFollowsWrites checks that a cached answer is never served after
// the store changed: by the server's own store, and by another store on
// the same file, as an ingest running in another process writes.
func TestCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cache.db")
	open := func() *sqlite.Store {
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	st, other := open(), open()
	for i := range 3 {
		if _, err := st.Save(ctx, fixtureDoc(i)); err != nil {
			t.Fatal(err)
		}
	}
	s := &Server{Store: st, ErrorLog: log.New(io.Discard, "", 0)}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	articles := func() int {
		t.Helper()
		status, b := do(t, "GET", ts.URL+"/api/stats", "", "")
		var v struct{ Articles int }
		if err := json.Unmarshal(b, &v); status != 200 || err != nil {
			t.Fatalf("stats: %d %s", status, b)
		}
		return v.Articles
	}
	series := func() string {
		t.Helper()
		_, b := do(t, "GET", ts.URL+"/api/timeseries?interval=month&actor=SYL", "", "")
		return string(b)
	}
	if n := articles(); n != 3 || articles() != 3 {
		t.Fatalf("%d articles, want 3 twice", n)
	}
	before := series()
	if series() != before || strings.Contains(before, "2024-04") {
		t.Fatalf("series before: %s", before)
	}
	for i, w := range []*sqlite.Store{st, other, other} {
		if _, err := w.Save(ctx, fixtureDoc(3+i)); err != nil {
			t.Fatal(err)
		}
		if n := articles(); n != 4+i {
			t.Errorf("after write %d by store %d: %d articles, want %d", i+1, map[bool]int{true: 1, false: 2}[w == st], n, 4+i)
		}
	}
	if after := series(); !strings.Contains(after, `"period":"2024-04"`) {
		t.Errorf("series after the writes: %s", after)
	}
}

func TestCacheOff(t *testing.T) {
	ctx := context.Background()
	st := testStore(t)
	s := &Server{Store: st, CacheBytes: -1, ErrorLog: log.New(io.Discard, "", 0)}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	_, a := do(t, "GET", ts.URL+"/api/stats", "", "")
	doc := khaldun.NewDocument(khaldun.Article{ID: pipeline.ID("x"), Text: "x", Language: "en", Dropped: []khaldun.Dropped{}})
	if _, err := st.Save(ctx, &khaldun.Coded{Doc: doc}); err != nil {
		t.Fatal(err)
	}
	if _, b := do(t, "GET", ts.URL+"/api/stats", "", ""); string(a) == string(b) {
		t.Errorf("stats unchanged by a write: %s", b)
	}
}

func TestAnswerCache(t *testing.T) {
	c := newAnswerCache(10)
	c.get(1, "")
	c.put(1, "a", []byte("aaaa"))
	c.put(1, "b", []byte("bbbb"))
	c.get(1, "a") // a is now the most recent
	c.put(1, "c", []byte("cccc"))
	for _, tc := range []struct {
		v    uint64
		key  string
		want string // "" for a miss
	}{
		{1, "a", "aaaa"},
		{1, "b", ""}, // evicted, least recently used
		{1, "c", "cccc"},
		{2, "a", ""}, // another version drops everything
		{1, "c", ""},
	} {
		got, ok := c.get(tc.v, tc.key)
		if string(got) != tc.want || ok != (tc.want != "") {
			t.Errorf("get(%d, %s) = %q, %v; want %q", tc.v, tc.key, got, ok, tc.want)
		}
	}
	c.put(7, "old", []byte("x")) // made at a version no longer current
	if _, ok := c.get(1, "old"); ok {
		t.Error("answer of another version kept")
	}
	c.put(1, "big", []byte(strings.Repeat("x", 11)))
	if _, ok := c.get(1, "big"); ok || c.size > c.max {
		t.Errorf("answer over the budget kept; size %d", c.size)
	}
	if fmt.Sprint(len(c.byKey)) != fmt.Sprint(c.lru.Len()) {
		t.Errorf("index %d, list %d", len(c.byKey), c.lru.Len())
	}
}
