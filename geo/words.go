package geo

// Word lists written for khaldun. Keys are lower case.

// locative prepositions put a place in a clause as where something happens;
// "from" and "to" do not (origin and destination), so they are cues for
// recognition but not for Attach.
// "on", "between" and "toward(s)" are left out: before a place name in news
// they nearly always mark whom an act is aimed at ("an air strike on Gaza",
// "called on Israel", "talks between Kyiv and Moscow"), not where it was.
var locative = set("in", "near", "at", "outside", "inside", "across", "around", "throughout", "within", "into", "off", "over", "beyond", "along")

// cues are the words before a name that make a small town worth reading as
// a place.
var cues = set("in", "near", "at", "outside", "inside", "across", "around", "throughout", "within", "into",
	"from", "to", "towards", "toward", "via", "between", "of", "off", "along", "beyond", "visit", "visited", "visiting", "entered", "reached", "left")

// never are capitalised words that name towns somewhere but in news are
// something else whatever the context: calendar words, institutions
// ("in March" is a month, "Police" a town in Poland).
var never = set(
	"police", "aid", "commission", "court", "council", "ministry", "minister", "president", "prime", "king",
	"queen", "prince", "general", "army", "navy", "government", "parliament", "congress", "senate", "party",
	"university", "hospital", "airport", "church", "mosque", "office", "union", "bank", "news", "post",
	"times", "press", "media", "security", "state", "national", "federal", "central", "public", "justice",
	"democrat", "democrats", "republican", "republicans", "liberal", "labour", "labor", "reform",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
	"march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"god", "allah", "christ", "jesus", "islam", "internet", "twitter", "facebook", "google", "reuters",
	"mr", "mrs", "ms", "dr", "sir", "lord", "saint", "st", "mount", "lake", "river", "sea", "bay", "beach",
	"island", "valley", "hill", "hills", "park", "city", "town", "village", "county", "district", "province",
	"region", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "centre",
	"center", "world", "earth", "moon", "sun", "opposition", "rebels", "forces", "troops", "islamic",
	"muslim", "christian", "jewish", "arab", "sunni", "shia", "shiite", "catholic", "orthodox", "english",
	"latin", "ocean", "date", "time", "day", "week", "year", "mission", "operation", "project", "program",
	"plan", "deal", "summit", "conference", "forum", "committee", "agency", "department", "service",
	"services", "group", "company", "corporation", "inc", "ltd", "club", "team", "league", "cup", "games",
	"olympic", "olympics", "tv", "radio", "daily", "herald", "tribune", "journal", "gazette", "telegraph",
	"guardian", "globe", "star", "sentinel", "observer", "chronicle", "examiner", "mail", "express",
	"mirror", "independent", "ok", "us", "i", "a", "it", "one", "republic", "eu", "un", "nato", "asean", "opec", "white house", "notre dame", "el niño", "el nino",
	"commerce", "zara", "enterprise", "crystal", "cadillac", "college", "kremlin", "pentagon", "new", "old", "man", "people",
	"home", "best", "good", "young", "early", "late", "hope", "liberty", "unity", "progress", "victory",
	"independence", "friendship", "eagle", "lion", "tiger", "wolf", "bear", "fort", "camp", "port",
)

// needsCue are names of real places that are more often a person, a firm
// or a word: they fire only after a locative preposition or in a
// "Town, State" pattern ("in Lincoln", "Mobile, Ala.").
var needsCue = set(
	"trump", "obama", "biden", "clinton", "bush", "putin", "johnson", "wilson", "jackson", "lincoln",
	"franklin", "jefferson", "madison", "hamilton", "marshall", "ford", "chase", "mobile", "orange",
	"reading", "split", "bath", "buffalo", "apple", "amazon", "bar", "green", "nice", "victoria",
	"florence", "charlotte", "austin", "regina", "elizabeth", "columbia", "aurora", "hollywood", "wall",
	"arsenal", "chelsea", "real", "galaxy", "santos", "mercedes", "troy", "hope", "temple",
)

// titles before a name make it a person ("President Jordan", "Mr Kent").
var titles = set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister", "senator", "sen.",
	"rep.", "gov.", "governor", "mayor", "general", "gen.", "king", "queen", "prince", "princess", "pope",
	"sheikh", "judge", "justice", "lord", "lady", "sir", "chancellor", "secretary", "spokesman", "spokeswoman", "coach")

// neighbours may follow a place name without making it part of another
// name: "in Paris Monday", "Gaza Strip" is matched before this applies.
var neighbours = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "on", "in", "and", "or", "but", "the")

// directions may precede a place name without making it part of another
// name ("eastern Aleppo", "Greater Cairo").
var directions = set("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"northeastern", "northwestern", "southeastern", "southwestern", "greater", "upper", "lower", "downtown", "suburban", "rural")

// suffixes of one-token compounds that hold a place: "Paris-based",
// "U.S.-led", "Gaza-bound".
var suffixes = set("based", "born", "led", "backed", "bound", "controlled", "held", "run", "area", "wide", "registered", "headquartered")

// connectors may sit inside a multi-word name ("Bosnia and Herzegovina",
// "Rio de Janeiro", "Ras al Ain").
var connectors = set("of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "and", "&", "y", "e", "upon", "on", "the", "du", "des", "van", "von", "bin", "ibn", "-", "'s")

// usAbbrev maps the AP abbreviations of US states to their codes, for
// "Long Beach, Calif." (postal codes such as "CA" are codes already).
var usAbbrev = map[string]string{
	"ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT", "del.": "DE",
	"fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "kans.": "KS", "ky.": "KY", "la.": "LA",
	"md.": "MD", "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT",
	"neb.": "NE", "nebr.": "NE", "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY",
	"n.c.": "NC", "n.d.": "ND", "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC",
	"s.d.": "SD", "tenn.": "TN", "tex.": "TX", "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV",
	"wis.": "WI", "wyo.": "WY", "d.c.": "DC",
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
