package coder

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/petrarch"
)

// testDict is a small invented dictionary in PETRARCH format, with two
// nominal patterns of the kind khaldun's lexicon adds.
func testDict(t testing.TB) *dict.Dictionary {
	d := dict.New()
	for _, k := range []petrarch.Kind{petrarch.Actors, petrarch.Agents, petrarch.Verbs} {
		if err := petrarch.LoadFile(d, k, filepath.Join("testdata", string(k)+".txt")); err != nil {
			t.Fatal(err)
		}
	}
	if err := petrarch.LoadFile(d, petrarch.Actors, filepath.Join("testdata", "people.txt")); err != nil {
		t.Fatal(err)
	}
	if err := petrarch.Load(d, petrarch.Discards, strings.NewReader("+FOOTBALL\n"), "discards.txt"); err != nil {
		t.Fatal(err)
	}
	w := func(x string) dict.Elem { return dict.Elem{Kind: dict.Word, Text: x, Joined: true} }
	tgt := dict.Elem{Kind: dict.TargetEl, Joined: true}
	d.AddNounPattern(&dict.Pattern{Code: "195", Text: "air strike on +", Elems: []dict.Elem{w("air"), w("strike"), w("on"), tgt}})
	d.AddNounPattern(&dict.Pattern{Code: "160", Text: "dispute with +", Elems: []dict.Elem{w("dispute"), w("with"), tgt}})
	d.AddNounPattern(&dict.Pattern{Code: "040", Reverse: "040", Text: "talks between $ and +",
		Elems: []dict.Elem{w("talks"), w("between"), {Kind: dict.SourceEl, Joined: true}, w("and"), tgt}})
	return d
}

type triple struct{ src, tgt, code string }

func code(t *testing.T, c *Coder, d *dict.Dictionary, body, date string) []triple {
	t.Helper()
	doc := khaldun.NewDocument(khaldun.Article{})
	if err := c.Annotate(context.Background(), prepare(t, body, date), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Events {
		if e.Rule == "" || e.ID == "" || e.Confidence <= 0 || e.Confidence > 1 || e.Text == "" {
			t.Errorf("event fields missing: %+v", e)
		}
	}
	return triples(doc.Events)
}

// triples reads events as (source, target, code), "" for no target.
func triples(evs []khaldun.Event) []triple {
	var out []triple
	for _, e := range evs {
		tg := ""
		if e.Target != nil {
			tg = e.Target.Code
		}
		out = append(out, triple{e.Source.Code, tg, e.Code})
	}
	return out
}

func TestCoder(t *testing.T) {
	d := testDict(t)
	c := New(d, Options{})
	tests := []struct {
		body, date string
		want       []triple
	}{
		{"Eldoria met with Quorvia on Monday.", "", []triple{{"ELD", "QRV", "031"}}},
		{"Eldoria has met with Quorvia.", "", []triple{{"ELD", "QRV", "031"}}},
		{"Eldorian troops attacked Quorvia.", "", []triple{{"ELDMIL", "QRV", "190"}}},
		{"Quorvia was attacked by Eldoria.", "", []triple{{"ELD", "QRV", "190"}}},
		{"Eldoria did not attack Quorvia.", "", nil},
		{"Eldoria and Vestria attacked Quorvia.", "", []triple{{"ELD", "QRV", "190"}, {"VST", "QRV", "190"}}},
		{"Zarn Bellwether met with Quorvia.", "2012-03-04", []triple{{"ELDGOV", "QRV", "031"}}},
		{"Zarn Bellwether met with Quorvia.", "2017-03-04", []triple{{"ELD", "QRV", "031"}}},
		{"Eldoria said Vestria attacked Quorvia.", "", []triple{{"VST", "QRV", "190"}}},
		{"Eldoria attacked Quorvia in a football match.", "", nil},
		{"The foreign minister met with Quorvia.", "", []triple{{"---GOVFRM", "QRV", "031"}}},
		// agents: a role already carried is not repeated; prefix agents
		{"Tallow Palace officials attacked Vestria.", "", []triple{{"QRVGOV", "VST", "190"}}},
		{"Charity Eldoria attacked Quorvia.", "", []triple{{"NGOELD", "QRV", "190"}}},
		{"The ambassadors of Eldoria, Vestria and Quorvia met with Zarn Bellwether.", "2020-01-01",
			[]triple{{"ELDGOV", "ELD", "031"}, {"VSTGOV", "ELD", "031"}, {"QRVGOV", "ELD", "031"}}},
		{"Eldoria's new foreign minister attacked Vestria.", "", []triple{{"ELDGOVFRM", "VST", "190"}}},
		// a title before a known name, and before an unknown one
		{"Foreign Minister Zarn Bellwether attacked Vestria.", "2020-01-01", []triple{{"ELDGOVFRM", "VST", "190"}}},
		// "[A:B]" block codes, mutual events, places
		{"Eldoria arrived in Quorvia.", "", []triple{{"ELD", "QRV", "032"}, {"QRV", "ELD", "033"}}},
		{"Eldoria and Quorvia conferred in Vestria.", "", []triple{{"ELD", "QRV", "046"}, {"QRV", "ELD", "046"}}},
		// a compound subject's cooperation with no one else named is with
		// each other; an attack or a statement is not
		{"Eldoria and Quorvia agreed on Monday.", "", []triple{{"ELD", "QRV", "030"}, {"QRV", "ELD", "030"}}},
		{"Eldoria and Quorvia agreed with Vestria.", "", []triple{{"ELD", "VST", "030"}, {"QRV", "VST", "030"}}},
		{"Eldoria and Quorvia attacked on Monday.", "", nil},
		// clauses: coordination, passives without agent, relative clauses
		{"Eldoria attacked Quorvia and met with Vestria.", "", []triple{{"ELD", "QRV", "190"}, {"ELD", "VST", "031"}}},
		{"Quorvia was attacked on Monday.", "", nil},
		{"Vestria, which Eldoria attacked, met with Quorvia.", "", []triple{{"VST", "QRV", "031"}}},
		// event nouns: possessive or adjectival source, "$" and "+" slots
		{"An Eldorian air strike on Quorvia killed four.", "", []triple{{"ELD", "QRV", "195"}}},
		{"Talks between Eldoria and Quorvia resumed.", "", []triple{{"ELD", "QRV", "040"}, {"QRV", "ELD", "040"}}},
	}
	for _, tt := range tests {
		got := code(t, c, d, tt.body, tt.date)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: got %v, want %v", tt.body, got, tt.want)
			}
		}
	}
}

