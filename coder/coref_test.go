package coder

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// TestArticleReferences covers phrases that name an actor only through
// the article or the sentence: "both sides" after a compound, a definite
// agent after a named one, "we" inside a quotation, and pronouns.
func TestArticleReferences(t *testing.T) {
	d := testDict(t)
	d.RequireDyad = false // khaldun's own mode: bare agents take an owner
	c := New(d, Options{})
	tests := []struct {
		name, body string
		want       []triple
	}{
		{"delegates code as the body that sent them",
			"Delegations from the Eldorian army met with Quorvia.",
			[]triple{{"ELDMIL", "QRV", "031"}}},
		{"both sides after a compound led by an agent",
			"The Eldorian army and Greyband conferred in Vestria. Both sides agreed to talk.",
			[]triple{{"ELDMIL", "ELDREB", "046"}, {"ELDREB", "ELDMIL", "046"}, {"ELDMIL", "ELDREB", "030"}, {"ELDREB", "ELDMIL", "030"}}},
		{"a list of three does not act on itself",
			"Eldoria, Quorvia and Vestria agreed on Monday.",
			[]triple{{"ELD", "", "030"}, {"QRV", "", "030"}, {"VST", "", "030"}}},
		{"the ministry is the ministry named before",
			"Quorvia's ministry attacked Vestria. Eldoria met with Vestria, the ministry said.",
			[]triple{{"QRVGOV", "VST", "190"}, {"ELD", "VST", "031"}, {"QRVGOV", "", "010"}}},
		{"we in a quotation is the speaker",
			"\"We urge Vestria to act,\" a Quorvian spokesman said.",
			[]triple{{"QRVGOV", "VST", "020"}, {"QRVGOV", "", "010"}}},
		{"an act in a quotation takes no target from the attribution",
			"\"They attacked,\" Quorvia said.",
			[]triple{{"QRV", "", "010"}}},
		{"his troops are the speaker's",
			"Morl Vanth said his troops attacked Quorvia.",
			[]triple{{"ELDREB", "", "010"}, {"ELDMIL", "QRV", "190"}}},
		{"one named person attacking another is criticism",
			"Morl Vanth attacked Tavi Orn.",
			[]triple{{"ELDREB", "QRVGOV", "111"}}},
		{"a group attacking a person is force",
			"Greyband attacked Tavi Orn.",
			[]triple{{"ELDREB", "QRVGOV", "190"}}},
		{"him is the person named before, not the subject",
			"Eldoria met with Morl Vanth and urged him to act.",
			[]triple{{"ELD", "ELDREB", "031"}, {"ELD", "ELDREB", "020"}}},
		{"he is the first person of the sentence",
			"Morl Vanth met with Quorvia, saying he would attack Vestria.",
			[]triple{{"ELDREB", "QRV", "031"}, {"ELDREB", "", "010"}, {"ELDREB", "VST", "138"}}}, // "would attack": a threat
	}
	for _, tt := range tests {
		got := code(t, c, d, tt.body, "")
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q\n got %v\nwant %v", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestPlaceCountry: a bare agent in a sentence that names no country but
// places of one ("protesters marched through Ostbury") takes the places'
// country; a sentence whose actors name a country keeps theirs.
func TestPlaceCountry(t *testing.T) {
	d := testDict(t)
	d.RequireDyad = false
	c := New(d, Options{})
	tests := []struct {
		body, place, country string
		want                 []triple
	}{
		{"The troops attacked Ostbury.", "Ostbury", "ELD", []triple{{"ELDMIL", "", "190"}}},
		{"The troops attacked Ostbury.", "", "", []triple{{"---MIL", "", "190"}}},
		{"The troops attacked Vestria near Ostbury.", "Ostbury", "ELD", []triple{{"VSTMIL", "VST", "190"}}},
		// the article's own country when the sentence names none: three
		// places of it before
		{"Ostbury, Westbury and Eastbury were quiet. The troops attacked.", "Ostbury|Westbury|Eastbury", "ELD", []triple{{"ELDMIL", "", "190"}}},
	}
	for _, tt := range tests {
		text := prepare(t, tt.body, "")
		doc := khaldun.NewDocument(khaldun.Article{})
		for _, p := range strings.Split(tt.place, "|") {
			if p == "" {
				continue
			}
			i := strings.Index(tt.body, p)
			doc.Places = append(doc.Places, khaldun.Place{Text: p, Span: khaldun.Span{Start: i, End: i + len(p)}, Country: tt.country})
		}
		if err := c.Annotate(context.Background(), text, doc); err != nil {
			t.Fatal(err)
		}
		got := triples(doc.Events)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q with %s=%s: got %v, want %v", tt.body, tt.place, tt.country, got, tt.want)
		}
	}
}

func TestArticleCountryOf(t *testing.T) {
	pl := func(cs ...string) []khaldun.Place {
		var out []khaldun.Place
		for _, c := range cs {
			out = append(out, khaldun.Place{Country: c})
		}
		return out
	}
	for _, tt := range []struct {
		places []khaldun.Place
		want   string
	}{
		{pl("ELD", "ELD", "ELD"), "ELD"},
		{pl("ELD", "ELD", "ELD", "QRV"), "ELD"},
		{pl("ELD", "ELD", "ELD", "QRV", "QRV"), ""}, // under two thirds
		{pl("ELD", "ELD"), ""},                      // too few to tell
		{pl("ELD", "", "ELD", "ELD"), "ELD"},
		{nil, ""},
	} {
		if got := articleCountryOf(tt.places); got != tt.want {
			t.Errorf("articleCountryOf(%v) = %q, want %q", tt.places, got, tt.want)
		}
	}
}
