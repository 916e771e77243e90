package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/khaldun/khaldun"
)

// at is a location found at the start of the fixture bodies' first
// sentence; places resolved to a country or region have id 0.
func at(name, country string, id int, lat, lon float64) *khaldun.Location {
	return &khaldun.Location{Text: name, Name: name, Country: country, Lat: lat, Lon: lon, GeonameID: id,
		Span: khaldun.Span{Start: 41, End: 47}}
}

// placesWorld holds located events at four places, two of them named
// Georgia with GeoNames id 0 (the country and the US state), one whose
// stored name itself ends in ", USA", and an unlocated event.
//
//	Geneva (2660646)   040 USAGOV→RUSGOV, mentioned by a and b; 193 IRNMIL→USAGOV (quad 4)
//	Georgia, GEO       040 RUSGOV→GEOGOV
//	Georgia, USA       112 USAGOV (quad 3)
//	Springfield, USA   040 CHNGOV→USAGOV
func placesWorld(t *testing.T, open func(*testing.T) Store) Store {
	t.Helper()
	s := open(t)
	g1 := meet("USAGOV", "RUSGOV", "2024-04-30")
	g1.Location = geneva
	g2 := meet("IRNMIL", "USAGOV", "2024-05-10")
	g2.Code, g2.Root, g2.Name, g2.Plover, g2.QuadClass, g2.Goldstein = "193", "19", "Fight with small arms", "ASSAULT", 4, -6.5
	g2.Location = geneva
	c1 := meet("RUSGOV", "GEOGOV", "2024-04-29")
	c1.Location = at("Georgia", "GEO", 0, 42, 43.5)
	s1 := meet("USAGOV", "", "2024-05-02")
	s1.Code, s1.Root, s1.Name, s1.Plover, s1.QuadClass, s1.Goldstein = "112", "11", "Accuse", "ACCUSE", 3, -2
	s1.Location = at("Georgia", "USA", 0, 32.9, -83.3)
	w1 := meet("CHNGOV", "USAGOV", "2024-05-03")
	w1.Location = at("Springfield, USA", "USA", 0, 39.8, -89.6)
	u := meet("FRAGOV", "", "2024-03-01")
	save(t, s, coded("a", "Wire", "2024-05-01", talks, g1, g2, c1, u))
	save(t, s, coded("b", "Daily", "2024-05-11", protest, g1, s1, w1))
	check(t, s)
	return s
}

func place(name, country string, id int, lat, lon float64, events, mentions int64, quads [4]int64) khaldun.PlaceCount {
	return khaldun.PlaceCount{GeonameID: id, Name: name, Country: country, Lat: lat, Lon: lon, Events: events,
		Mentions: mentions, ByQuad: quads, Place: khaldun.PlaceParam(id, name, country)}
}

func testPlaces(t *testing.T, open func(*testing.T) Store) {
	s, ctx := placesWorld(t, open), context.Background()
	var (
		genevaAll  = place("Geneva", "CHE", 2660646, 46.2, 6.1, 2, 3, [4]int64{1, 0, 0, 1})
		genevaQ1   = place("Geneva", "CHE", 2660646, 46.2, 6.1, 1, 2, [4]int64{1, 0, 0, 0})
		georgia    = place("Georgia", "GEO", 0, 42, 43.5, 1, 1, [4]int64{1, 0, 0, 0})
		georgiaUSA = place("Georgia", "USA", 0, 32.9, -83.3, 1, 1, [4]int64{0, 0, 1, 0})
		spring     = place("Springfield, USA", "USA", 0, 39.8, -89.6, 1, 1, [4]int64{1, 0, 0, 0})
	)
	tests := []struct {
		name string
		f    khaldun.PlaceFilter
		want []khaldun.PlaceCount
	}{
		{"all, most events first, then mentions, name, country", khaldun.PlaceFilter{},
			[]khaldun.PlaceCount{genevaAll, georgia, georgiaUSA, spring}},
		{"limit", khaldun.PlaceFilter{Limit: 2}, []khaldun.PlaceCount{genevaAll, georgia}},
		{"quad class", khaldun.PlaceFilter{Filter: khaldun.EventFilter{QuadClass: 1}}, []khaldun.PlaceCount{genevaQ1, georgia, spring}},
		{"actor", khaldun.PlaceFilter{Filter: khaldun.EventFilter{Actor: "CHN"}}, []khaldun.PlaceCount{spring}},
		{"bbox", khaldun.PlaceFilter{Filter: khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: 40, MinLon: 0, MaxLat: 50, MaxLon: 10}}},
			[]khaldun.PlaceCount{genevaAll}},
		{"place by name joins both Georgias", khaldun.PlaceFilter{Filter: khaldun.EventFilter{Place: "georgia"}},
			[]khaldun.PlaceCount{georgia, georgiaUSA}},
		{"place by name and country", khaldun.PlaceFilter{Filter: khaldun.EventFilter{Place: "Georgia, USA"}},
			[]khaldun.PlaceCount{georgiaUSA}},
		{"a stored name ending in a country", khaldun.PlaceFilter{Filter: khaldun.EventFilter{Place: "springfield, USA"}},
			[]khaldun.PlaceCount{spring}},
		{"nothing", khaldun.PlaceFilter{Filter: khaldun.EventFilter{Country: "DEU"}}, []khaldun.PlaceCount{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Places(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v,\nwant %+v", got, tt.want)
			}
		})
	}

	// A click on a place filters the events to it: each place's Place
	// selects exactly its events, the two Georgias apart.
	all, err := s.Places(ctx, khaldun.PlaceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		page, err := s.Events(ctx, khaldun.EventFilter{Place: p.Place})
		if err != nil {
			t.Fatalf("place %q: %v", p.Place, err)
		}
		if int64(len(page.Events)) != p.Events {
			t.Errorf("place %q selects %d events, the place counts %d", p.Place, len(page.Events), p.Events)
		}
		for _, e := range page.Events {
			if l := e.Location; l == nil || l.Name != p.Name || l.Country != p.Country || l.GeonameID != p.GeonameID {
				t.Errorf("place %q selects event %s at %+v", p.Place, e.ID, l)
			}
		}
	}

	for _, bad := range []khaldun.EventFilter{{Place: "geonames:x"}, {Place: "geonames:0"}, {Side: 9},
		{BBox: &khaldun.BBox{MinLat: 10, MaxLat: 0}}} {
		if _, err := s.Places(ctx, khaldun.PlaceFilter{Filter: bad}); !errors.Is(err, khaldun.ErrInvalid) {
			t.Errorf("filter %+v: %v, want ErrInvalid", bad, err)
		}
	}
}
