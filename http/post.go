package http

import (
	"encoding/json"
	"errors"
	"io"
	nethttp "net/http"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/source"
)

// articleInput is the JSON Lines input record of `khaldun code`.
type articleInput struct {
	ID     string `json:"id"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// postArticle codes an article and stores it. Storing is idempotent, so a
// client retrying after a timeout gets the stored article back (200)
// instead of a second copy.
func (s *Server) postArticle(w nethttp.ResponseWriter, r *nethttp.Request) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return errorf(nethttp.StatusUnsupportedMediaType, "unsupported_media_type", "send application/json")
	}
	var in articleInput
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		var tooBig *nethttp.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return badRequest("body: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("body: one JSON object expected")
	}
	if strings.TrimSpace(in.Text) == "" {
		return badRequest("text: empty")
	}
	meta := khaldun.Article{ID: in.ID, URL: in.URL, Title: in.Title, Source: in.Source}
	if in.Date != "" {
		d, err := source.NormalizeDate(in.Date)
		if err != nil {
			return badRequest("date: %v", err)
		}
		meta.Published = d
	}
	doc, err := s.Pipeline.Process(r.Context(), khaldun.Input{Meta: meta, Body: []byte(in.Text)})
	if errors.Is(err, pipeline.ErrNoText) {
		return badRequest("text: nothing left after boilerplate removal")
	}
	if err != nil {
		return err
	}
	st, err := s.Store.Save(r.Context(), khaldun.Scored(doc, s.Dictionary, s.Version))
	if err != nil {
		return err
	}
	a, err := s.Store.Article(r.Context(), doc.Article.ID)
	if err != nil {
		return err
	}
	status := nethttp.StatusCreated
	if st.Articles == 0 {
		status = nethttp.StatusOK
	}
	w.Header().Set("Location", "/api/articles/"+doc.Article.ID)
	writeJSON(w, status, storedJSON(a))
	return nil
}
