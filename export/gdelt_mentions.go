package export

import (
	"math"

	"github.com/khaldun/khaldun"
)

// GDELT 2.0 Mentions, tab-separated without a header. The 16 columns, in
// GDELT's order, and what khaldun puts in them:
//
//	 #  GDELT column                khaldun
//	 1  GlobalEventID               ExportEvent.Seq of the mentioned event: joins the events file
//	 2  EventTimeDate               the event's DATEADDED, YYYYMMDDHHMMSS
//	 3  MentionTimeDate             when the mentioning article was stored, YYYYMMDDHHMMSS UTC
//	 4  MentionType                 1 (web) for every article
//	 5  MentionSourceName           the article's outlet
//	 6  MentionIdentifier           the article's URL, or "khaldun:" + its id when it has none
//	 7  SentenceID                  1-based sentence of the mention
//	 8  Actor1CharOffset            start of the source actor; byte offset into the analysed body
//	 9  Actor2CharOffset            start of the target, -1 when there is none
//	10  ActionCharOffset            start of the event's evidence span
//	11  InRawText                   1: khaldun codes the text as written
//	12  Confidence                  the coder's confidence as a percentage, 0-100
//	13  MentionDocLen               bytes of the analysed body
//	14  MentionDocTone              the article's tone, empty when no tone stage ran
//	15  MentionDocTranslationInfo   empty: khaldun codes English text only
//	16  Extras                      empty
//
// Offsets and lengths are bytes where GDELT counts characters: the same
// for ASCII text.
var gdeltMentionColumns = []Column{
	{"GlobalEventID", Int, false}, {"EventTimeDate", Int, false}, {"MentionTimeDate", Int, false},
	{"MentionType", Int, false}, {"MentionSourceName", String, false}, {"MentionIdentifier", String, false},
	{"SentenceID", Int, false}, {"Actor1CharOffset", Int, false}, {"Actor2CharOffset", Int, false},
	{"ActionCharOffset", Int, false}, {"InRawText", Int, false}, {"Confidence", Int, false},
	{"MentionDocLen", Int, false}, {"MentionDocTone", Float, true},
	{"MentionDocTranslationInfo", String, true}, {"Extras", String, true},
}

func fillGDELTMention(m *khaldun.ExportMention, r []Cell) {
	a, e := &m.Article, &m.Event
	id := a.URL
	if id == "" {
		id = "khaldun:" + a.ID
	}
	target := int64(-1)
	if e.Target != nil {
		target = int64(e.Target.Span.Start)
	}
	conf := min(max(math.Round(e.Confidence*100), 0), 100)
	r[0], r[1], r[2] = num(m.EventSeq), num(atoi(compact(m.EventAdded))), num(atoi(compact(a.Ingested)))
	r[3], r[4], r[5] = num(1), str(a.Source), str(id)
	r[6], r[7], r[8], r[9] = num(int64(e.Sentence)+1), num(int64(e.Source.Span.Start)), num(target), num(int64(e.Span.Start))
	r[10], r[11], r[12], r[13] = num(1), num(int64(conf)), num(int64(a.Length)), optFloat(a.Tone)
	r[14], r[15] = null, null
}
