package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/khaldun/khaldun"
)

// EventDetail reads an event, its mentions and their articles in one read
// transaction, so that the two lists line up row for row.
func (s *Store) EventDetail(ctx context.Context, id string) (*khaldun.EventDetail, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: event %s: %w", id, err)
	}
	defer tx.Rollback()
	seq, e, err := scanEvent(tx.QueryRowContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: event %s: %w", id, khaldun.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: event %s: %w", id, err)
	}
	ms, err := mentions(ctx, tx, `m.event = ? ORDER BY m.seq`, seq, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: event %s mentions: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.published, a.url, m.sent_start, m.sent_end
		FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.event = ? ORDER BY m.seq`, seq)
	if err != nil {
		return nil, fmt.Errorf("sqlite: event %s articles: %w", id, err)
	}
	defer rows.Close()
	d := &khaldun.EventDetail{Event: e, Mentions: make([]khaldun.MentionDetail, 0, len(ms))}
	for i := 0; rows.Next(); i++ {
		if i >= len(ms) {
			return nil, fmt.Errorf("sqlite: event %s: mentions changed while read", id)
		}
		md := khaldun.MentionDetail{Event: ms[i].Event}
		a := &md.Article
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Published, &a.URL, &md.Sentence.Start, &md.Sentence.End); err != nil {
			return nil, fmt.Errorf("sqlite: event %s articles: %w", id, err)
		}
		d.Mentions = append(d.Mentions, md)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: event %s articles: %w", id, err)
	}
	return d, nil
}
