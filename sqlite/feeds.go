package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The methods below implement feed.State, the memory of khaldun watch.
// They are not part of khaldun.Store: only a poller needs them, and a
// store that serves the API alone need not keep them.

// FeedState returns the validators saved for a feed, "" when none.
func (s *Store) FeedState(ctx context.Context, feedURL string) (etag, lastModified string, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT etag, last_modified FROM feeds WHERE url = ?`, feedURL).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("sqlite: feed %s: %w", feedURL, err)
	}
	return etag, lastModified, nil
}

// SetFeedState records a poll of a feed.
func (s *Store) SetFeedState(ctx context.Context, feedURL, etag, lastModified string, status int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.write.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, status, polled) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			status = excluded.status, polled = excluded.polled`,
		feedURL, etag, lastModified, status, s.now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("sqlite: feed %s: %w", feedURL, err)
	}
	return nil
}

// Seen reports whether a feed item key was recorded by MarkSeen.
func (s *Store) Seen(ctx context.Context, key string) (bool, error) {
	var one int
	err := s.read.QueryRowContext(ctx, `SELECT 1 FROM feed_items WHERE key = ?`, key).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("sqlite: feed item %s: %w", key, err)
	}
	return true, nil
}

// MarkSeen records an item's keys, in one transaction. A key already
// recorded keeps its first record: that is when the page was fetched.
func (s *Store) MarkSeen(ctx context.Context, feedURL string, keys []string, status int, article string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer tx.Rollback()
	now := s.now().UTC().Format(time.RFC3339)
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feed_items (key, feed, status, article, fetched) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (key) DO NOTHING`, k, feedURL, status, article, now); err != nil {
			return fmt.Errorf("sqlite: feed item %s: %w", k, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}
