package export

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/gazetteer"
)

// GDELT 2.0 Events, written tab-separated without a header as GDELT's
// export files are, so that code reading those files reads these. The 61
// columns, in GDELT's order, and what khaldun puts in them:
//
//	 #  GDELT column             khaldun
//	 1  GlobalEventID            ExportEvent.Seq, the events table's integer key
//	 2  Day                      event date, YYYYMMDD (empty when undated)
//	 3  MonthYear                YYYYMM
//	 4  Year                     YYYY
//	 5  FractionDate             YYYY + ((month-1)*30 + day)/365, 4 decimals, as GDELT computes it
//	 6  Actor1Code               source actor code, e.g. USAGOV
//	 7  Actor1Name               source as written in the first mention, upper-cased as GDELT's names are
//	 8  Actor1CountryCode        source country, ISO 3166-1 alpha-3 (CAMEO country codes are ISO alpha-3 for states)
//	 9  Actor1KnownGroupCode     empty: khaldun does not code known groups apart from the actor code
//	10  Actor1EthnicCode         empty
//	11  Actor1Religion1Code      empty
//	12  Actor1Religion2Code      empty
//	13  Actor1Type1Code          source role, e.g. GOV, MIL, REB
//	14  Actor1Type2Code          empty
//	15  Actor1Type3Code          empty
//	16-25  Actor2...             the same ten for the target; all empty when there is none
//	26  IsRootEvent              1 when a mention is in its article's first paragraph
//	27  EventCode                CAMEO code, e.g. 0231
//	28  EventBaseCode            its first three digits
//	29  EventRootCode            its first two
//	30  QuadClass                1-4
//	31  GoldsteinScale           -10 to +10
//	32  NumMentions              coded events merged into this one
//	33  NumSources               independent outlets (a near-duplicate counts as the outlet it copies)
//	34  NumArticles              articles
//	35  AvgTone                  mean article tone, -100 to +100; empty when no tone stage ran
//	36-43  Actor1Geo_*           empty (Type 0): khaldun locates events, not actors
//	44-51  Actor2Geo_*           empty (Type 0)
//	52  ActionGeo_Type           1 country, 2 US state, 3 US city, 4 world city, 5 world state
//	53  ActionGeo_FullName       "place, region, country" as GDELT writes it, names from the gazetteer
//	54  ActionGeo_CountryCode    FIPS 10-4, from the ISO alpha-3 of the place (fips.go)
//	55  ActionGeo_ADM1Code       FIPS country + ISO 3166-2 subdivision code: equal to GDELT's for US
//	                             states (USTX), not elsewhere, where GDELT uses FIPS subdivision codes
//	56  ActionGeo_ADM2Code       empty
//	57  ActionGeo_Lat            latitude
//	58  ActionGeo_Long           longitude
//	59  ActionGeo_FeatureID      GeoNames id of a city (GDELT: GNS/GNIS feature id); the FIPS code of a country, as GDELT
//	60  DATEADDED                when the first mentioning article was stored, YYYYMMDDHHMMSS UTC
//	61  SOURCEURL                the URL of the first mentioning article
var gdeltEventColumns = func() []Column {
	cols := []Column{{"GlobalEventID", Int, false}, {"Day", Int, true}, {"MonthYear", Int, true},
		{"Year", Int, true}, {"FractionDate", Float, true}}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, f := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
			"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			cols = append(cols, Column{a + f, String, true})
		}
	}
	cols = append(cols, Column{"IsRootEvent", Int, false}, Column{"EventCode", String, false},
		Column{"EventBaseCode", String, false}, Column{"EventRootCode", String, false},
		Column{"QuadClass", Int, false}, Column{"GoldsteinScale", Float, false},
		Column{"NumMentions", Int, false}, Column{"NumSources", Int, false}, Column{"NumArticles", Int, false},
		Column{"AvgTone", Float, true})
	for _, g := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		cols = append(cols, Column{g + "Type", Int, false}, Column{g + "FullName", String, true},
			Column{g + "CountryCode", String, true}, Column{g + "ADM1Code", String, true},
			Column{g + "ADM2Code", String, true}, Column{g + "Lat", Float, true},
			Column{g + "Long", Float, true}, Column{g + "FeatureID", String, true})
	}
	return append(cols, Column{"DATEADDED", Int, false}, Column{"SOURCEURL", String, false})
}()

