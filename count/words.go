package count

// The word lists are small and closed: a count is only as trustworthy as
// the trigger that types it, so lists err on the side of missing a count.

// after holds triggers that follow the number ("40 were killed"), keyed by
// their first word; a trigger of several words lists the words after it.
var after = map[string][]trigger{
	"killed":       {{typ: "KILL"}},
	"dead":         {{typ: "KILL"}},
	"died":         {{typ: "KILL"}},
	"die":          {{typ: "KILL"}},
	"perished":     {{typ: "KILL"}},
	"slain":        {{typ: "KILL"}},
	"murdered":     {{typ: "KILL"}},
	"massacred":    {{typ: "KILL"}},
	"lynched":      {{typ: "KILL"}},
	"drowned":      {{typ: "KILL"}},
	"succumbed":    {{typ: "KILL"}},
	"executed":     {{typ: "KILL"}},
	"shot":         {{typ: "KILL", rest: []string{"dead"}}, {typ: "WOUND", rest: []string{"and", "injured"}}},
	"gunned":       {{typ: "KILL", rest: []string{"down"}}},
	"burnt":        {{typ: "KILL", rest: []string{"alive"}}, {typ: "KILL", rest: []string{"to", "death"}}},
	"burned":       {{typ: "KILL", rest: []string{"alive"}}, {typ: "KILL", rest: []string{"to", "death"}}},
	"charred":      {{typ: "KILL", rest: []string{"to", "death"}}},
	"stabbed":      {{typ: "KILL", rest: []string{"to", "death"}}},
	"hacked":       {{typ: "KILL", rest: []string{"to", "death"}}},
	"beaten":       {{typ: "KILL", rest: []string{"to", "death"}}},
	"lost":         {{typ: "KILL", rest: []string{"their", "lives"}}, {typ: "KILL", rest: []string{"lives"}}},
	"injured":      {{typ: "WOUND"}},
	"wounded":      {{typ: "WOUND"}},
	"hurt":         {{typ: "WOUND"}},
	"sustained":    {{typ: "WOUND", rest: []string{"injuries"}}},
	"suffered":     {{typ: "WOUND", rest: []string{"injuries"}}},
	"missing":      {{typ: "MISSING"}},
	"unaccounted":  {{typ: "MISSING", rest: []string{"for"}}},
	"went":         {{typ: "MISSING", rest: []string{"missing"}}},
	"arrested":     {{typ: "ARREST"}},
	"nabbed":       {{typ: "ARREST"}},
	"apprehended":  {{typ: "ARREST"}},
	"held":         {{typ: "ARREST", needAux: true}},
	"taken":        {{typ: "ARREST", rest: []string{"into", "custody"}}, {typ: "KIDNAP", rest: []string{"hostage"}}},
	"rounded":      {{typ: "ARREST", rest: []string{"up"}}},
	"detained":     {{typ: "DETAIN"}},
	"booked":       {{typ: "ARREST", needAux: true}},
	"picked":       {{typ: "ARREST", rest: []string{"up"}, needAux: true}},
	"abducted":     {{typ: "KIDNAP"}},
	"kidnapped":    {{typ: "KIDNAP"}},
	"kidnaped":     {{typ: "KIDNAP"}},
	"displaced":    {{typ: "DISPLACE"}},
	"fled":         {{typ: "DISPLACE"}},
	"homeless":     {{typ: "DISPLACE"}},
	"rendered":     {{typ: "DISPLACE", rest: []string{"homeless"}}},
	"evacuated":    {{typ: "EVACUATE"}},
	"rallied":      {{typ: "PROTEST_SIZE"}},
	"protested":    {{typ: "PROTEST_SIZE"}},
	"demonstrated": {{typ: "PROTEST_SIZE"}},
	"marched":      {{typ: "PROTEST_SIZE"}},
	"took":         {{typ: "PROTEST_SIZE", rest: []string{"to", "the", "streets"}}},
}

// before holds triggers that precede the number ("killing two"); the
// number must follow the trigger at once (after its qualifier).
var before = map[string]string{
	"killing": "KILL", "killed": "KILL", "kill": "KILL", "kills": "KILL",
	"massacred": "KILL", "murdered": "KILL", "executed": "KILL", "murdering": "KILL",
	"injuring": "WOUND", "injured": "WOUND", "wounding": "WOUND", "wounded": "WOUND", "injures": "WOUND",
	"arrested": "ARREST", "arresting": "ARREST", "arrest": "ARREST", "arrests": "ARREST", "nabbed": "ARREST",
	"detained": "DETAIN", "detaining": "DETAIN",
	"abducted": "KIDNAP", "abducting": "KIDNAP", "kidnapped": "KIDNAP", "kidnapping": "KIDNAP",
	"displacing": "DISPLACE", "displaced": "DISPLACE",
	"evacuated": "EVACUATE", "evacuating": "EVACUATE",
}

