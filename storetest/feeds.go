package storetest

import (
	"context"
	"testing"
)

func testFeedState(t *testing.T, open func(*testing.T) Store) {
	s, ctx := open(t), context.Background()
	const feed = "https://example.org/feed.xml"
	if etag, lm, err := s.FeedState(ctx, feed); etag != "" || lm != "" || err != nil {
		t.Errorf("unknown feed: %q %q %v", etag, lm, err)
	}
	if err := s.SetFeedState(ctx, feed, `"v1"`, "Mon, 02 Jan 2006 15:04:05 GMT", 200); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFeedState(ctx, feed, `"v2"`, "", 304); err != nil {
		t.Fatal(err)
	}
	if etag, lm, err := s.FeedState(ctx, feed); etag != `"v2"` || lm != "" || err != nil {
		t.Errorf("feed state %q %q %v", etag, lm, err)
	}
	keys := []string{"https://example.org/b", "guid:b", "https://example.org/a"}
	if seen, err := s.Seen(ctx, keys[0]); seen || err != nil {
		t.Errorf("Seen before MarkSeen: %v %v", seen, err)
	}
	if err := s.MarkSeen(ctx, feed, keys, 200, "art1"); err != nil {
		t.Fatal(err)
	}
	// Marking again, in another order and with a new key, keeps the first
	// record and adds the new key.
	if err := s.MarkSeen(ctx, feed, []string{"guid:c", keys[2], keys[0]}, 0, ""); err != nil {
		t.Fatal(err)
	}
	for _, k := range append(keys, "guid:c") {
		if seen, err := s.Seen(ctx, k); !seen || err != nil {
			t.Errorf("Seen(%s) = %v %v", k, seen, err)
		}
	}
	if seen, _ := s.Seen(ctx, "guid:d"); seen {
		t.Error("unmarked key seen")
	}
}
