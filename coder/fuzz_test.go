package coder

import (
	"testing"

	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/lexicon"
)

// FuzzCoder feeds arbitrary text to the coder with khaldun's own
// dictionaries, the mode the CLI runs in (future intents, monadic events,
// article memory), so that every look-around at a sentence's edges stays
// in bounds: a verb opening the text, a pronoun or quote mark closing it.
func FuzzCoder(f *testing.F) {
	for _, s := range []string{
		"Fighting since April has killed thousands.", "Prepared to attack.", "to attack", "\"We urge",
		"him", "his office said", "Both sides agreed.", "the ministry said", "Delegations from the",
		"Israel and Hamas failed to agree on a truce.", "\"They attacked,\" Israel said.",
		"Eldoria, and on certain terms, Quorvia.", "summoned the ambassador", "take steps to",
	} {
		f.Add(s)
	}
	d := dict.New()
	if err := lexicon.Load(d); err != nil {
		f.Fatal(err)
	}
	c := New(d, Options{})
	f.Fuzz(func(t *testing.T, body string) { codeInBounds(t, c, body, "2024-04-30") })
}