// before2 are two-word triggers before the number ("shot dead 98").
var before2 = map[[2]string]string{
	{"shot", "dead"}: "KILL", {"gunned", "down"}: "KILL", {"picked", "up"}: "ARREST", {"rounded", "up"}: "ARREST",
}

// nouns type a count by its head noun ("77 deaths", "5,000 protesters").
// A noun that names the event rather than the people ("deaths") leaves the
// object empty.
var nouns = map[string]struct {
	typ   string
	event bool
}{
	"death": {"KILL", true}, "fatality": {"KILL", true}, "body": {"KILL", false}, "corpse": {"KILL", false},
	"arrest": {"ARREST", true}, "detention": {"DETAIN", true},
	"hostage": {"KIDNAP", false}, "refugee": {"REFUGEE", false},
	"protester": {"PROTEST_SIZE", false}, "protestor": {"PROTEST_SIZE", false},
	"demonstrator": {"PROTEST_SIZE", false}, "marcher": {"PROTEST_SIZE", false},
}

// aux may stand between the object and a trailing trigger.
var aux = set(
	"was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "got", "get", "who",
	"that", "which", "reportedly", "allegedly", "also", "all", "so", "far", "now", "already",
	"seriously", "critically", "grievously", "severely", "badly", "fatally", "mortally", "slightly",
	"either", "later", "feared", "believed", "to", "said", "reported", "confirmed", "officially",
	"still", "remain", "remained", "remains", "subsequently", "eventually", "just", "each", "both",
	"too", "since", "then", "yet")

// person nouns make "a"/"an"/"another" a count of one.
var persons = set("man", "woman", "person", "boy", "girl", "child", "youth", "youngster", "teenager",
	"policeman", "policewoman", "constable", "officer", "soldier", "jawan", "civilian", "resident",
	"worker", "activist", "student", "farmer", "journalist", "reporter", "villager", "passenger",
	"pilgrim", "militant", "terrorist", "rioter", "protester", "demonstrator", "trader", "shopkeeper",
	"driver", "labourer", "laborer", "guard", "watchman", "priest", "leader", "suspect", "gunman",
	"victim", "infant", "baby", "minor", "citizen", "tourist", "doctor", "nurse", "teacher", "pedestrian",
	"fighter", "rebel", "insurgent", "militiaman", "settler", "refugee", "prisoner", "inmate", "bystander",
	"member", "supporter", "devotee", "brother", "sister", "son", "daughter", "father", "mother",
	"husband", "wife", "official", "employee", "cop", "trooper", "marine", "guerrilla", "sevak", "volunteer", "businessman", "lawyer")

// things are head nouns of numbers that are not people: "fired 15 rounds",
// "12 days", "40 km".
var things = set("round", "shell", "bullet", "cartridge", "house", "home", "shop", "vehicle", "car", "bus",
	"truck", "km", "kms", "kilometre", "kilometer", "mile", "metre", "meter", "kg", "tonne", "ton", "acre",
	"hectare", "hour", "minute", "second", "day", "week", "month", "year", "decade", "time", "percent",
	"cent", "%", "rupee", "rs", "dollar", "euro", "pound", "yen", "crore", "lakh", "per", "case", "incident",
	"complaint", "fir", "village", "district", "state", "area", "place", "locality", "town", "city",
	"building", "hut", "hutment", "cabin", "structure", "shelter", "camp", "weapon", "gun", "rifle", "bomb",
	"grenade", "pistol", "revolver", "sword", "point", "vote", "seat", "mark", "page", "section", "clause",
	"storey", "floor", "room", "bed", "ward", "am", "pm", "o'clock", "hrs", "gram", "litre", "liter",
	"question", "item", "tear-gas", "teargas", "canister", "column", "company", "battalion", "platoon",
	"contingent", "team", "unit", "brigade", "stone", "shot", "attack", "blast", "explosion", "clash", "riot")

// refs precede a number that names rather than counts: "section 144".
var refs = set("page", "section", "article", "no", "no.", "number", "room", "platform", "ward", "sector",
	"chapter", "clause", "route", "flight", "train", "highway", "nh", "road", "phase", "gate", "block",
	"plot", "house", "flat", "box", "ext", "tel", "phone", "fax", "pin", "code", "rule", "act", "paragraph",
	"para", "verse", "class", "grade", "standard", "aged", "age", "rs", "rs.", "inr", "usd", "us$", "$",
	"€", "£", "¥", "rupees", "dollars", "version", "v", "level", "flat", "minus", "plus", "times")

var months = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// trigger is one way a word after the number types the count.
type trigger struct {
	typ     string
	rest    []string // words that must follow the first
	needAux bool     // only after an auxiliary ("were held", not "held talks")
}

// transitive triggers take an object when active: "two gunmen killed
// five" is not a count of dead gunmen.
var transitive = set("killed", "murdered", "massacred", "executed", "injured", "wounded", "hurt",
	"arrested", "detained", "abducted", "kidnapped", "evacuated", "displaced", "shot", "lynched")
