package segment

import "strings"

type class uint8

const (
	notAbbrev class = iota
	// title precedes a name and never ends a sentence: "Gen. Mark Milley".
	title
	// other may end a sentence; what follows decides: "Inc.", "U.S.", "Oct.".
	other
	// clock is "a.m." and "p.m.", after which a capital usually starts a
	// new sentence.
	clock
)

var titles = set(`Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Profs Gen Gens Lt Col Maj
Capt Cmdr Cmdt Sgt Cpl Pvt Adm Brig Sen Sens Rep Reps Gov Govs Pres Rev Hon
Fr Supt Insp Det Atty Amb Gov Lieut Cdr Spc vs v Vs`)

// others may end a sentence. Months (there is no "May."), corporate and
// name suffixes, US states as news agencies abbreviate them, and reference
// words followed by a number.
var others = set(`Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Tues Thurs
Inc Corp Co Cos Ltd Bros Jr Sr Plc LLC LP etc al approx est dept Dept Univ
Assn Ave Blvd Rd St Mt Ft No Nos no Vol vol Fig fig pp Ch ch Sec Gov't
Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
Miss Mo Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo`)

// starters are words that begin sentences far more often than they follow
// an abbreviation inside one, so "in the U.S. The" ends at "U.S.".
var starters = set(`The A An He She It They We I You This That These Those There Here
His Her Its Their Our My Your But And Or So Yet Still However Meanwhile Also
In On At As After Before When While If Although Though Since Because For
Some Many Most Several Both All Each Other Another One Two Three No None
What Why How Who Where Which Then Now Today Yesterday Later Earlier
Last Next Such Under According Despite During Among Over Until Instead
Mr Mrs Ms Dr Officials Police Authorities`)

// afterClock are capitalised words that continue a time of day.
var afterClock = set(`EST EDT ET CST CDT CT MST MDT PST PDT PT GMT BST CET CEST UTC
IST JST AEST Eastern Central Mountain Pacific Monday Tuesday Wednesday
Thursday Friday Saturday Sunday`)

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Abbreviation reports whether word, written without its final period,
// takes that period as part of itself: "Mr", "U.S", "a.m", "W" (an initial).
func Abbreviation(word string) bool {
	return abbrevClass(word) != notAbbrev
}

func abbrevClass(word string) class {
	// "(R-Ariz." and "anti-U.S." abbreviate only their last part.
	if k := strings.LastIndexAny(word, "-/"); k >= 0 {
		word = word[k+1:]
	}
	switch {
	case word == "":
		return notAbbrev
	case titles[word]:
		return title
	case others[word]:
		return other
	case word == "a.m" || word == "p.m" || word == "A.M" || word == "P.M":
		return clock
	case len(word) == 1 && 'A' <= word[0] && word[0] <= 'Z':
		return other // an initial: "George W. Bush"
	case initialism(word):
		return other
	}
	return notAbbrev
}

// initialism reports whether word is letters joined by periods, each part
// short: "U.S", "J.R.R", "Ph.D", "e.g". It rejects "example.com" and numbers.
func initialism(word string) bool {
	if strings.IndexByte(word, '.') < 0 {
		return false
	}
	n := 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			n = 0
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}
