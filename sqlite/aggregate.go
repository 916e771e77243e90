package sqlite

import (
	"database/sql"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/eventkey"
)

// Key is the aggregation key of a coded event (see eventkey.Key), the
// aggregate event's ID in every store.
func Key(e *khaldun.Event, published, article string) string {
	return eventkey.Key(e, published, article)
}

// events adds the article's coded events as mentions of aggregate events,
// creating those not seen before and updating the counters of the others.
func (w *writer) events(article int64, a *khaldun.Coded, sourceKey string, st *khaldun.SaveStats) error {
	art := &a.Doc.Article
	seen := art.Published
	if seen == "" {
		seen = w.now.Format(time.DateOnly)
	}
	// Group first: NumArticles and the tone count an article once per event.
	type group struct {
		key    string
		first  *khaldun.Event
		events []int
	}
	var groups []*group
	byKey := map[string]*group{}
	for i := range a.Doc.Events {
		e := &a.Doc.Events[i]
		k := Key(e, art.Published, art.ID)
		g := byKey[k]
		if g == nil {
			g = &group{key: k, first: e}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.events = append(g.events, i)
	}
	toneN := 0
	if a.Tone != nil {
		toneN = 1
	}
	for _, g := range groups {
		e := g.first
		date := e.Date
		if date == "" {
			date = art.Published
		}
		var tc, tco, tr, ln, lc, la, lt sql.NullString
		var lat, lon sql.NullFloat64
		var gid, ls, le sql.NullInt64
		if e.Target != nil {
			tc, tco, tr = str(e.Target.Code), str(e.Target.Country), str(e.Target.Role)
		}
		if l := e.Location; l != nil {
			ln, lc, la = str(l.Name), str(l.Country), str(l.Admin1)
			lat, lon = sql.NullFloat64{Float64: l.Lat, Valid: true}, sql.NullFloat64{Float64: l.Lon, Valid: true}
			gid = sql.NullInt64{Int64: int64(l.GeonameID), Valid: true}
			lt = str(l.Text)
			ls, le = sql.NullInt64{Int64: int64(l.Span.Start), Valid: true}, sql.NullInt64{Int64: int64(l.Span.End), Valid: true}
		}
		var seq int64
		var articles int
		err := w.queryRow(`INSERT INTO events (id, date, source_code, source_country, source_role,
			target_code, target_country, target_role, code, root, name, plover, quad_class, goldstein,
			loc_name, loc_country, loc_admin1, lat, lon, geonameid, loc_text, loc_start, loc_end,
			num_mentions, num_sources, num_articles, first_seen, last_seen, tone_sum, tone_n)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET
				num_mentions = num_mentions + excluded.num_mentions,
				num_articles = num_articles + 1,
				first_seen = min(first_seen, excluded.first_seen),
				last_seen = max(last_seen, excluded.last_seen),
				tone_sum = CASE WHEN excluded.tone_n = 0 THEN tone_sum ELSE coalesce(tone_sum, 0) + excluded.tone_sum END,
				tone_n = tone_n + excluded.tone_n
			RETURNING seq, num_articles`,
			g.key, date, e.Source.Code, e.Source.Country, e.Source.Role, tc, tco, tr,
			e.Code, e.Root, e.Name, e.Plover, e.QuadClass, e.Goldstein, ln, lc, la, lat, lon, gid, lt, ls, le,
			len(g.events), seen, seen, a.Tone, toneN).Scan(&seq, &articles)
		if err != nil {
			return err
		}
		if articles == 1 {
			st.NewEvents++
		}
		res, err := w.exec(`INSERT OR IGNORE INTO event_sources VALUES (?, ?)`, seq, sourceKey)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			if _, err := w.exec(`UPDATE events SET num_sources = num_sources + 1 WHERE seq = ?`, seq); err != nil {
				return err
			}
		}
		for _, i := range g.events {
			if err := w.mention(article, i, seq, &a.Doc.Events[i], a.Doc.Sentences); err != nil {
				return err
			}
			st.Mentions++
		}
	}
	return nil
}

func (w *writer) mention(article int64, ord int, event int64, e *khaldun.Event, sents []khaldun.SentRef) error {
	var sent khaldun.Span
	if e.Sentence >= 0 && e.Sentence < len(sents) {
		sent = sents[e.Sentence].Span
	}
	var tt, tc, tco, tr sql.NullString
	var ts, te sql.NullInt64
	if t := e.Target; t != nil {
		tt, tc, tco, tr = str(t.Text), str(t.Code), str(t.Country), str(t.Role)
		ts, te = sql.NullInt64{Int64: int64(t.Span.Start), Valid: true}, sql.NullInt64{Int64: int64(t.Span.End), Valid: true}
	}
	var loc sql.NullString
	if e.Location != nil {
		loc = str(jsonText(e.Location))
	}
	_, err := w.exec(`INSERT INTO mentions (article, ord, event, id, sentence, sent_start, sent_end, span_start, span_end,
		source_text, source_code, source_country, source_role, source_start, source_end,
		target_text, target_code, target_country, target_role, target_start, target_end,
		code, root, name, plover, quad_class, goldstein, date, date_text, location, rule, confidence, tone)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		article, ord, event, e.ID, e.Sentence, sent.Start, sent.End, e.Span.Start, e.Span.End,
		e.Source.Text, e.Source.Code, e.Source.Country, e.Source.Role, e.Source.Span.Start, e.Source.Span.End,
		tt, tc, tco, tr, ts, te,
		e.Code, e.Root, e.Name, e.Plover, e.QuadClass, e.Goldstein, e.Date, e.DateText, loc, e.Rule, e.Confidence, e.Tone)
	return err
}