// gdeltEvents fills the GDELT columns; g spells out the place names of
// ActionGeo_FullName and may be nil, leaving the codes.
func gdeltEvents(g *gazetteer.Gazetteer) table[khaldun.ExportEvent] {
	return table[khaldun.ExportEvent]{gdeltEventColumns, func(e *khaldun.ExportEvent, r []Cell) { fillGDELTEvent(g, e, r) }}
}

func fillGDELTEvent(g *gazetteer.Gazetteer, e *khaldun.ExportEvent, r []Cell) {
	for i := range r {
		r[i] = null
	}
	r[0] = num(e.Seq)
	if d, err := time.Parse(time.DateOnly, e.Date); err == nil {
		y, m, day := d.Date()
		r[1], r[2], r[3] = num(int64(y*10000+int(m)*100+day)), num(int64(y*100+int(m))), num(int64(y))
		r[4] = flt(math.Round((float64(y)+float64((int(m)-1)*30+day)/365)*1e4) / 1e4)
	}
	gdeltActor(r[5:15], e.Source, e.SourceText)
	if e.Target != nil {
		gdeltActor(r[15:25], *e.Target, e.TargetText)
	}
	base := e.Code
	if len(base) > 3 {
		base = base[:3]
	}
	r[25], r[26], r[27], r[28] = num(b2i(e.InLead)), str(e.Code), str(base), str(e.Root)
	r[29], r[30] = num(int64(e.QuadClass)), flt(e.Goldstein)
	r[31], r[32], r[33] = num(int64(e.NumMentions)), num(int64(e.NumSources)), num(int64(e.NumArticles))
	r[34] = optFloat(e.AvgTone)
	r[35], r[43] = num(0), num(0)
	gdeltGeo(g, r[51:59], e.Location)
	r[59], r[60] = num(atoi(compact(e.Added))), str(e.URL)
}

func gdeltActor(r []Cell, a khaldun.ActorRef, name string) {
	r[0], r[1], r[2], r[7] = optStr(a.Code), optStr(strings.ToUpper(name)), optStr(a.Country), optStr(a.Role)
}

// gdeltGeo fills the eight Geo fields. The gazetteer has no feature class
// on a Location, but its shape tells: countries and subdivisions have no
// GeoNames id, subdivisions an admin1 code, cities both.
func gdeltGeo(g *gazetteer.Gazetteer, r []Cell, l *khaldun.Location) {
	r[0] = num(0)
	if l == nil {
		return
	}
	us := l.Country == "USA"
	fips := fipsOf(l.Country)
	var typ int64
	switch {
	case l.Country == "": // a continent or sea: GDELT has no type for it
	case l.GeonameID == 0 && l.Admin1 == "":
		typ = 1
	case l.GeonameID == 0 && us:
		typ = 2
	case l.GeonameID == 0:
		typ = 5
	case us:
		typ = 3
	default:
		typ = 4
	}
	region, country := l.Admin1, l.Country
	if g != nil {
		if x := g.Region(l.Country, l.Admin1); l.Admin1 != "" && x != nil {
			region = x.Name
		}
		if x := g.Country(l.Country); x != nil {
			country = x.Name
		}
	}
	var full []string
	for _, s := range []string{l.Name, region, country} {
		if s != "" && (len(full) == 0 || full[len(full)-1] != s) {
			full = append(full, s)
		}
	}
	r[0], r[1], r[2] = num(typ), optStr(strings.Join(full, ", ")), optStr(fips)
	if l.Admin1 != "" && fips != "" {
		r[3] = str(fips + l.Admin1)
	}
	r[5], r[6] = flt(l.Lat), flt(l.Lon)
	switch {
	case l.GeonameID != 0:
		r[7] = str(fmt.Sprint(l.GeonameID))
	case typ == 1:
		r[7] = optStr(fips)
	}
}

func atoi(s string) int64 {
	var n int64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int64(c-'0')
	}
	return n
}
