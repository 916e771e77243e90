package postgres

import (
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/eventkey"
	"github.com/khaldun/khaldun/storedoc"
)

// eventRow is an aggregate event as this batch adds to it: the fields of
// its first mention and the counts of the batch's mentions.
type eventRow struct {
	key                 string
	first               *khaldun.Event
	date                string
	mentions, articles  int
	firstSeen, lastSeen string
	toneSum             *float64
	toneN               int
}

// events adds the article's coded events as mentions of aggregate events.
// NumArticles and the tone count an article once per event.
func (w *writer) events(article int64, a *khaldun.Coded, sourceKey string, st *khaldun.SaveStats) {
	art := &a.Doc.Article
	seen := art.Published
	if seen == "" {
		seen = w.now.Format(time.DateOnly)
	}
	inArticle := map[string]bool{}
	for i := range a.Doc.Events {
		e := &a.Doc.Events[i]
		k := eventkey.Key(e, art.Published, art.ID)
		r := w.eventByKey[k]
		if r == nil {
			date := e.Date
			if date == "" {
				date = art.Published
			}
			r = &eventRow{key: k, first: e, date: date, firstSeen: seen, lastSeen: seen}
			w.eventByKey[k] = r
			w.eventRows = append(w.eventRows, r)
		}
		r.mentions++
		if !inArticle[k] {
			inArticle[k] = true
			r.articles++
			r.firstSeen, r.lastSeen = min(r.firstSeen, seen), max(r.lastSeen, seen)
			if a.Tone != nil {
				r.toneSum = ptrTo(deref(r.toneSum) + *a.Tone)
				r.toneN++
			}
			if p := [2]string{k, sourceKey}; !w.sourcePairs[p] {
				w.sourcePairs[p] = true
				w.sources.add(k, sourceKey)
			}
		}
		w.mention(article, i, k, e, a.Doc)
		st.Mentions++
	}
}

func ptrTo[T any](v T) *T { return &v }

// writeEvents queues the upsert of the batch's events, their outlets and
// their mentions.
func (w *writer) writeEvents(b *pgx.Batch, st *khaldun.SaveStats) {
	if len(w.eventRows) == 0 {
		return
	}
	ev := newRowset("id text", "date text", "source_code text", "source_country text", "source_role text",
		"target_code text", "target_country text", "target_role text", "code text", "root text", "name text", "plover text",
		"quad_class int", "goldstein float8", "loc_name text", "loc_country text", "loc_admin1 text", "lat float8", "lon float8",
		"geonameid bigint", "loc_text text", "loc_start int", "loc_end int",
		"num_mentions int", "num_articles int", "first_seen text", "last_seen text", "tone_sum float8", "tone_n int")
	for _, r := range w.eventRows {
		e := r.first
		var tc, tco, tr, ln, lc, la, lt *string
		var lat, lon *float64
		var gid *int64
		var ls, le *int
		if t := e.Target; t != nil {
			tc, tco, tr = &t.Code, &t.Country, &t.Role
		}
		if l := e.Location; l != nil {
			ln, lc, la, lt = &l.Name, &l.Country, &l.Admin1, &l.Text
			lat, lon = &l.Lat, &l.Lon
			gid, ls, le = ptrTo(int64(l.GeonameID)), &l.Span.Start, &l.Span.End
		}
		ev.add(r.key, r.date, e.Source.Code, e.Source.Country, e.Source.Role, tc, tco, tr,
			e.Code, e.Root, e.Name, e.Plover, e.QuadClass, e.Goldstein, ln, lc, la, lat, lon, gid, lt, ls, le,
			r.mentions, r.articles, r.firstSeen, r.lastSeen, r.toneSum, r.toneN)
	}
	// An event is new when its articles are all this batch's: the locks
	// keep any other writer from adding to it meanwhile.
	b.Queue(`INSERT INTO events (`+strings.Join(ev.names, ", ")+`, num_sources)
		SELECT `+strings.Join(ev.names, ", ")+`, 0 FROM `+ev.from("u")+` ORDER BY n
		ON CONFLICT (id) DO UPDATE SET
			num_mentions = events.num_mentions + excluded.num_mentions,
			num_articles = events.num_articles + excluded.num_articles,
			first_seen = least(events.first_seen, excluded.first_seen),
			last_seen = greatest(events.last_seen, excluded.last_seen),
			tone_sum = CASE WHEN excluded.tone_n = 0 THEN events.tone_sum ELSE coalesce(events.tone_sum, 0) + excluded.tone_sum END,
			tone_n = events.tone_n + excluded.tone_n
		RETURNING id, num_articles`, ev.args()...).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id string
			var articles int
			if err := rows.Scan(&id, &articles); err != nil {
				return err
			}
			if r := w.eventByKey[id]; r != nil && r.articles == articles {
				st.NewEvents++
			}
		}
		return rows.Err()
	})
	// An outlet counts once per event: the counter moves by the rows that
	// are new.
	b.Queue(`WITH ins AS (INSERT INTO event_sources SELECT e.seq, u.source FROM `+w.sources.from("u")+`
			JOIN events e ON e.id = u.event ORDER BY u.n ON CONFLICT DO NOTHING RETURNING event)
		UPDATE events SET num_sources = events.num_sources + c.n
		FROM (SELECT event, count(*) AS n FROM ins GROUP BY event) c WHERE events.seq = c.event`, w.sources.args()...)
	m := w.mentions
	cols := strings.Join(m.names, ", ")
	cols = strings.Replace(cols, "event, ", "", 1)
	cols = strings.Replace(cols, ", words", "", 1)
	b.Queue(`INSERT INTO mentions (event, `+cols+`, evidence)
		SELECT e.seq, `+prefixed("u.", cols)+`, to_tsvector('simple', u.words)
		FROM `+m.from("u")+` JOIN events e ON e.id = u.event ORDER BY u.n`, m.args()...)
}

// prefixed qualifies a list of column names.
func prefixed(p, cols string) string {
	names := strings.Split(cols, ", ")
	for i, n := range names {
		names[i] = p + n
	}
	return strings.Join(names, ", ")
}

func (w *writer) mention(article int64, ord int, event string, e *khaldun.Event, d *khaldun.Document) {
	var sent khaldun.Span
	lead := false
	if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
		sent, lead = d.Sentences[e.Sentence].Span, d.Sentences[e.Sentence].Paragraph == 0
	}
	var tt, tc, tco, tr *string
	var ts, te *int
	if t := e.Target; t != nil {
		tt, tc, tco, tr = &t.Text, &t.Code, &t.Country, &t.Role
		ts, te = &t.Span.Start, &t.Span.End
	}
	var loc *string
	if e.Location != nil {
		loc = ptrTo(storedoc.JSON(e.Location))
	}
	w.mentions.add(article, ord, event, e.ID, e.Sentence, sent.Start, sent.End, lead, e.Span.Start, e.Span.End,
		e.Source.Text, e.Source.Code, e.Source.Country, e.Source.Role, e.Source.Span.Start, e.Source.Span.End,
		tt, tc, tco, tr, ts, te,
		e.Code, e.Root, e.Name, e.Plover, e.QuadClass, e.Goldstein, e.Date, e.DateText, loc, e.Rule, e.Confidence, e.Tone,
		words(storedoc.Slice(d.Article.Text, sent)))
}
