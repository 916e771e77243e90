package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
)

// TestClauseMechanisms covers compound subjects, relative clauses,
// patterns that spell out a negation and the future of reported speech,
// on invented sentences.
func TestClauseMechanisms(t *testing.T) {
	d := testDict(t)
	dyadic := New(d, Options{})
	monadic := New(d, Options{Monadic: true})
	lex := testDict(t)
	lex.RequireDyad = false
	intent := New(lex, Options{})
	tests := []struct {
		name string
		c    *Coder
		d    bool // code with lex instead of d
		body string
		want []triple
	}{
		// compounds: adjectives after the conjunction, "neither … nor"
		{"adjective in compound", dyadic, false, "Eldoria and the embattled Quorvia attacked Vestria.", []triple{{"ELD", "VST", "190"}, {"QRV", "VST", "190"}}},
		{"adjective before oxford comma", dyadic, false, "Eldoria, the embattled Quorvia, and Vestria attacked the U.S.", []triple{{"ELD", "USA", "190"}, {"QRV", "USA", "190"}, {"VST", "USA", "190"}}},
		{"neither nor", dyadic, false, "Neither Eldoria nor Quorvia attacked Vestria.", []triple{{"ELD", "VST", "190"}, {"QRV", "VST", "190"}}},
		// a relative clause whose antecedent is no actor has no source,
		// unless the noun is a light verb's object
		{"event noun antecedent", monadic, false, "Vestria condemned the bombing that killed Quorvian soldiers.", []triple{{"VST", "", "111"}}},
		{"light verb antecedent", dyadic, false, "Eldoria launched strikes that killed Quorvian soldiers.", []triple{{"ELD", "QRV", "1823"}}},
		{"actor antecedent", dyadic, false, "Eldorian troops, who attacked Quorvia, met Vestria.", []triple{{"ELDMIL", "QRV", "190"}, {"ELDMIL", "VST", "040"}}},
		// a pattern that writes the negation codes the negated verb
		{"negation in pattern", dyadic, false, "Eldoria did n't clash over the efforts of Quorvia.", []triple{{"ELD", "QRV", "904"}}},
		{"negation outside pattern", dyadic, false, "Eldoria did n't clash with Quorvia.", nil},
		// a target written right after the verb is its direct object
		{"direct object", dyadic, false, "Eldoria returned Quorvian prisoners.", []triple{{"ELD", "QRV", "084"}}},
		{"prepositional object", dyadic, false, "Eldoria returned from the Quorvia summit.", nil},
		// "US" in a text in ordinary case is the country, "us" the pronoun
		{"US", dyadic, false, "The US attacked Quorvia.", []triple{{"USA", "QRV", "190"}}},
		{"us", dyadic, false, "Quorvia attacked us.", nil},
		// "officials in X" are X's; armed roles in a place may be anyone's
		{"agent in country", dyadic, false, "Officials in Quorvia attacked Eldoria.", []triple{{"QRVGOV", "ELD", "190"}}},
		{"agent at organisation", dyadic, false, "Lawmakers at the Greyband attacked Quorvia.", []triple{{"ELDREBLEG", "QRV", "190"}}},
		{"troops in country", dyadic, false, "Troops in Quorvia attacked Eldoria.", []triple{{"---MIL", "ELD", "190"}}},
		// "the government of President X" is X's, the title aside
		{"agent of titled person", dyadic, false, "The government of President Zarn Bellwether attacked Quorvia.", []triple{{"ELDGOV", "QRV", "190"}}},
		// a country written once owns both agents of "X media and government"
		{"owner shared forward", dyadic, false, "Eldorian media and officials attacked Quorvia.", []triple{{"ELDMED", "QRV", "190"}, {"ELDGOV", "QRV", "190"}}},
		{"owner shared backward", dyadic, false, "Lawmakers and officials in Quorvia and Vestria attacked Eldoria.", []triple{{"QRVLEG", "ELD", "190"}, {"VSTLEG", "ELD", "190"}, {"QRVGOV", "ELD", "190"}, {"VSTGOV", "ELD", "190"}}},
		{"owner not shared across the", dyadic, false, "Eldorian media and the officials attacked Quorvia.", []triple{{"ELDMED", "QRV", "190"}, {"---GOV", "QRV", "190"}}},
		// an adjectival agent before an agent noun: both roles hold
		{"adjectival agent", dyadic, false, "Eldorian Islamist media attacked Quorvia.", []triple{{"ELDMUSMED", "QRV", "190"}}},
		// "the X of A" gives its role to the members after it only
		{"of-agent spreads forward only", dyadic, false, "Vestria and the officials of Quorvia attacked Eldoria.", []triple{{"VST", "ELD", "190"}, {"QRVGOV", "ELD", "190"}}},
		// "%" after the verb is the target when the verb has a subject;
		// before it, the compound acts on itself
		{"compound after subject", dyadic, false, "Eldoria sides with Quorvia and Vestria.", []triple{{"ELD", "QRV", "036"}, {"ELD", "VST", "036"}}},
		{"compound on itself", dyadic, false, "Quorvia and Vestria sided together.", []triple{{"QRV", "VST", "037"}, {"VST", "QRV", "037"}}},
		// a verb among a matched pattern's words is not coded on its own,
		// even when the pattern's verb finds no actors
		{"verb inside a pattern", dyadic, false, "Eldoria was permitted to leave Quorvia.", nil},
		{"same verb alone", dyadic, false, "Eldoria leaves Quorvia.", []triple{{"ELD", "QRV", "012"}}},
		// a prefix agent before an actor with an agent qualifies both
		{"prefix agent on agent", dyadic, false, "The charity Eldorian official attacked Quorvia.", []triple{{"NGOELDGOV", "QRV", "190"}}},
		// "and" closes a list: what follows a comma is something else
		{"closed list", dyadic, false, "Eldoria attacked Quorvia and Vestria, the Zarn Bellwether said.", []triple{{"ELD", "QRV", "190"}, {"ELD", "VST", "190"}}},
		{"open list", dyadic, false, "Eldoria attacked Quorvia, Vestria and the Tallow Palace.", []triple{{"ELD", "QRV", "190"}, {"ELD", "VST", "190"}, {"ELD", "QRVGOV", "190"}}},
		// a bare agent modifying a noun is no target
		{"agent as target", intent, true, "Eldoria attacked the troops.", []triple{{"ELD", "ELDMIL", "190"}}},
		{"agent as modifier", intent, true, "Eldoria attacked the troops barracks.", []triple{{"ELD", "", "190"}}},
		// "X including Y" acts as X; "critics, including Y" as Y
		{"example of the subject", dyadic, false, "Eldorian troops including the Greyband attacked Quorvia.", []triple{{"ELDMIL", "QRV", "190"}}},
		{"example as the subject", dyadic, false, "Critics, including Vestria, attacked Quorvia.", []triple{{"VST", "QRV", "190"}}},
		// a camp for X is X's: attacking it attacks them
		{"camp for", dyadic, false, "Overnight a riverside camp for Quorvian troops was attacked by Eldoria.", []triple{{"ELD", "QRVMIL", "190"}}},
		// "hundreds of X" acts as X
		{"quantity of", dyadic, false, "Hundreds of Eldorian troops attacked Quorvia.", []triple{{"ELDMIL", "QRV", "190"}}},
		// a name does not swallow a time word written in lower case
		{"time word after name", dyadic, false, "Eldoria today attacked Quorvia.", []triple{{"ELD", "QRV", "190"}}},
		{"name with capitals", dyadic, false, "Eldoria Today attacked Quorvia.", []triple{{"ELDMED", "QRV", "190"}}},
		// "would" after a reporting verb is a future: an intent
		{"reported would", intent, true, "Eldoria said it would shell Quorvia.", []triple{{"ELD", "", "010"}, {"ELD", "QRV", "1384"}}},
		// "X said Y must VERB" is X's demand on Y
		{"demand", intent, true, "Eldoria said Quorvia must withdraw.", []triple{{"ELD", "QRV", "1056"}}},
		{"own obligation", intent, true, "Eldoria said it must withdraw from Quorvia.", []triple{{"ELD", "", "010"}, {"ELD", "QRV", "087"}}},
		{"conditional would", intent, true, "Eldoria would shell Quorvia.", []triple{{"ELD", "QRV", "194"}}},
		// preparing an attack is a show of force; being prepared to
		// attack is a threat
		{"prepared to attack", intent, true, "Eldoria prepared to shell Quorvia.", []triple{{"ELD", "QRV", "150"}}},
		{"preparing to resume", intent, true, "Eldoria was preparing to resume shelling Quorvia.", []triple{{"ELD", "QRV", "150"}}},
		{"violent verb first", intent, true, "Fighting in Quorvia has killed hundreds of Eldorian troops.", nil},
		{"is prepared to attack", intent, true, "Eldoria is prepared to shell Quorvia.", []triple{{"ELD", "QRV", "1384"}}},
		// the speaker of a closing attribution is no one's target, and
		// the toll of an attack ("killing or wounding dozens") is no event
		{"attribution not target", monadic, false, "Eldorian troops shelled the market town, killing 12, Quorvian official sources said.", []triple{{"ELDMIL", "", "194"}, {"QRVGOV", "", "010"}}},
		{"attribution with acronym", monadic, false, "Eldorian troops shelled the market town, killing 12, the Tallow Palace (TP) said.", []triple{{"ELDMIL", "", "194"}, {"QRVGOV", "", "010"}}},
		{"attribution with affiliation", monadic, false, "Eldorian troops shelled the market town, killing 12, an official for the Tallow Palace said.", []triple{{"ELDMIL", "", "194"}, {"---GOV", "", "010"}}},
		{"toll of a violent dispersal", monadic, false, "Eldorian troops dispersed Quorvian protesters, killing one.", []triple{{"ELDMIL", "QRV", "175"}}},
		{"arrests in the toll", monadic, false, "Eldorian troops dispersed Quorvian protesters, killing two and arresting 30.", []triple{{"ELDMIL", "QRV", "175"}, {"ELDMIL", "QRV", "173"}}},
		{"arrests of others", monadic, false, "Eldorian troops dispersed Quorvian protesters, injuring one and arresting two Eldorian officials.", []triple{{"ELDMIL", "QRV", "175"}, {"ELDMIL", "ELDGOV", "173"}}},
		{"object of the second participle", monadic, false, "Eldorian troops dispersed Quorvian protesters, killing one and arresting two Eldorian officials.", []triple{{"ELDMIL", "QRV", "175"}, {"ELDMIL", "ELDGOV", "173"}}},
		{"toll of two participles", monadic, false, "Eldorian troops shelled the village, killing or wounding dozens.", []triple{{"ELDMIL", "", "194"}}},
		// a bare agent that is a pattern's own word is the subject's means
		// a compound subject violating a ceasefire violates it against
		// each other; with a target, against that target only
		{"ceasefire violated by both", dyadic, false, "Eldoria and Quorvia violated the ceasefire.", []triple{{"ELD", "QRV", "196"}, {"QRV", "ELD", "196"}}},
		{"ceasefire violated against", dyadic, false, "Eldoria and Quorvia violated the ceasefire with Vestria.", []triple{{"ELD", "VST", "196"}, {"QRV", "VST", "196"}}},
		// a passive withdrawal of named forces is their side's; a
		// peacekeepers' withdrawal is 1661
		{"forces withdrawn", dyadic, false, "Quorvian troops were withdrawn from Eldoria.", []triple{{"QRVMIL", "ELD", "087"}}},
		{"unnamed forces withdrawn", dyadic, false, "Troops were withdrawn from Eldoria.", nil},
		{"peacekeepers withdraw", dyadic, false, "Quorvian peacekeepers withdrew from Eldoria.", []triple{{"QRVPKO", "ELD", "1661"}}},
		// the forces a mobilisation moves are the subject's own
		{"mobilized forces", dyadic, false, "Eldoria quietly mobilized troops against Quorvia last week.", []triple{{"ELD", "QRV", "154"}}},
		{"pattern word is no target", dyadic, false, "Eldoria launched artillery, mortars and rockets against Quorvia.", []triple{{"ELD", "QRV", "194"}}},
	}
	for _, tt := range tests {
		dd := d
		if tt.d {
			dd = lex
		}
		got := code(t, tt.c, dd, tt.body, "")
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestRetag checks the repair of a past-tense verb tagged as an adjective.
func TestRetag(t *testing.T) {
	c := New(testDict(t), Options{})
	tests := []struct {
		words, tags []string
		want        string // tag of token 1 after retag
	}{
		{[]string{"troops", "attacked", "the", "town"}, []string{"NNS", "JJ", "DT", "NN"}, "VBD"},
		{[]string{"troops", "shelled", "two", "towns"}, []string{"NNS", "JJ", "CD", "NNS"}, "VBD"},
		{[]string{"the", "attacked", "towns"}, []string{"DT", "JJ", "NNS"}, "JJ"},          // no subject before
		{[]string{"troops", "attacked", "towns"}, []string{"NNS", "JJ", "NNS"}, "JJ"},      // "attacked towns" may be a phrase
		{[]string{"troops", "tired", "the", "x"}, []string{"NNS", "JJ", "DT", "NN"}, "JJ"}, // not a verb of the dictionary
		{[]string{"eldoria", "attacks", "quorvia"}, []string{"NNP", "NNS", "NNP"}, "VBZ"},
		{[]string{"the", "attacks", "on", "quorvia"}, []string{"DT", "NNS", "IN", "NNP"}, "NNS"},
		{[]string{"street", "battles", "raged"}, []string{"NN", "VBZ", "VBN"}, "NNS"}, // a plural noun before its verb
		{[]string{"eldoria", "attacks", "quorvia"}, []string{"NNP", "VBZ", "NNP"}, "VBZ"},
		{[]string{"settlers", "set", "fire", "to"}, []string{"NNS", "JJ", "NN", "TO"}, "VBD"}, // the idiom "set fire to"
		{[]string{"the", "set", "fire", "to"}, []string{"DT", "JJ", "NN", "TO"}, "JJ"},
	}
	for _, tt := range tests {
		toks := make([]khaldun.Token, len(tt.words))
		for i, w := range tt.words {
			toks[i] = khaldun.Token{Text: w, POS: tt.tags[i]}
		}
		lemmas := make([]string, len(tt.words))
		for i, w := range tt.words {
			if tt.tags[i] == "NNS" {
				lemmas[i] = strings.TrimSuffix(w, "s")
			}
		}
		s := &sentence{toks: toks, seq: seqT{Words: tt.words, Lemmas: lemmas}, tags: slices.Clone(tt.tags)}
		c.retag(s)
		if s.tags[1] != tt.want {
			t.Errorf("%v: tag %s, want %s", tt.words, s.tags[1], tt.want)
		}
	}
}

// TestNounSlotClause checks that a nominal pattern's "+" does not reach
// across a comma: "a bomb attack on Monday, Quorvia said" has no target.
func TestNounSlotClause(t *testing.T) {
	d := testDict(t)
	w := func(x string) dict.Elem { return dict.Elem{Kind: dict.Word, Text: x, Joined: true} }
	d.AddNounPattern(&dict.Pattern{Code: "183", Text: "bomb attack on ... +", Elems: []dict.Elem{w("bomb"), w("attack"), w("on"), {Kind: dict.TargetEl}}})
	c := New(d, Options{Monadic: true})
	for _, tt := range []struct {
		body string
		want []triple
	}{
		{"Eldoria launched a bomb attack on Monday, Quorvia said.", []triple{{"QRV", "", "010"}}}, // not "ELD → QRV 183"
		{"Eldoria launched a bomb attack on the Quorvian town.", []triple{{"ELD", "QRV", "183"}}},
	} {
		if got := code(t, c, d, tt.body, ""); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.body, got, tt.want)
		}
	}
}
