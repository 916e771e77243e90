package storedoc

import (
	"fmt"

	"github.com/khaldun/khaldun"
)

// The functions below give the scan destinations of the rows both stores
// keep in the same column order, so that which field a column fills is
// said once. Columns that may be NULL scan into pointers: database/sql
// and pgx both set a nil pointer for NULL and allocate one for a value.

// MentionRow is a stored mention while its row is scanned.
type MentionRow struct {
	Article  string        // the article's ID
	Event    khaldun.Event // filled by the scan, Target and Location by Mention
	Sentence khaldun.Span  // the evidence sentence in the article body

	targetText, targetCode, targetCountry, targetRole *string
	targetStart, targetEnd                            *int
	location                                          *string
}

// Dest gives the scan destinations of the mention columns, in order: the
// article ID, m.id, m.sentence, m.sent_start, m.sent_end, m.span_start,
// m.span_end, the source actor's text, code, country, role, start and
// end, the target actor's (NULL when none), m.code, m.root, m.name,
// m.plover, m.quad_class, m.goldstein, m.date, m.date_text, m.location,
// m.rule, m.confidence, m.tone (the event's own, its sentence's tone).
func (m *MentionRow) Dest() []any {
	e := &m.Event
	return []any{&m.Article, &e.ID, &e.Sentence, &m.Sentence.Start, &m.Sentence.End, &e.Span.Start, &e.Span.End,
		&e.Source.Text, &e.Source.Code, &e.Source.Country, &e.Source.Role, &e.Source.Span.Start, &e.Source.Span.End,
		&m.targetText, &m.targetCode, &m.targetCountry, &m.targetRole, &m.targetStart, &m.targetEnd,
		&e.Code, &e.Root, &e.Name, &e.Plover, &e.QuadClass, &e.Goldstein, &e.Date, &e.DateText, &m.location, &e.Rule, &e.Confidence, &e.Tone}
}

// Mention completes the scanned row: the target actor when it has one,
// the location decoded, and the evidence sentence's text, cut from doc's
// body when the caller has the article, else the text the query read.
func (m *MentionRow) Mention(doc *khaldun.Document, text string) (khaldun.Mention, error) {
	e := m.Event
	if doc != nil {
		text = Slice(doc.Article.Text, m.Sentence)
	}
	e.Text = text
	if m.targetText != nil {
		e.Target = &khaldun.Actor{Text: *m.targetText, Code: deref(m.targetCode), Country: deref(m.targetCountry),
			Role: deref(m.targetRole), Span: khaldun.Span{Start: deref(m.targetStart), End: deref(m.targetEnd)}}
	}
	if m.location != nil {
		l, err := Location(e.ID, *m.location)
		if err != nil {
			return khaldun.Mention{}, err
		}
		e.Location = l
	}
	return khaldun.Mention{Article: m.Article, Event: e}, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// The annotation rows: each function appends an empty annotation to d and
// returns the destinations of its columns, in the order both stores keep
// them. A failed scan leaves a partial annotation behind, so a caller
// drops d on error.

// EntityDest: text, type, start, end, actor.
func EntityDest(d *khaldun.Document) []any {
	d.Entities = append(d.Entities, khaldun.Entity{})
	x := &d.Entities[len(d.Entities)-1]
	return []any{&x.Text, &x.Type, &x.Span.Start, &x.Span.End, &x.Actor}
}

// PlaceDest: text, start, end, name, country, admin1, lat, lon, geonameid.
func PlaceDest(d *khaldun.Document) []any {
	d.Places = append(d.Places, khaldun.Place{})
	x := &d.Places[len(d.Places)-1]
	return []any{&x.Text, &x.Span.Start, &x.Span.End, &x.Name, &x.Country, &x.Admin1, &x.Lat, &x.Lon, &x.GeonameID}
}

// DateDest: text, start, end, value.
func DateDest(d *khaldun.Document) []any {
	d.Dates = append(d.Dates, khaldun.Date{})
	x := &d.Dates[len(d.Dates)-1]
	return []any{&x.Text, &x.Span.Start, &x.Span.End, &x.Value}
}

// QuoteDest: text, start, end, speaker, speaker actor.
func QuoteDest(d *khaldun.Document) []any {
	d.Quotes = append(d.Quotes, khaldun.Quote{})
	x := &d.Quotes[len(d.Quotes)-1]
	return []any{&x.Text, &x.Span.Start, &x.Span.End, &x.Speaker, &x.SpeakerActor}
}

// CountDest: the columns of CountFields.
func CountDest(d *khaldun.Document) []any {
	d.Counts = append(d.Counts, khaldun.Count{})
	return CountFields(&d.Counts[len(d.Counts)-1])
}

// CountFields gives the scan destinations of a count's columns, in the
// order both stores keep them and every count query (the article, the
// listing, the export) selects them: type, number, qualifier, object,
// start, end, agent, agent start, agent end (both NULL when the
// sentence names no agent), agent role.
func CountFields(x *khaldun.Count) []any {
	return []any{&x.Type, &x.Number, &x.Qualifier, &x.Object, &x.Span.Start, &x.Span.End,
		&x.Agent, agentEdge{x, false}, agentEdge{x, true}, &x.AgentRole}
}

// CountArgs gives the values of a count's agent columns, in CountFields'
// order, for an insert: NULL span ends when it has no agent span.
func CountArgs(x *khaldun.Count) (agent string, start, end *int, role string) {
	if x.AgentSpan != nil {
		start, end = &x.AgentSpan.Start, &x.AgentSpan.End
	}
	return x.Agent, start, end, x.AgentRole
}

// agentEdge scans one end of a count's agent span. Two columns fill one
// *Span, which a plain pointer destination cannot do; database/sql and
// pgx both hand a sql.Scanner the column's value (nil for NULL, an
// integer otherwise). The start is scanned first and always allocates a
// new span, so that a Count scanned twice never shares one.
type agentEdge struct {
	c   *khaldun.Count
	end bool
}

func (a agentEdge) Scan(src any) error {
	var n int64
	switch v := src.(type) {
	case nil:
		a.c.AgentSpan = nil
		return nil
	case int64:
		n = v
	case int32:
		n = int64(v)
	case int:
		n = int64(v)
	default:
		return fmt.Errorf("count agent span: unexpected %T", src)
	}
	switch {
	case !a.end:
		a.c.AgentSpan = &khaldun.Span{Start: int(n)}
	case a.c.AgentSpan == nil:
		// A damaged row with an end but no start: keep what is there.
		a.c.AgentSpan = &khaldun.Span{End: int(n)}
	default:
		a.c.AgentSpan.End = int(n)
	}
	return nil
}
