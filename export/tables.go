package export

import "github.com/khaldun/khaldun"

// The khaldun tables (CSV, JSON Lines, Parquet) use snake_case names and
// keep khaldun's own codes: actor countries ISO 3166-1 alpha-3, locations
// GeoNames ids, spans byte offsets into the analysed body.

var eventColumns = []Column{
	{"global_event_id", Int, false}, {"id", String, false}, {"date", Date, true},
	{"source_code", String, false}, {"source_name", String, false}, {"source_country", String, false}, {"source_role", String, false},
	{"target_code", String, true}, {"target_name", String, true}, {"target_country", String, true}, {"target_role", String, true},
	{"code", String, false}, {"root", String, false}, {"name", String, false}, {"plover", String, false},
	{"quad_class", Int, false}, {"goldstein", Float, false},
	{"location_name", String, true}, {"location_country", String, true}, {"location_admin1", String, true},
	{"lat", Float, true}, {"lon", Float, true}, {"geonameid", Int, true},
	{"num_mentions", Int, false}, {"num_sources", Int, false}, {"num_articles", Int, false},
	{"first_seen", Date, true}, {"last_seen", Date, true}, {"avg_tone", Float, true},
	{"in_lead", Int, false}, {"date_added", String, false}, {"source_url", String, false},
}

func fillEvent(e *khaldun.ExportEvent, r []Cell) {
	r[0], r[1], r[2] = num(e.Seq), str(e.ID), date(e.Date)
	r[3], r[4], r[5], r[6] = str(e.Source.Code), str(e.SourceText), str(e.Source.Country), str(e.Source.Role)
	r[7], r[8], r[9], r[10] = null, null, null, null
	if t := e.Target; t != nil {
		r[7], r[8], r[9], r[10] = str(t.Code), str(e.TargetText), str(t.Country), str(t.Role)
	}
	r[11], r[12], r[13], r[14] = str(e.Code), str(e.Root), str(e.Name), str(e.Plover)
	r[15], r[16] = num(int64(e.QuadClass)), flt(e.Goldstein)
	for i := 17; i <= 22; i++ {
		r[i] = null
	}
	if l := e.Location; l != nil {
		r[17], r[18], r[19] = str(l.Name), str(l.Country), str(l.Admin1)
		r[20], r[21], r[22] = flt(l.Lat), flt(l.Lon), num(int64(l.GeonameID))
	}
	r[23], r[24], r[25] = num(int64(e.NumMentions)), num(int64(e.NumSources)), num(int64(e.NumArticles))
	r[26], r[27], r[28] = date(e.FirstSeen), date(e.LastSeen), optFloat(e.AvgTone)
	r[29], r[30], r[31] = num(b2i(e.InLead)), str(e.Added), str(e.URL)
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

var mentionColumns = []Column{
	{"global_event_id", Int, false}, {"event_id", String, false}, {"mention_id", String, false},
	{"article_id", String, false}, {"url", String, false}, {"outlet", String, false},
	{"published", Date, true}, {"ingested", String, false},
	{"sentence", Int, false}, {"span_start", Int, false}, {"span_end", Int, false},
	{"source_text", String, false}, {"source_code", String, false}, {"source_country", String, false}, {"source_role", String, false},
	{"source_start", Int, false}, {"source_end", Int, false},
	{"target_text", String, true}, {"target_code", String, true}, {"target_country", String, true}, {"target_role", String, true},
	{"target_start", Int, true}, {"target_end", Int, true},
	{"code", String, false}, {"root", String, false}, {"name", String, false}, {"quad_class", Int, false}, {"goldstein", Float, false},
	{"date", Date, true}, {"date_text", String, false}, {"rule", String, false}, {"confidence", Float, false},
	{"doc_length", Int, false}, {"doc_tone", Float, true},
}

func fillMention(m *khaldun.ExportMention, r []Cell) {
	a, e := &m.Article, &m.Event
	r[0], r[1], r[2] = num(m.EventSeq), str(m.EventID), str(e.ID)
	r[3], r[4], r[5], r[6], r[7] = str(a.ID), str(a.URL), str(a.Source), date(a.Published), str(a.Ingested)
	r[8], r[9], r[10] = num(int64(e.Sentence)), num(int64(e.Span.Start)), num(int64(e.Span.End))
	s := &e.Source
	r[11], r[12], r[13], r[14] = str(s.Text), str(s.Code), str(s.Country), str(s.Role)
	r[15], r[16] = num(int64(s.Span.Start)), num(int64(s.Span.End))
	for i := 17; i <= 22; i++ {
		r[i] = null
	}
	if t := e.Target; t != nil {
		r[17], r[18], r[19], r[20] = str(t.Text), str(t.Code), str(t.Country), str(t.Role)
		r[21], r[22] = num(int64(t.Span.Start)), num(int64(t.Span.End))
	}
	r[23], r[24], r[25], r[26], r[27] = str(e.Code), str(e.Root), str(e.Name), num(int64(e.QuadClass)), flt(e.Goldstein)
	r[28], r[29], r[30], r[31] = date(e.Date), str(e.DateText), str(e.Rule), flt(e.Confidence)
	r[32], r[33] = num(int64(a.Length)), optFloat(a.Tone)
}

var articleColumns = []Column{
	{"article_id", String, false}, {"url", String, false}, {"title", String, false},
	{"outlet", String, false}, {"published", Date, true},
}

func fillArticle(a *khaldun.ExportArticle, r []Cell) {
	r[0], r[1], r[2], r[3], r[4] = str(a.ID), str(a.URL), str(a.Title), str(a.Source), date(a.Published)
}

var quoteColumns = append(articleColumns[:len(articleColumns):len(articleColumns)],
	Column{"speaker", String, false}, Column{"speaker_actor", String, false}, Column{"text", String, false},
	Column{"span_start", Int, false}, Column{"span_end", Int, false})

func fillQuote(q *khaldun.ExportQuote, r []Cell) {
	fillArticle(&q.Article, r)
	r[5], r[6], r[7] = str(q.Quote.Speaker), str(q.Quote.SpeakerActor), str(q.Quote.Text)
	r[8], r[9] = num(int64(q.Quote.Span.Start)), num(int64(q.Quote.Span.End))
}

// countColumns end with who did it (agent, "" when the sentence names
// no one, and its CAMEO role code): added after the rest so that readers
// of the older files keep their column positions.
var countColumns = append(articleColumns[:len(articleColumns):len(articleColumns)],
	Column{"type", String, false}, Column{"number", Int, false}, Column{"qualifier", String, false},
	Column{"object", String, false}, Column{"span_start", Int, false}, Column{"span_end", Int, false},
	Column{"agent", String, false}, Column{"agent_role", String, false})

func fillCount(c *khaldun.ExportCount, r []Cell) {
	fillArticle(&c.Article, r)
	r[5], r[6], r[7], r[8] = str(c.Count.Type), num(c.Count.Number), str(c.Count.Qualifier), str(c.Count.Object)
	r[9], r[10] = num(int64(c.Count.Span.Start)), num(int64(c.Count.Span.End))
	r[11], r[12] = str(c.Count.Agent), str(c.Count.AgentRole)
}
