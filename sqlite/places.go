package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
)

const (
	defaultPlaces = 1000
	maxPlaces     = 10000
)

// Places counts the located events of the filter per place. A place is
// the whole gazetteer key (id, name, country, point), since countries and
// regions share GeoNames id 0. Events are few next to mentions, and the
// located ones fewer still (19k of 168k on the AllSides corpus), so the
// grouping runs over the events themselves: without a filter in one scan
// of the covering index events_places (migration 0009), which the GROUP BY
// names in its column order (bare columns: coalesce() would hide the
// order); with one on whatever index the filter's conditions choose.
func (s *Store) Places(ctx context.Context, f khaldun.PlaceFilter) ([]khaldun.PlaceCount, error) {
	conds, args, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("sqlite: places: %w", err)
	}
	conds = append(conds, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
	q := `SELECT coalesce(e.geonameid, 0), coalesce(e.loc_name, ''), coalesce(e.loc_country, ''), e.lat, e.lon,
			count(*), sum(e.num_mentions),
			sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4)
		FROM events e` + where(strings.Join(conds, " AND ")) + `
		GROUP BY e.geonameid, e.loc_name, e.loc_country, e.lat, e.lon
		ORDER BY 6 DESC, 7 DESC, 2, 3, 1, 4, 5 LIMIT ?`
	rows, err := s.read.QueryContext(ctx, q, append(args, listing.Limit(f.Limit, defaultPlaces, maxPlaces))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: places: %w", err)
	}
	defer rows.Close()
	out := []khaldun.PlaceCount{}
	for rows.Next() {
		var p khaldun.PlaceCount
		if err := rows.Scan(&p.GeonameID, &p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.Mentions,
			&p.ByQuad[0], &p.ByQuad[1], &p.ByQuad[2], &p.ByQuad[3]); err != nil {
			return nil, fmt.Errorf("sqlite: places: %w", err)
		}
		p.Place = khaldun.PlaceParam(p.GeonameID, p.Name, p.Country)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: places: %w", err)
	}
	return out, nil
}

// placeWhere is the condition of EventFilter.Place: a GeoNames id, or a
// name (any case) that, read as "name, CCC", may also carry the country.
func placeWhere(place string) (string, []any, error) {
	id, name, country, err := khaldun.ParsePlaceParam(place)
	switch {
	case err != nil:
		return "", nil, err
	case id != 0:
		return "e.geonameid = ?", []any{id}, nil
	case country != "":
		// Either reading: the name in that country, or a stored name that
		// itself ends in ", CCC".
		return "((e.loc_name = ? COLLATE NOCASE AND e.loc_country = ?) OR e.loc_name = ? COLLATE NOCASE)",
			[]any{name, country, place}, nil
	}
	return "e.loc_name = ? COLLATE NOCASE", []any{place}, nil
}
