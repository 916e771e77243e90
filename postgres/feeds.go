package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// The methods below implement feed.State, the memory of khaldun watch.

// FeedState returns the validators saved for a feed, "" when none.
func (s *Store) FeedState(ctx context.Context, feedURL string) (etag, lastModified string, err error) {
	err = s.pool.QueryRow(ctx, `SELECT etag, last_modified FROM feeds WHERE url = $1`, feedURL).Scan(&etag, &lastModified)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("postgres: feed %s: %w", feedURL, err)
	}
	return etag, lastModified, nil
}

// SetFeedState records a poll of a feed.
func (s *Store) SetFeedState(ctx context.Context, feedURL, etag, lastModified string, status int) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO feeds (url, etag, last_modified, status, polled) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			status = excluded.status, polled = excluded.polled`,
		feedURL, etag, lastModified, status, s.now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("postgres: feed %s: %w", feedURL, err)
	}
	return nil
}

// Seen reports whether a feed item key was recorded by MarkSeen.
func (s *Store) Seen(ctx context.Context, key string) (bool, error) {
	var one int
	err := s.pool.QueryRow(ctx, `SELECT 1 FROM feed_items WHERE key = $1`, key).Scan(&one)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("postgres: feed item %s: %w", key, err)
	}
	return true, nil
}

// MarkSeen records an item's keys in one statement. A key already
// recorded keeps its first record: that is when the page was fetched. The
// keys go in sorted order, so that two watchers marking the same keys
// wait for each other instead of deadlocking.
func (s *Store) MarkSeen(ctx context.Context, feedURL string, keys []string, status int, article string) error {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	_, err := s.pool.Exec(ctx, `INSERT INTO feed_items (key, feed, status, article, fetched)
		SELECT k, $2, $3, $4, $5 FROM unnest($1::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n
		ON CONFLICT (key) DO NOTHING`, slices.Compact(keys), feedURL, status, article, s.now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("postgres: feed items of %s: %w", feedURL, err)
	}
	return nil
}
