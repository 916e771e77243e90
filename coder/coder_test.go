package coder

import (
	"context"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/dict"
	"github.com/khaldun/khaldun/petrarch"
)

// testDict is a small invented dictionary in PETRARCH format.
func testDict(t testing.TB) *dict.Dictionary {
	d := dict.New()
	load := func(k petrarch.Kind, s string) {
		if err := petrarch.Load(d, k, strings.NewReader(s), string(k)+".txt"); err != nil {
			t.Fatal(err)
		}
	}
	load(petrarch.Actors, "ELDORIA [ELD]\n+ELDORIAN\nQUORVIA [QRV]\nVESTRIA [VST]\nZARN_BELLWETHER [ELD]\n\t[ELDGOV 20100101-20151231]\n")
	load(petrarch.Agents, "TROOPS {} [~MIL]\nFOREIGN_MINISTER [~GOVFRM]\n")
	load(petrarch.Verbs, "--- MEET [040] ---\nMEET {MET MEETS MEETING}\n- * WITH + [031]\n\n--- ATTACK [190] ---\nATTACK\n\n--- SAY [010] ---\nSAY {SAID SAYS}\n")
	load(petrarch.Discards, "+FOOTBALL\n")
	return d
}

type triple struct{ src, tgt, code string }

func code(t *testing.T, c *Coder, d *dict.Dictionary, body, date string) []triple {
	t.Helper()
	doc := khaldun.NewDocument(khaldun.Article{})
	if err := c.Annotate(context.Background(), prepare(t, body, date), doc); err != nil {
		t.Fatal(err)
	}
	var out []triple
	for _, e := range doc.Events {
		tg := ""
		if e.Target != nil {
			tg = e.Target.Code
		}
		out = append(out, triple{e.Source.Code, tg, e.Code})
		if e.Rule == "" || e.ID == "" || e.Confidence <= 0 || e.Confidence > 1 || e.Text == "" {
			t.Errorf("event fields missing: %+v", e)
		}
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
		{"Eldorian troops attacked Quorvia.", "", []triple{{"ELDMIL", "QRV", "190"}}},
		{"Quorvia was attacked by Eldoria.", "", []triple{{"ELD", "QRV", "190"}}},
		{"Eldoria did not attack Quorvia.", "", nil},
		{"Eldoria and Vestria attacked Quorvia.", "", []triple{{"ELD", "QRV", "190"}, {"VST", "QRV", "190"}}},
		{"Zarn Bellwether met with Quorvia.", "2012-03-04", []triple{{"ELDGOV", "QRV", "031"}}},
		{"Zarn Bellwether met with Quorvia.", "2017-03-04", []triple{{"ELD", "QRV", "031"}}},
		{"Eldoria said Vestria attacked Quorvia.", "", []triple{{"VST", "QRV", "190"}}},
		{"Eldoria attacked Quorvia in a football match.", "", nil},
		{"The foreign minister met with Quorvia.", "", []triple{{"---GOVFRM", "QRV", "031"}}},
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
		e.Target.Text != "Quorvia" || e.Date != "2020-01-02" || e.Rule != "verbs:verbs.txt:3 MEET - * WITH + [031]" ||
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
