package coder

import (
	"slices"
	"testing"
)

// TestUnrealisedContent covers what a sentence names without asserting
// it happened: the content of demands, refusals and threats, negated
// infinitives, "without" gerunds, the toll of an attack already coded,
// and the clause rules that find who acts.
func TestUnrealisedContent(t *testing.T) {
	lex := testDict(t)
	lex.RequireDyad = false
	c := New(lex, Options{})
	tests := []struct {
		name, body string
		want       []triple
	}{
		// a demand's content is not a second event
		{"demand content", "Eldoria demanded an admission by Quorvia that its troops attacked Vestria.", []triple{{"ELD", "QRV", "100"}}},
		// a new predicate of the subject ends the content
		{"refusal then act", "Eldoria refused to meet Vestria and attacked Quorvia.", []triple{{"ELD", "VST", "125"}, {"ELD", "QRV", "190"}}},
		{"refusal then participle", "Eldoria refused the offer, saying Quorvia attacked Vestria.", []triple{{"ELD", "", "120"}, {"ELD", "", "010"}, {"QRV", "VST", "190"}}},
		// "not to VERB" is a refusal, as "will not" is
		{"negated infinitive", "Eldoria vowed not to release Quorvian prisoners.", []triple{{"ELD", "QRV", "1243"}}},
		// "without VERBing": not done, and it gives no target
		{"without", "Eldoria agreed to withdraw without returning Quorvian prisoners.", []triple{{"ELD", "", "0356"}}},
		// ", killing N people" is the toll of the shelling; a named
		// victim is an event of its own
		{"toll", "Eldoria shelled Quorvia, killing 20 people.", []triple{{"ELD", "QRV", "194"}}},
		{"named victim", "Eldoria shelled Vestria, killing Quorvian troops.", []triple{{"ELD", "VST", "194"}, {"ELD", "QRVMIL", "1823"}}},
		// "is prepared to" is an intent cue, not a passive
		{"prepared to", "Eldoria is prepared to shell Quorvia.", []triple{{"ELD", "QRV", "1384"}}},
		// a demand after "reiterated that", on every conjunct
		{"reiterated demand", "Eldoria reiterated that the Tallow Palace and its Quorvian allies must withdraw.", []triple{{"ELD", "QRVGOV", "1056"}, {"ELD", "QRV", "1056"}}},
		// a comma before a new subject and its verb opens no list
		{"comma closes clause", "Eldoria attacked Vestria, the Quorvian official said.", []triple{{"ELD", "VST", "190"}, {"QRVGOV", "", "010"}}},
		// "were engaged in" is what the subject does
		{"engaged in", "Eldorian troops were engaged in fighting with Quorvia.", []triple{{"ELDMIL", "QRV", "190"}}},
		// an adverbial clause after a coded event sets its scene
		{"background clause", "Eldoria expelled Quorvian officials as Vestria attacked Eldoria.", []triple{{"ELD", "QRVGOV", "166"}}},
		{"clause of sequence", "Eldoria expelled Quorvian officials after Vestria attacked Eldoria.", []triple{{"ELD", "QRVGOV", "166"}, {"VST", "ELD", "190"}}},
		{"statement keeps its clause", "Eldoria said Quorvia attacked Vestria when the talks ended.", []triple{{"ELD", "", "010"}, {"QRV", "VST", "190"}}},
		// the subject's own forces are what it withdraws, not its target
		{"own forces", "Eldoria withdrew its troops from Quorvia.", []triple{{"ELD", "QRV", "087"}}},
		{"own forces attacked", "Eldoria attacked its troops in Quorvia.", []triple{{"ELD", "---MIL", "190"}}},
		// a closing attribution is no part of the refused content
		{"attribution after refusal", "Eldoria refused the offer, the Quorvian official said.", []triple{{"ELD", "", "120"}, {"QRVGOV", "", "010"}}},
		// a participle after a noun is a passive whose agent is not
		// the subject of the sentence
		{"reduced relative", "Eldoria condemned the curfew imposed in Quorvia.", []triple{{"ELD", "QRV", "111"}}},
		// "a group of" opens a conjunct
		{"group of conjunct", "Eldoria and a group of Quorvian officials attacked Vestria.", []triple{{"ELD", "VST", "190"}, {"QRVGOV", "VST", "190"}}},
	}
	for _, tt := range tests {
		if got := code(t, c, lex, tt.body, ""); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
}
