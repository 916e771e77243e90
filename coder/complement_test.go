package coder

import (
	"slices"
	"testing"
)

// TestCoderMechanisms covers the rules that decide what is an event and
// who takes part in it, on invented sentences and the test dictionary.
func TestCoderMechanisms(t *testing.T) {
	d := testDict(t)
	dyadic := New(d, Options{})
	monadic := New(d, Options{Monadic: true})
	tests := []struct {
		name string
		c    *Coder
		body string
		want []triple
	}{
		// a governed infinitive is coded through its governor only
		{"intent refined", dyadic, "Eldoria agreed to lift the ban on Quorvia.", []triple{{"ELD", "QRV", "0351"}}},
		{"threat refined", dyadic, "Eldoria threatened to shell Quorvian border posts.", []triple{{"ELD", "QRV", "1384"}}},
		{"appeal refined", dyadic, "Eldoria urged Quorvia to release the prisoners.", []triple{{"ELD", "QRV", "0253"}}},
		{"refusal refined", dyadic, "Eldoria refused to release Quorvian prisoners.", []triple{{"ELD", "QRV", "1243"}}},
		{"intent cue", dyadic, "Eldoria is willing to withdraw from Quorvia.", []triple{{"ELD", "QRV", "0356"}}},
		// negation: a modal refusal is 12x, a plain negation nothing
		{"will not", dyadic, "Eldoria will not release Quorvian prisoners.", []triple{{"ELD", "QRV", "1243"}}},
		{"did not", dyadic, "Eldoria did not release Quorvian prisoners.", nil},
		// statements take no target from the clause they introduce
		{"say clause", monadic, "Eldoria said it had expelled diplomats from Quorvia.", []triple{{"ELD", "", "010"}, {"ELD", "QRV", "166"}}},
		{"reporting passive", monadic, "Eldoria met Quorvia, as confirmed by Vestria.", []triple{{"ELD", "QRV", "040"}, {"VST", "", "010"}}},
		// subjects: parentheticals, infinitives of purpose
		{"apposition", dyadic, "Eldoria, in turn, attacked Quorvia.", []triple{{"ELD", "QRV", "190"}}},
		{"apposition with actor", dyadic, "Eldoria, an old ally of Vestria, attacked Quorvia.", []triple{{"ELD", "QRV", "190"}}},
		{"purpose", dyadic, "Eldoria conferred in Vestria to attack Quorvia.", []triple{{"ELD", "QRV", "190"}}},
		{"complement in a relative clause", dyadic, "Eldoria met Vestria about a plan that aims to shell Quorvia.", []triple{{"ELD", "VST", "040"}}},
		// actor codes: a named person keeps their code; generic members add no role to a group
		{"person code", dyadic, "Eldoria official Morl Vanth attacked Quorvia.", []triple{{"ELDREB", "QRV", "190"}}},
		{"group members", dyadic, "Greyband representatives attacked Quorvia.", []triple{{"ELDREB", "QRV", "190"}}},
		{"country officials", dyadic, "Eldorian officials attacked Quorvia.", []triple{{"ELDGOV", "QRV", "190"}}},
		// an actor inside a pattern without a target slot is the target
		{"inside pattern", dyadic, "Eldoria hosted Quorvian peace talks.", []triple{{"ELD", "QRV", "043"}}},
		// a participle the tagger read as a past tense after a preposition's object
		{"reduced relative tagged VBD", dyadic, "Vestria gave shelter on Monday to hundreds of Eldorians expelled from Quorvia.", nil},
		// the agent of a participle clause set off by a comma is no object
		{"participle agent", monadic, "Eldoria attacked at dawn, supported later by Vestria.", []triple{{"ELD", "", "190"}}},
		// a background clause's infinitive goes with it
		{"background complement", dyadic, "Eldoria condemned Quorvia as Vestria threatened to shell Quorvia.", []triple{{"ELD", "QRV", "111"}}},
		// a verb coordinated with a passive shares its subject, not its agent
		{"after a passive", dyadic, "Quorvia was attacked by Eldoria and condemned Vestria.", []triple{{"ELD", "QRV", "190"}, {"QRV", "VST", "111"}}},
		// a nationality naming a language is no actor
		{"language", monadic, "Eldoria condemned lessons in the Quorvian language.", []triple{{"ELD", "", "111"}}},
		// a list member after an aside
		{"aside in a list", dyadic, "Eldoria attacked Quorvia and, to a lesser extent, Vestria.", []triple{{"ELD", "QRV", "190"}, {"ELD", "VST", "190"}}},
		{"aside before a clause", dyadic, "Eldoria attacked Quorvia and, in response, Vestria condemned Eldoria.", []triple{{"ELD", "QRV", "190"}, {"VST", "ELD", "111"}}},
		// a slot after pattern words takes the mention those words began
		{"slot inside mention", dyadic, "Eldoria has opened an embassy in Quorvia.", []triple{{"ELD", "QRVGOV", "050"}}},
		// a "---" pattern's words hold no event noun either
		{"null pattern covers noun", dyadic, "Eldoria has ended its dispute with Quorvia.", nil},
		{"noun alone", dyadic, "Eldoria has a dispute with Quorvia.", []triple{{"ELD", "QRV", "160"}}},
		{"bare agent inside pattern", dyadic, "Eldoria has contributed troops to a force in Quorvia.", []triple{{"ELD", "QRV", "074"}}},
	}
	for _, tt := range tests {
		got := code(t, tt.c, d, tt.body, "")
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestLexiconConventions checks the conventions of dictionaries whose gold
// follows the CAMEO manual rather than the PETRARCH records: an agent
// without a country takes the only country its sentence names, and "will
// VERB" is an intent.
func TestLexiconConventions(t *testing.T) {
	d := testDict(t)
	d.RequireDyad = false
	c := New(d, Options{})
	tests := []struct {
		body string
		want []triple
	}{
		{"Troops attacked Quorvian villages.", []triple{{"QRVMIL", "QRV", "190"}}},
		{"Troops attacked Quorvia and Vestria.", []triple{{"---MIL", "QRV", "190"}, {"---MIL", "VST", "190"}}},
		{"Eldoria will release Quorvian prisoners.", []triple{{"ELD", "QRV", "0353"}}},
	}
	for _, tt := range tests {
		if got := code(t, c, d, tt.body, ""); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.body, got, tt.want)
		}
	}
	if got := code(t, New(testDict(t), Options{}), d, tests[0].body, ""); !slices.Equal(got, []triple{{"---MIL", "QRV", "190"}}) {
		t.Errorf("PETRARCH dictionaries keep bare agents: got %v", got)
	}
	if got := code(t, New(testDict(t), Options{}), d, "Eldoria will release Quorvian prisoners.", ""); !slices.Equal(got, []triple{{"ELD", "QRV", "084"}}) {
		t.Errorf("PETRARCH dictionaries code a future act as the act: got %v", got)
	}
}

func TestRefine(t *testing.T) {
	tests := []struct{ fam, comp, want string }{
		{"03", "081", "0351"}, {"03", "087", "0356"}, {"03", "0871", "0356"}, {"03", "040", "036"}, {"03", "045", "039"},
		{"02", "084", "0253"}, {"10", "087", "1056"}, {"10", "045", "108"}, {"02", "071", "0231"},
		{"12", "084", "1243"}, {"12", "081", "1241"}, {"12", "040", "125"},
		{"13", "194", "1384"}, {"13", "163", "1312"}, {"13", "010", ""}, {"03", "190", ""},
	}
	for _, tt := range tests {
		if got := refine(tt.fam, tt.comp); got != tt.want {
			t.Errorf("refine(%s, %s) = %q, want %q", tt.fam, tt.comp, got, tt.want)
		}
	}
}
