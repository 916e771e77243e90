package http

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestPlaces(t *testing.T) {
	sp := loadSpec(t)
	_, ts := testServer(t, nil)
	tests := []struct {
		name, query string
		status      int
		want        []string // place parameters in order; or substrings of an error
	}{
		{"all, most events then mentions first", "", 200, []string{"geonames:2660646", "geonames:999001"}},
		{"quad class", "quad_class=4", 200, []string{"geonames:999001"}},
		{"actor", "actor=ATL", 200, []string{"geonames:2660646"}},
		{"limit", "limit=1", 200, []string{"geonames:2660646"}},
		{"place by name and country", "place=" + url.QueryEscape("klow, BOR"), 200, []string{"geonames:999001"}},
		{"nowhere", "actor=SYL", 200, nil},
		{"limit above the most", "limit=10001", 400, []string{"limit"}},
		{"id 0 is no id", "place=geonames:0", 400, []string{"GeoNames"}},
		{"bad bbox", "bbox=1,2", 400, []string{"bbox"}},
		{"listing parameter", "sort=mentions", 400, []string{"sort"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ts.URL + "/api/places"
			if tt.query != "" {
				u += "?" + tt.query
			}
			status, body := do(t, "GET", u, "", "")
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			sp.checkResponse(t, "GET", "/api/places", status, body)
			if status != 200 {
				for _, w := range tt.want {
					if !strings.Contains(string(body), w) {
						t.Errorf("error lacks %q: %s", w, body)
					}
				}
				return
			}
			var got struct{ Places []khaldun.PlaceCount }
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			var params []string
			for _, p := range got.Places {
				params = append(params, p.Place)
			}
			if strings.Join(params, " ") != strings.Join(tt.want, " ") {
				t.Errorf("places %v, want %v: %s", params, tt.want, body)
			}
		})
	}

	// The whole answer for the fixture, field by field as a client reads it.
	_, body := do(t, "GET", ts.URL+"/api/places", "", "")
	want := `{"places":[{"geonameid":2660646,"name":"Geneva","country":"CHE","lat":46.2,"lon":6.14,"events":1,"mentions":2,"by_quad_class":[1,0,0,0],"place":"geonames:2660646"},` +
		`{"geonameid":999001,"name":"Klow","country":"BOR","lat":44.1,"lon":20.5,"events":1,"mentions":1,"by_quad_class":[0,0,0,1],"place":"geonames:999001"}]}`
	if strings.TrimSpace(string(body)) != want {
		t.Errorf("got  %s\nwant %s", body, want)
	}

	// A click: the place value filters /api/events to that place's events.
	_, body = do(t, "GET", ts.URL+"/api/events?place="+url.QueryEscape("geonames:999001"), "", "")
	if !strings.Contains(string(body), `"name":"Klow"`) || strings.Contains(string(body), "Geneva") {
		t.Errorf("events at Klow: %s", body)
	}
}

// BenchmarkPlaces measures /api/places over the fixture store through
// the whole handler, with the answer cache (the dashboard's repeated
// first view) and without it (every request reaches the store).
func BenchmarkPlaces(b *testing.B) {
	for _, bc := range []struct {
		name  string
		bytes int64
	}{{"cache", 0}, {"nocache", -1}} {
		b.Run(bc.name, func(b *testing.B) {
			_, ts := testServer(b, func(s *Server) { s.CacheBytes = bc.bytes })
			for b.Loop() {
				if status, body := do(b, "GET", ts.URL+"/api/places?limit=5000", "", ""); status != 200 {
					b.Fatalf("status %d: %s", status, body)
				}
			}
		})
	}
}