func TestCoderEvidence(t *testing.T) {
	d := testDict(t)
	doc := khaldun.NewDocument(khaldun.Article{})
	body := "Talks went on. Eldoria met with Quorvia."
	if err := New(d, Options{}).Annotate(context.Background(), prepare(t, body, "2020-01-02"), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 {
		t.Fatalf("events = %+v", doc.Events)
	}
	e := doc.Events[0]
	if e.Sentence != 1 || body[e.Span.Start:e.Span.End] != "Eldoria met with Quorvia" || e.Source.Text != "Eldoria" ||
		e.Target.Text != "Quorvia" || e.Date != "2020-01-02" || e.DateText != "" || e.Rule != "verbs:verbs.txt:4 MEET - * WITH + [031]" ||
		e.Root != "03" || e.QuadClass != 1 || e.Source.Country != "ELD" {
		t.Errorf("event = %+v", e)
	}
}

func TestCoderContext(t *testing.T) {
	d := testDict(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := khaldun.NewDocument(khaldun.Article{})
	if err := New(d, Options{}).Annotate(ctx, prepare(t, "Eldoria met Quorvia.", ""), doc); err == nil {
		t.Error("cancelled context ignored")
	}
	if err := New(d, Options{}).Annotate(context.Background(), nil, doc); err == nil {
		t.Error("nil text accepted")
	}
}

func BenchmarkCode(b *testing.B) {
	d, gold := validationDict(b)
	_ = gold
	c := New(d, Options{})
	body := "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy, a senior official said on Saturday. " +
		"Israeli troops attacked Hamas in Gaza City on Monday. The foreign minister of Mordor met with Bilbo and Frodo."
	txt := prepare(b, body, "2014-01-01")
	b.ResetTimer()
	for b.Loop() {
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := c.Annotate(context.Background(), txt, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(txt.Sentences))/b.Elapsed().Seconds(), "sentences/s")
}
