package quote

import "strings"

// Grammatical gender of a person, so that "she said" does not resolve to
// the last man named. Unknown is compatible with both pronouns.
const (
	unknown = iota
	male
	female
)

// genderWords are titles and role nouns that tell a person's gender.
var genderWords = map[string]int{
	"mr.": male, "mr": male, "sir": male, "king": male, "prince": male,
	"spokesman": male, "congressman": male, "chairman": male,
	"businessman": male, "father": male, "husband": male, "son": male,
	"brother": male, "pope": male, "sheikh": male,
	"mrs.": female, "mrs": female, "ms.": female, "ms": female,
	"miss": female, "madam": female, "queen": female, "princess": female,
	"spokeswoman": female, "congresswoman": female, "chairwoman": female,
	"businesswoman": female, "mother": female, "wife": female,
	"daughter": female, "sister": female,
}

// firstNames is a small list of common given names, English-language news
// being the input; a name not listed leaves the gender unknown, which
// costs nothing but the filter.
var firstNames = func() map[string]int {
	m := map[string]int{}
	for _, n := range []string{"aaron", "adam", "ahmed", "alan", "albert",
		"alex", "alexander", "ali", "andrew", "anthony", "antonio", "barack",
		"ben", "benjamin", "bernie", "bill", "bob", "bobby", "boris", "brian",
		"bruce", "carl", "carlos", "charles", "chris", "christopher", "chuck",
		"daniel", "dave", "david", "dennis", "derek", "dick", "don", "donald",
		"douglas", "ed", "edward", "emmanuel", "eric", "frank", "fred", "gary",
		"george", "gerald", "greg", "harry", "henry", "howard", "ian", "jack",
		"jacob", "james", "jason", "jeb", "jeff", "jeffrey", "jerry", "jim",
		"jimmy", "joe", "john", "jon", "jonathan", "jorge", "jose", "joseph",
		"juan", "justin", "keith", "ken", "kenneth", "kevin", "larry", "lawrence",
		"lindsey", "luis", "marco", "mark", "martin", "matt", "matthew", "michael",
		"mike", "mitch", "mohammed", "muhammad", "nathan", "newt", "nicholas",
		"omar", "patrick", "paul", "peter", "phil", "philip", "ralph", "randy",
		"reince", "richard", "rick", "rob", "robert", "roger", "ron", "ronald",
		"roy", "rudy", "rush", "ryan", "sam", "samuel", "scott", "sean", "sergei",
		"stephen", "steve", "steven", "ted", "terry", "thomas", "tim", "timothy",
		"tom", "tony", "vladimir", "walter", "wayne", "william", "xi", "yuri"} {
		m[n] = male
	}
	for _, n := range []string{"alice", "amanda", "amy", "andrea", "angela",
		"ann", "anna", "anne", "barbara", "betsy", "betty", "carly", "carol",
		"caroline", "catherine", "chelsea", "christina", "christine", "claire",
		"debbie", "deborah", "diane", "donna", "elizabeth", "ellen", "emily",
		"emma", "hillary", "helen", "ivana", "ivanka", "jane", "janet", "jennifer",
		"jessica", "jill", "joan", "julia", "julie", "karen", "kate", "katherine",
		"kathleen", "kathryn", "kellyanne", "kelly", "kim", "laura", "lisa",
		"loretta", "lucy", "maria", "marie", "marine", "martha", "mary", "megan",
		"melania", "melanie", "michelle", "nancy", "nicola", "nikki", "olivia",
		"patricia", "rachel", "rebecca", "sarah", "sharon", "sonia", "sophie",
		"stephanie", "susan", "susana", "teresa", "theresa", "ursula", "victoria",
		"virginia", "wendy"} {
		m[n] = female
	}
	return m
}()

// genderOf guesses the gender of a person from the title words before the
// name and the name's first word.
func genderOf(title string, words []string) int {
	for _, t := range splitWords(title) {
		if g := genderWords[t]; g != unknown {
			return g
		}
	}
	if len(words) > 1 {
		return firstNames[words[0]]
	}
	return unknown
}

// fits reports whether a person of gender g can be the pronoun w.
func fits(g int, w string) bool {
	switch w {
	case "he":
		return g != female
	case "she":
		return g != male
	}
	return true
}

// splitWords is strings.Fields of the matching form.
func splitWords(s string) []string { return strings.Fields(lower(s)) }
