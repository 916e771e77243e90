package coder

import (
	"slices"
	"testing"

	"github.com/khaldun/khaldun/dict"
)

// TestMood covers hypotheticals, conditional threats, charges, failures,
// obligations, purposes and reported pronouns, on invented sentences and
// the lexicon's settings (one-sided events, future as intent).
func TestMood(t *testing.T) {
	lex := testDict(t)
	lex.RequireDyad = false
	lex.AddAgent(&dict.Agent{Phrase: []string{"king"}, Code: "GOV"})
	lex.AddAgent(&dict.Agent{Phrase: []string{"prisoner"}, Code: "CVL"})
	c := New(lex, Options{})
	tests := []struct {
		name string
		body string
		want []triple
	}{
		// a verb in an if/unless clause is a condition, not an event; the
		// main clause's hostile act under "if" is a threat
		{"if clause", "Eldoria will shell Quorvia if Vestria attacks Eldoria.", []triple{{"ELD", "QRV", "1384"}}},
		{"main after if clause", "If Vestria agrees, Eldoria will attack Quorvia.", []triple{{"ELD", "QRV", "138"}}},
		{"unless", "Eldoria will expel Quorvian troops unless Vestria agrees.", []triple{{"ELD", "QRVMIL", "136"}}},
		// the actor whose conduct is the condition is the one threatened
		{"unless with a verb of no code", "Eldoria will launch rockets unless Vestria agrees.", []triple{{"ELD", "VST", "130"}}},
		{"refusal under if", "Eldoria will refuse Quorvian prisoners if Vestria attacks.", []triple{{"ELD", "QRVCVL", "120"}}},
		{"as if", "Eldoria will attack Quorvia as if Vestria agreed.", []triple{{"ELD", "QRV", "138"}}},
		// the gerund after "for", "of", "considering" did not happen
		{"charge", "Quorvia arrested Eldorian troops for attacking Vestria.", nil},
		{"contemplated", "Eldoria is considering attacking Quorvia.", nil},
		{"stopped", "Eldoria will stop attacking Quorvia.", nil},
		{"expected", "Eldoria is expected to attack Quorvia.", nil},
		{"needed", "More troops are needed to attack Quorvia, Eldoria said.", []triple{{"ELD", "", "010"}}},
		{"question", "Would Eldoria attack Quorvia?", nil},
		{"quoted question", "\"Did Eldoria attack Quorvia?\" Vestria asked.", nil},
		{"capacity", "Eldoria has the power to attack Quorvia.", nil},
		{"adjective", "It is risky to attack Quorvia.", nil},
		{"first to", "Eldoria was the first to attack Quorvia.", []triple{{"ELD", "QRV", "190"}}},
		{"believed", "Vestria believes Eldoria attacked Quorvia.", nil},
		{"concerned", "Vestria is concerned that Eldoria will attack Quorvia.", nil},
		{"said is reported", "Vestria said Eldoria attacked Quorvia.", []triple{{"VST", "", "010"}, {"ELD", "QRV", "190"}}},
		{"advice", "Eldoria should attack Quorvia, Vestria said.", []triple{{"VST", "", "010"}}},
		{"denied", "Vestria denied that Eldoria attacked Quorvia.", []triple{{"VST", "", "016"}}},
		{"charged with", "Quorvia charged Eldoria with attacking Vestria.", nil},
		{"gerund after by", "Eldoria answered by attacking Quorvia.", []triple{{"ELD", "QRV", "190"}}},
		// "failed to" is a refusal when CAMEO has one, nothing otherwise
		{"failed to", "Eldoria failed to release Quorvian prisoners.", []triple{{"ELD", "QRVCVL", "1243"}}},
		{"failed to attack", "Eldoria failed to attack Quorvia.", nil},
		// "must" is an obligation, not an act; "X said Y must" is X's demand
		{"obligation", "Vestria must withdraw from Quorvia.", nil},
		{"demand after a time adjunct", "Eldoria said on Sunday that Quorvia must withdraw its forces.", []triple{{"ELD", "QRV", "1056"}}},
		// an infinitive of purpose is no second event; talks are the meeting
		{"purpose", "Eldoria released the prisoners to attack Quorvia.", []triple{{"ELD", "---CVL", "084"}}},
		{"purpose after an aside", "Eldoria released the prisoners (about forty men of the northern guard and their two old captains) over the past week to attack Quorvia.", []triple{{"ELD", "---CVL", "084"}}},
		{"purpose of an uncoded verb", "Eldoria crossed the border at dawn to attack Quorvia.", []triple{{"ELD", "QRV", "190"}}},
		{"intended purpose", "Eldoria is willing to cross the border at dawn to release Quorvian prisoners.", []triple{{"ELD", "QRVCVL", "0353"}}},
		{"object control", "Eldoria persuaded the Quorvian troops to attack Vestria.", nil},
		{"take steps", "Eldoria took steps to release Quorvian prisoners.", []triple{{"ELD", "QRVCVL", "084"}}},
		{"talks purpose", "Eldoria met Vestria in Quorvia to confer.", []triple{{"ELD", "VST", "040"}, {"ELD", "", "046"}}},
		// "X said that they will …": the speaker's intent
		{"reported pronoun", "Eldoria said that they will release Quorvian prisoners.", []triple{{"ELD", "", "010"}, {"ELD", "QRVCVL", "0353"}}},
		{"reported after a time adjunct", "Eldoria announced on Monday that it will release Quorvian prisoners.", []triple{{"ELD", "QRVCVL", "0353"}}},
		// the subject of a clause opened by "after the"
		{"after the", "Vestria condemned Quorvia after the Eldorian troops attacked Vestria.", []triple{{"VST", "QRV", "111"}, {"ELDMIL", "VST", "190"}}},
		// an act on an actor the dictionaries cannot tell from the source
		{"same code target", "Eldoria attacked the Zarn Bellwether.", []triple{{"ELD", "", "190"}}},
	}
	for _, tt := range tests {
		if got := code(t, c, lex, tt.body, ""); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestLexiconOwners covers what only the lexicon's settings do: an armed
// agent in a country is that country's, and an event noun whose only
// author is a bare modifier ("military air strike") names no one.
func TestLexiconOwners(t *testing.T) {
	lex := testDict(t)
	lex.RequireDyad = false
	lex.AddAgent(&dict.Agent{Phrase: []string{"military"}, Code: "MIL"})
	c := New(lex, Options{})
	tests := []struct {
		name string
		body string
		want []triple
	}{
		{"troops in a country", "Quorvia attacked troops in Vestria.", []triple{{"QRV", "VSTMIL", "190"}}},
		{"own troops in a country", "Quorvia attacked its troops in Vestria.", []triple{{"QRV", "---MIL", "190"}}},
		{"bare author", "A military air strike on Quorvia was reported in Vestria.", nil},
		{"owned author", "An Eldorian military air strike on Quorvia was reported in Vestria.", []triple{{"ELDMIL", "QRV", "195"}}},
	}
	for _, tt := range tests {
		if got := code(t, c, lex, tt.body, ""); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestAttachOwners covers owners written away from the agent noun.
func TestAttachOwners(t *testing.T) {
	d := testDict(t)
	d.AddAgent(&dict.Agent{Phrase: []string{"king"}, Code: "GOV"})
	c := New(d, Options{})
	tests := []struct {
		name string
		body string
		want []triple
	}{
		{"led", "Eldorian-led troops attacked Quorvia.", []triple{{"ELDMIL", "QRV", "190"}}},
		{"backed is no owner", "Eldorian-backed troops attacked Quorvia.", []triple{{"---MIL", "QRV", "190"}}},
		{"of after a name", "King Thrain of Quorvia attacked Vestria.", []triple{{"QRVGOV", "VST", "190"}}},
		{"country owns both nouns", "Eldorian helicopters and troops attacked Quorvia.", []triple{{"ELDMIL", "QRV", "190"}}},
	}
	for _, tt := range tests {
		if got := code(t, c, d, tt.body, ""); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
}
