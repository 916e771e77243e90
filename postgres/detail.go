package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
)

// EventDetail reads an event, its mentions and their articles in one
// snapshot, so that the two lists line up row for row.
func (s *Store) EventDetail(ctx context.Context, id string) (*khaldun.EventDetail, error) {
	var d *khaldun.EventDetail
	err := s.snapshot(ctx, func(tx pgx.Tx) error {
		seq, e, err := scanEvent(tx.QueryRow(ctx, `SELECT `+eventColumns+` FROM events e WHERE e.id = $1`, id))
		if err != nil {
			return notFound(err)
		}
		ms, err := mentions(ctx, tx, `m.event = $1 ORDER BY m.seq`, seq, nil)
		if err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
		rows, err := tx.Query(ctx, `SELECT a.id, a.title, a.source, a.published, a.url, m.sent_start, m.sent_end
			FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.event = $1 ORDER BY m.seq`, seq)
		if err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		defer rows.Close()
		d = &khaldun.EventDetail{Event: e, Mentions: make([]khaldun.MentionDetail, 0, len(ms))}
		for i := 0; rows.Next(); i++ {
			if i >= len(ms) {
				return fmt.Errorf("mentions changed while read")
			}
			md := khaldun.MentionDetail{Event: ms[i].Event}
			a := &md.Article
			if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Published, &a.URL, &md.Sentence.Start, &md.Sentence.End); err != nil {
				return fmt.Errorf("articles: %w", err)
			}
			d.Mentions = append(d.Mentions, md)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: event %s: %w", id, err)
	}
	return d, nil
}
