package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/petrarch"
)

// TestCausedDeaths covers deaths whose killer is named only through what
// killed: the actor behind a firing, a strike or an encounter, a clause
// of firing, a by-phrase after a manner of death, and taking part in the
// killings. The sentences are invented.
func TestCausedDeaths(t *testing.T) {
	const agents = "POLICE [~COP]\nPOLICEMEN [~COP]\nPROTESTERS [~CVL]\nPROTESTER [~CVL]\nCIVILIANS [~CVL]\n"
	d, pd := testDict(t), testDict(t) // khaldun's lexicon keeps one-sided events, PETRARCH's do not
	for _, x := range []*dict.Dictionary{d, pd} {
		if err := petrarch.Load(x, petrarch.Agents, strings.NewReader(agents), "cause_agents.txt"); err != nil {
			t.Fatal(err)
		}
	}
	d.RequireDyad = false
	monadic := New(d, Options{})
	dyadic := New(pd, Options{})
	if !pd.RequireDyad {
		t.Fatal("the PETRARCH test dictionary should require dyads")
	}
	tests := []struct {
		name string
		c    *Coder
		body string
		want []triple
	}{
		{"passive in firing", monadic, "Two people were killed in police firing.", []triple{{"---COP", "", "1823"}}},
		{"typo in the cause", monadic, "Two people were killed in police firnig.", []triple{{"---COP", "", "1823"}}},
		{"typo after a modifier is no cause", monadic, "Two people were killed in police heavy firnig.", nil},
		{"reduced relative", monadic, "He said most of the people killed in police firing were young.", []triple{{"---COP", "", "1823"}}},
		{"died in firing", monadic, "More people died in Eldorian police firing than in rioting.", []triple{{"ELDCOP", "", "1823"}}},
		{"fell to bullets", monadic, "Many protesters fell to police bullets.", []triple{{"---COP", "---CVL", "1823"}}},
		{"due to strikes", monadic, "Quorvian civilians died due to Eldorian air strikes.", []triple{{"ELD", "QRVCVL", "1823"}}},
		{"deaths in firing", monadic, "The number of deaths in police firing rose.", []triple{{"---COP", "", "1823"}}},
		{"firing by", monadic, "A protester died in the indiscriminate firing by the police.", []triple{{"---COP", "---CVL", "1823"}}},
		{"encounter with", monadic, "Two men were killed in an encounter with Eldorian troops.", []triple{{"ELDMIL", "", "1823"}}},
		{"when clause", monadic, "Three protesters were killed when troops opened fire.", []triple{{"---MIL", "---CVL", "1823"}}},
		{"manner by", monadic, "A protester was beaten to death by policemen.", []triple{{"---COP", "---CVL", "1823"}}},
		{"took part", monadic, "The police themselves helped in the killings.", []triple{{"---COP", "", "1823"}}},
		{"took part of", monadic, "Troops took part in the killing of civilians.", []triple{{"---MIL", "---CVL", "1823"}}},
		{"were involved", monadic, "Eldorian troops were involved in the killings.", []triple{{"ELDMIL", "", "1823"}}},
		{"after being shot", monadic, "A protester died after being shot by policemen.", []triple{{"---COP", "---CVL", "1823"}}},
		{"died of injuries", monadic, "A protester died of injuries sustained in police firing.", []triple{{"---COP", "---CVL", "1823"}}},
		{"abbreviation", monadic, "Two fighters were killed in a U.S. drone strike.", []triple{{"USA", "", "1823"}}},
		// what is not a killing by the actor
		{"sentenced to death", monadic, "Two men were sentenced to death by Eldorian officials.", nil},
		{"killed in action", monadic, "The soldier was declared killed in action by Eldorian troops.", nil},
		{"place before the cause", monadic, "Two men were killed in a Quorvia attack.", nil},
		{"shot down", monadic, "The plane was shot down by Eldorian troops.", nil},
		{"of phrase ends at a verb", monadic, "The killing of Quorvian civilians follows a threat made by Eldorian troops.", nil},
		{"no actor at the start", monadic, "Took part in the killings.", nil},
		{"in at the start", monadic, "In the killings police were named.", nil},
		{"participle without subject", monadic, "The police are told to act against those involved in killings.", nil},
		{"denied", monadic, "Nobody was killed in police firing.", nil},
		{"not the actor's action", monadic, "Two people were killed in a police station attack.", nil},
		{"actor is the target", monadic, "Two people were killed in an attack on the police.", nil},
		{"no actor", monadic, "Two people died in the clash.", nil},
		{"open without fire", monadic, "Two people were killed when police opened the gates.", nil},
		// a dictionary that requires a target gets none without victims
		{"dyadic without victims", dyadic, "Two people were killed in police firing.", nil},
		{"dyadic with victims", dyadic, "Many protesters fell to police bullets.", []triple{{"---COP", "---CVL", "1823"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []triple
			for _, e := range code(t, tt.c, d, tt.body, "") {
				if e.code == causedDeathCode {
					got = append(got, e)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q: killings %v, want %v", tt.body, got, tt.want)
			}
		})
	}
}

// FuzzCausedDeaths feeds arbitrary sentences to the coder, seeded with
// the phrases the caused-death rule reads, so that its look-arounds at
// the edges of a sentence ("part in", "to death", "after being") stay in
// bounds and every event's span lies inside the text.
func FuzzCausedDeaths(f *testing.F) {
	for _, s := range []string{
		"Two people were killed in police firing.", "part in the killings", "In the killings.",
		"died after being", "beaten to death by", "succumbed to injuries", "killed when troops opened",
		"the killing of", "lost their lives in the", "fell to", "at the hands of",
	} {
		f.Add(s)
	}
	d := testDict(f)
	if err := petrarch.Load(d, petrarch.Agents, strings.NewReader("POLICE [~COP]\n"), "cause_agents.txt"); err != nil {
		f.Fatal(err)
	}
	c := New(d, Options{Monadic: true})
	f.Fuzz(func(t *testing.T, body string) { codeInBounds(t, c, body, "") })
}
