package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/petrarch"
)

// verbalDict is the test dictionary with a few more invented verbs and
// agents for the verbal-conflict rules (complaints, refusals, protests).
func verbalDict(t *testing.T) *dict.Dictionary {
	t.Helper()
	d := testDict(t)
	verbs := `--- SUMMON [114] ---
SUMMON
- * AMBASSADOR [114]

--- BURN [171] ---
BURN

--- TALK [040] ---
TALK
- *_WITH_+ [031]

--- PROTEST [141] ---
PROTEST

--- STAGE [---] ---
STAGE
- * VIGIL [141]
`
	if err := petrarch.Load(d, petrarch.Verbs, strings.NewReader(verbs), "verbs.txt"); err != nil {
		t.Fatal(err)
	}
	if err := petrarch.Load(d, petrarch.Agents, strings.NewReader("RIOT_POLICE [~COP]\nREBEL_GROUP [~REB]\n"), "agents.txt"); err != nil {
		t.Fatal(err)
	}
	w := func(x string) dict.Elem { return dict.Elem{Kind: dict.Word, Text: x, Joined: true} }
	d.AddNounPattern(&dict.Pattern{Code: "145", Text: "riot", Elems: []dict.Elem{w("riot")}})
	return d
}

// TestVerbalConflict covers the target and source rules of complaints,
// refusals, demands and protests, on invented sentences.
func TestVerbalConflict(t *testing.T) {
	d := verbalDict(t)
	dyadic := New(d, Options{})
	monadic := New(d, Options{Monadic: true})
	tests := []struct {
		name string
		c    *Coder
		body string
		want []triple
	}{
		// a pattern word that heads an actor ("summon ... ambassador")
		// makes that actor the target, though its name runs on
		{"actor straddling the pattern", dyadic, "Eldoria has summoned the Quorvian ambassador Hurin Tallo twice this month.", []triple{{"ELD", "QRVGOV", "114"}}},
		// an event noun that is a word of an agent's name is no event
		{"event noun in an agent name", monadic, "Eldorian riot police attacked Quorvia.", []triple{{"ELDCOP", "QRV", "190"}}},
		{"event noun after an actor", monadic, "Eldorian riot broke out.", []triple{{"ELD", "", "145"}}},
		// the object of an infinitive of purpose after the pattern's
		// last noun is the protest's target
		{"purpose after pattern noun", dyadic, "Eldoria staged a vigil to denounce Quorvia.", []triple{{"ELD", "QRV", "141"}}},
		// "and said they …": they are the speaker, not the actor last named
		{"speaker pronoun", dyadic, "Eldoria attacked a Quorvian town and said they also condemned Vestria.", []triple{{"ELD", "QRV", "190"}, {"ELD", "VST", "111"}}},
		// a joint failure to agree is each side's with the other
		{"joint failure", dyadic, "Eldoria and Quorvia failed to confer.", []triple{{"ELD", "QRV", "125"}, {"QRV", "ELD", "125"}}},
		// "US-led" is "U.S.-led": the country leads
		{"US-led", dyadic, "The US-led troops attacked Quorvia.", []triple{{"USAMIL", "QRV", "190"}}},
		// "saying he must …" after a speaker who is no person: his duty,
		// not his act
		{"another's duty", dyadic, "Eldorian troops attacked Quorvia, saying he must withdraw from Vestria.", []triple{{"ELDMIL", "QRV", "190"}}},
		// a list of charges in gerunds stays the accusation's content
		{"gerund list", dyadic, "Eldoria condemned Quorvia for attacking civilians, shelling Vestria and killing farmers.", []triple{{"ELD", "QRV", "111"}}},
		{"new predicate", dyadic, "Eldoria condemned Quorvia, shelling Vestria.", []triple{{"ELD", "QRV", "111"}, {"ELD", "VST", "194"}}},
		// a name in apposition to a bare agent is that agent
		{"apposition names the agent", dyadic, "The largest rebel group, Greyband, attacked Quorvia.", []triple{{"ELDREB", "QRV", "190"}}},
		{"list after a bare agent", dyadic, "The troops, Greyband and Vestria attacked Quorvia.", []triple{{"---MIL", "QRV", "190"}, {"ELDREB", "QRV", "190"}, {"VST", "QRV", "190"}}},
		// a predicative "as" does not end what is condemned; a clause does
		{"predicative as", monadic, "Eldoria condemned as a crime the Quorvian air strike on Vestria.", []triple{{"ELD", "", "111"}}},
		{"as clause", dyadic, "Eldoria condemned Quorvia as the Quorvian air strike on Vestria went on.", []triple{{"ELD", "QRV", "111"}, {"QRV", "VST", "195"}}},
		// a protest's aim, written as a participle of demand, is no
		// second event
		{"protest aim", monadic, "Eldorian troops protested in Vestria, demanding the release of Quorvian prisoners.", []triple{{"ELDMIL", "VST", "141"}}},
		{"demand after and", monadic, "Eldorian troops protested in Vestria and demanded the release of Quorvian prisoners.", []triple{{"ELDMIL", "VST", "141"}, {"ELDMIL", "QRV", "100"}}},
		// how protesters went about it is part of the protest
		{"riot manner", monadic, "Eldorian troops protested in Vestria, burning their tents.", []triple{{"ELDMIL", "VST", "141"}}},
		{"property named", monadic, "Eldorian troops protested in Vestria, burning Quorvian tents.", []triple{{"ELDMIL", "VST", "141"}, {"ELDMIL", "QRV", "171"}}},
		// a day's name between a pattern's words does not break it
		{"day name inside pattern", dyadic, "Eldoria talked Monday with Quorvia.", []triple{{"ELD", "QRV", "031"}}},
		{"joined pattern", dyadic, "Eldoria talked with Quorvia.", []triple{{"ELD", "QRV", "031"}}},
	}
	for _, tt := range tests {
		if got := code(t, tt.c, d, tt.body, ""); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
	// the same through a FAIL verb whose pattern governs the complement
	fd := verbalDict(t)
	if err := petrarch.Load(fd, petrarch.Verbs, strings.NewReader("--- FAIL [---] ---\nFAIL\n- * TO CONFER [120]\n"), "verbs.txt"); err != nil {
		t.Fatal(err)
	}
	body := "Eldoria and Quorvia failed to confer."
	want := []triple{{"ELD", "QRV", "125"}, {"QRV", "ELD", "125"}}
	if got := code(t, New(fd, Options{}), fd, body, ""); !slices.Equal(got, want) {
		t.Errorf("joint failure (FAIL pattern): %q: got %v, want %v", body, got, want)
	}
}
