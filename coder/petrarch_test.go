package coder

import (
	"context"
	"slices"
	"testing"

	"github.com/khaldun/khaldun"
)

// TestPetrarchConventions covers what the PETRARCH records expect of
// their input and dictionaries, on invented sentences: names written
// with underscores, "^" over a noun phrase, a possessive owner before
// joined adjectives, a phrasal verb whose particle the tagger took for
// the verb, the target of a purpose infinitive, and the per-call
// switches (one-sided events, an ontology's negations).
func TestPetrarchConventions(t *testing.T) {
	d := testDict(t)
	dyadic := New(d, Options{})
	negating := New(d, Options{Negations: map[string]string{"223": "050"}})
	lex := testDict(t)
	lex.RequireDyad = false // a dictionary of base forms: patterns match lemmas
	lemmas := New(lex, Options{})
	monadic := coder(func(ctx context.Context) context.Context { return WithMonadic(ctx) })
	table := coder(func(ctx context.Context) context.Context {
		return WithNegations(ctx, map[string]string{"223": "050"})
	})
	tests := []struct {
		name string
		c    *Coder
		ctx  coder
		body string
		want []triple
	}{
		{"underscored name", dyadic, nil, "Eldoria attacked the Tallow_Palace.", []triple{{"ELD", "QRVGOV", "190"}}},
		{"skip a noun phrase", dyadic, nil, "Eldoria warned at the Quorvia of Vestria.", []triple{{"ELD", "VST", "162"}}},
		{"skip a word", dyadic, nil, "Eldoria warned at once Quorvia.", []triple{{"ELD", "QRV", "162"}}},
		{"joined adjectives after possessive", dyadic, nil, "Eldoria's tired and weary official attacked Vestria.", []triple{{"ELDGOV", "VST", "190"}}},
		{"particle tagged as the verb", dyadic, nil, "Eldorian troops will wire tap the phones of Quorvia.", []triple{{"ELDMIL", "QRV", "1712"}}},
		{"purpose infinitive after a noun", dyadic, nil, "Eldoria signed a deal on Monday to supply Quorvia with grain.", []triple{{"ELD", "QRV", "081"}}},
		{"pattern word as written", dyadic, nil, "Eldoria signed the accord with Quorvia.", []triple{{"ELD", "QRV", "057"}}},
		{"no inflection for petrarch", dyadic, nil, "Eldoria signed accords with Quorvia.", []triple{{"ELD", "QRV", "081"}}},
		{"inflection through lemma", lemmas, nil, "Eldoria signed accords with Quorvia.", []triple{{"ELD", "QRV", "057"}}},
		{"verb complement is no purpose", dyadic, nil, "Eldoria agreed to supply Quorvia with grain.", nil},
		{"negation dropped", dyadic, nil, "Eldoria did n't clash with Quorvia.", nil},
		{"negation from options", negating, nil, "Eldoria did n't clash with Quorvia.", []triple{{"ELD", "QRV", "050"}}},
		{"negation from context", dyadic, table, "Eldoria did n't clash with Quorvia.", []triple{{"ELD", "QRV", "050"}}},
		{"pattern negation wins", dyadic, table, "Eldoria did n't clash over the efforts of Quorvia.", []triple{{"ELD", "QRV", "904"}}},
		{"one-sided dropped", dyadic, nil, "Eldoria attacked.", nil},
		{"one-sided from context", dyadic, monadic, "Eldoria attacked.", []triple{{"ELD", "", "190"}}},
	}
	for _, tt := range tests {
		ctx := context.Background()
		if tt.ctx != nil {
			ctx = tt.ctx(ctx)
		}
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := tt.c.Annotate(ctx, prepare(t, tt.body, ""), doc); err != nil {
			t.Fatal(err)
		}
		got := triples(doc.Events)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q: got %v, want %v", tt.name, tt.body, got, tt.want)
		}
	}
	// the switches hold for one call only: the coder is unchanged
	if dyadic.opts.Monadic || dyadic.opts.Negations != nil {
		t.Errorf("a context switch changed the shared coder: %+v", dyadic.opts)
	}
}

// coder derives the context of one call.
type coder func(context.Context) context.Context

// TestSplitJoined checks the spans of the words of an underscored token.
func TestSplitJoined(t *testing.T) {
	toks := []khaldun.Token{
		{Text: "the", Span: khaldun.Span{Start: 0, End: 3}, POS: "DT"},
		{Text: "Dol_Amroth", Span: khaldun.Span{Start: 4, End: 14}, POS: "NNP"},
		{Text: "_", Span: khaldun.Span{Start: 15, End: 16}, POS: "NN"},
	}
	got := splitJoined(toks)
	want := []khaldun.Token{
		toks[0],
		{Text: "Dol", Span: khaldun.Span{Start: 4, End: 7}, POS: "NNP", Lemma: "dol"},
		{Text: "Amroth", Span: khaldun.Span{Start: 8, End: 14}, POS: "NNP", Lemma: "amroth"},
		toks[2],
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if plain := toks[:1]; &splitJoined(plain)[0] != &plain[0] {
		t.Error("a sentence without underscores was copied")
	}
}
