package http

import (
	nethttp "net/http"
	"slices"

	"github.com/khaldun/khaldun"
)

// placeParams are the event filters and a limit. A map wants every place
// of the filter at once, not a page: places are far fewer than events
// (1,194 for the 168k events of the AllSides corpus), so the limit goes
// well above the listings' maxPageLimit.
var placeParams = append(slices.Clone(filterParams), "limit")

const (
	defaultPlaces = 1000
	maxPlaces     = 10000
)

// places answers GET /api/places: the located events of the filter
// counted per place, most events first, with each place's value of the
// place parameter so that a click on the map can filter to it.
func (s *Server) places(w nethttp.ResponseWriter, r *nethttp.Request) error {
	q := newQuery(r)
	f := khaldun.PlaceFilter{Filter: q.filter(), Limit: q.limit(defaultPlaces, maxPlaces)}
	if q.err != nil {
		return q.err
	}
	ps, err := s.Store.Places(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, nethttp.StatusOK, map[string]any{"places": ps})
	return nil
}
