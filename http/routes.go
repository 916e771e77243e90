package http

import (
	_ "embed"
	"encoding/json"
	nethttp "net/http"

	"github.com/khaldun/khaldun"
)

// route is one operation of the API. The table is the single list the mux
// is built from and the OpenAPI test compares with openapi.json.
type route struct {
	method string
	path   string   // as in openapi.json, with {name} wildcards
	params []string // query parameters; any other is refused
	write  bool
	stream bool // a file of any size, not a JSON answer to cache
	handle func(nethttp.ResponseWriter, *nethttp.Request) error
	cache  *answerCache // set by Handler for the read routes
}

func (s *Server) routes() []route {
	return []route{
		{method: "GET", path: "/api/events", params: eventParams, handle: s.events},
		{method: "GET", path: "/api/events/{id}", handle: s.event},
		{method: "GET", path: "/api/articles/{id}", handle: s.article},
		{method: "POST", path: "/api/articles", write: true, handle: s.postArticle},
		{method: "GET", path: "/api/actors", params: actorParams, handle: s.actors},
		{method: "GET", path: "/api/timeseries", params: seriesParams, handle: s.timeseries},
		{method: "GET", path: "/api/network", params: networkParams, handle: s.network},
		{method: "GET", path: "/api/places", params: placeParams, handle: s.places},
		{method: "GET", path: "/api/quotes", params: quoteParams, handle: s.quotes},
		{method: "GET", path: "/api/counts", params: countParams, handle: s.counts},
		{method: "GET", path: "/api/export", params: exportParams, stream: true, handle: s.export},
		{method: "GET", path: "/api/stats", handle: s.stats},
		{method: "GET", path: "/api/openapi.json", handle: s.openapi},
	}
}

//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(w nethttp.ResponseWriter, _ *nethttp.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openapiJSON)
	return err
}

// Spec returns the OpenAPI description, for tools that generate clients.
func Spec() json.RawMessage { return openapiJSON }

func (s *Server) stats(w nethttp.ResponseWriter, r *nethttp.Request) error {
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, map[string]int64{"articles": st.Articles, "mentions": st.Mentions,
		"events": st.Events, "duplicates": st.Duplicates})
	return nil
}

func (s *Server) events(w nethttp.ResponseWriter, r *nethttp.Request) error {
	q := newQuery(r)
	f := q.filter()
	f.Article = q.text("article")
	f.Cursor = q.v.Get("cursor")
	f.Limit = q.limit(defaultPageLen, maxPageLimit)
	if q.choice("sort", "date", "mentions") == "mentions" {
		f.Sort = khaldun.ByMentions
	}
	if q.err != nil {
		return q.err
	}
	page, err := s.Store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, page)
	return nil
}

// mentionJSON is a mention as the API shows it: the coded event with spans
// in the article body, plus the same spans within the evidence sentence
// for a client that shows only the sentence.
type mentionJSON struct {
	Article  khaldun.ArticleRef `json:"article"`
	Event    khaldun.Event      `json:"event"`
	Sentence sentenceJSON       `json:"sentence"`
}

type sentenceJSON struct {
	Span     khaldun.Span  `json:"span"`
	Text     string        `json:"text"`
	Evidence khaldun.Span  `json:"evidence"`
	Source   khaldun.Span  `json:"source"`
	Target   *khaldun.Span `json:"target"`
}

func (s *Server) event(w nethttp.ResponseWriter, r *nethttp.Request) error {
	d, err := s.Store.EventDetail(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := struct {
		Event    khaldun.AggregateEvent `json:"event"`
		Mentions []mentionJSON          `json:"mentions"`
	}{d.Event, make([]mentionJSON, 0, len(d.Mentions))}
	for _, m := range d.Mentions {
		in := func(sp khaldun.Span) khaldun.Span {
			return khaldun.Span{Start: sp.Start - m.Sentence.Start, End: sp.End - m.Sentence.Start}
		}
		sj := sentenceJSON{Span: m.Sentence, Text: m.Event.Text, Evidence: in(m.Event.Span), Source: in(m.Event.Source.Span)}
		if t := m.Event.Target; t != nil {
			sp := in(t.Span)
			sj.Target = &sp
		}
		out.Mentions = append(out.Mentions, mentionJSON{m.Article, m.Event, sj})
	}
	writeJSON(w, nethttp.StatusOK, out)
	return nil
}

func (s *Server) article(w nethttp.ResponseWriter, r *nethttp.Request) error {
	a, err := s.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, storedJSON(a))
	return nil
}

// articleJSON is a stored article: the document as `khaldun code` writes
// it, with its body, and what the store knows about it.
type articleJSON struct {
	Document    *khaldun.Document       `json:"document"`
	Dictionary  string                  `json:"dictionary"`
	Pipeline    string                  `json:"pipeline"`
	Ingested    string                  `json:"ingested"`
	DuplicateOf string                  `json:"duplicate_of"`
	Duplicates  []khaldun.DuplicateLink `json:"duplicates"`
}

func storedJSON(a *khaldun.StoredArticle) articleJSON {
	dups := a.Duplicates
	if dups == nil {
		dups = []khaldun.DuplicateLink{}
	}
	return articleJSON{a.Doc, a.Dictionary, a.Pipeline, a.Ingested, a.DuplicateOf, dups}
}
