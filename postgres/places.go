package postgres

import (
	"context"
	"fmt"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/listing"
)

const (
	defaultPlaces = 1000
	maxPlaces     = 10000
)

// Places counts the located events of the filter per place, keyed by the
// whole gazetteer entry (id, name, country, point): countries and regions
// share GeoNames id 0. Names sort by bytes (COLLATE "C") so that ties list
// as in the sqlite store.
func (s *Store) Places(ctx context.Context, f khaldun.PlaceFilter) ([]khaldun.PlaceCount, error) {
	q, err := eventWhere(f.Filter)
	if err != nil {
		return nil, fmt.Errorf("postgres: places: %w", err)
	}
	q.conds = append(q.conds, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
	sql := fmt.Sprintf(`SELECT coalesce(e.geonameid, 0), coalesce(e.loc_name, '') COLLATE "C", coalesce(e.loc_country, '') COLLATE "C",
			e.lat, e.lon, count(*), sum(e.num_mentions)::bigint,
			count(*) FILTER (WHERE e.quad_class = 1), count(*) FILTER (WHERE e.quad_class = 2),
			count(*) FILTER (WHERE e.quad_class = 3), count(*) FILTER (WHERE e.quad_class = 4)
		FROM events e%s
		GROUP BY 1, 2, 3, 4, 5
		ORDER BY 6 DESC, 7 DESC, 2, 3, 1, 4, 5 LIMIT %d`, q.where(), listing.Limit(f.Limit, defaultPlaces, maxPlaces))
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: places: %w", err)
	}
	defer rows.Close()
	out := []khaldun.PlaceCount{}
	for rows.Next() {
		var p khaldun.PlaceCount
		var id int64
		if err := rows.Scan(&id, &p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.Mentions,
			&p.ByQuad[0], &p.ByQuad[1], &p.ByQuad[2], &p.ByQuad[3]); err != nil {
			return nil, fmt.Errorf("postgres: places: %w", err)
		}
		p.GeonameID = int(id)
		p.Place = khaldun.PlaceParam(p.GeonameID, p.Name, p.Country)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: places: %w", err)
	}
	return out, nil
}

// place adds the condition of EventFilter.Place: a GeoNames id, or a name
// (any case) that, read as "name, CCC", may also carry the country.
func (q *query) place(place string) error {
	id, name, country, err := khaldun.ParsePlaceParam(place)
	switch {
	case err != nil:
		return err
	case id != 0:
		q.add("e.geonameid = %s", id)
	case country != "":
		// Either reading: the name in that country, or a stored name that
		// itself ends in ", CCC".
		q.add("((lower(e.loc_name) = lower(%s) AND e.loc_country = %s) OR lower(e.loc_name) = lower(%s))", name, country, place)
	default:
		q.add("lower(e.loc_name) = lower(%s)", place)
	}
	return nil
}
