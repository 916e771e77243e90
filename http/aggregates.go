package http

import (
	nethttp "net/http"

	"github.com/khaldun/khaldun"
)

func (s *Server) actors(w nethttp.ResponseWriter, r *nethttp.Request) error {
	q := newQuery(r)
	f := khaldun.ActorFilter{Query: q.text("q"), Limit: q.limit(50, maxPageLimit)}
	if q.err != nil {
		return q.err
	}
	as, err := s.Store.Actors(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, map[string]any{"actors": as})
	return nil
}

func (s *Server) timeseries(w nethttp.ResponseWriter, r *nethttp.Request) error {
	q := newQuery(r)
	f := khaldun.SeriesFilter{Filter: q.filter()}
	interval := q.choice("interval", "day", "week", "month")
	switch interval {
	case "", "day":
		interval, f.Interval = "day", khaldun.Day
	case "week":
		f.Interval = khaldun.Week
	case "month":
		f.Interval = khaldun.Month
	}
	if by := q.choice("by", "root", "quad", "none"); by != "none" {
		f.By = by
	}
	if q.err != nil {
		return q.err
	}
	pts, err := s.Store.Timeseries(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, map[string]any{"interval": interval, "by": f.By, "points": pts})
	return nil
}

func (s *Server) network(w nethttp.ResponseWriter, r *nethttp.Request) error {
	q := newQuery(r)
	f := khaldun.NetworkFilter{Filter: q.filter(), Limit: q.limit(100, maxPageLimit)}
	by := q.choice("by", "actor", "country")
	f.ByCountry = by == "country"
	if by == "" {
		by = "actor"
	}
	if q.err != nil {
		return q.err
	}
	ds, err := s.Store.Network(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, map[string]any{"by": by, "dyads": ds})
	return nil
}

func (s *Server) quotes(w nethttp.ResponseWriter, r *nethttp.Request) error {
	q := newQuery(r)
	f := khaldun.QuoteFilter{Speaker: q.text("speaker"), Actor: q.match("actor", actorCode, "an actor code prefix"),
		Text: q.text("q"), Cursor: q.v.Get("cursor"), Limit: q.limit(defaultPageLen, maxPageLimit)}
	f.From, f.To = q.dates()
	if q.err != nil {
		return q.err
	}
	page, err := s.Store.Quotes(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, page)
	return nil
}

func (s *Server) counts(w nethttp.ResponseWriter, r *nethttp.Request) error {
	q := newQuery(r)
	f := khaldun.CountFilter{Type: q.match("type", actorCode, "a count type such as killed"),
		Country: q.match("country", countryCode, "an ISO 3166-1 alpha-3 code"),
		Cursor:  q.v.Get("cursor"), Limit: q.limit(defaultPageLen, maxPageLimit)}
	f.From, f.To = q.dates()
	if q.err != nil {
		return q.err
	}
	page, err := s.Store.Counts(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, page)
	return nil
}
