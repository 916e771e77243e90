package coder

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
)

func TestTrace(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		body string
		want []string // kind and text of each step, in order
	}{
		{"Eldoria met with Quorvia.", []string{
			"sentence Eldoria met with Quorvia.", "mention Eldoria", "mention Quorvia",
			"verb met", "pattern+", "event Eldoria met with Quorvia."}},
		{"Eldoria did not attack Quorvia.", []string{
			"sentence Eldoria did not attack Quorvia.", "mention Eldoria", "mention Quorvia",
			"verb attack", "drop attack"}},
		{"Eldoria won the football match.", []string{
			"sentence Eldoria won the football match.", "discard football"}},
	}
	for _, tt := range tests {
		var got []string
		c := New(d, Options{Trace: func(e TraceEvent) {
			switch {
			case e.Kind == TracePattern && e.Matched:
				got = append(got, "pattern+")
			case e.Kind == TracePattern:
			default:
				got = append(got, e.Kind.String()+" "+e.Text)
			}
		}})
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := c.Annotate(context.Background(), prepare(t, tt.body, ""), doc); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q trace:\n got %q\nwant %q", tt.body, got, tt.want)
		}
	}
}

// TestArticleMemory checks resolution across the sentences of an article.
func TestArticleMemory(t *testing.T) {
	d := testDict(t)
	c := New(d, Options{})
	tests := []struct {
		body string
		want []triple
	}{
		{"Eldoria and Quorvia conferred. The two sides attacked Vestria.",
			[]triple{{"ELD", "QRV", "046"}, {"QRV", "ELD", "046"}, {"ELD", "VST", "190"}, {"QRV", "VST", "190"}}},
		{"Eldorian foreign minister Dax Morrow arrived in Vestria. Morrow attacked Quorvia.",
			[]triple{{"ELDGOVFRM", "VST", "032"}, {"VST", "ELDGOVFRM", "033"}, {"ELDGOVFRM", "QRV", "190"}}},
		{"Eldorian foreign minister Dax Morrow arrived in Vestria. He attacked Quorvia.",
			[]triple{{"ELDGOVFRM", "VST", "032"}, {"VST", "ELDGOVFRM", "033"}, {"ELDGOVFRM", "QRV", "190"}}},
		// nothing to resolve: no event
		{"The two sides attacked Vestria.", nil},
	}
	for _, tt := range tests {
		got := code(t, c, d, tt.body, "")
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

// TestHooks checks that the date and location hooks fill events, and that
// Locate is anchored on the verb, not on the event span (which starts at
// the source), and sees the event's actors.
func TestHooks(t *testing.T) {
	d := testDict(t)
	cases := []struct {
		text, verb, source, target string
	}{
		{"Eldoria met with Quorvia on Monday.", "met", "Eldoria", "Quorvia"},
	}
	for _, tc := range cases {
		var got struct{ verb, source, target string }
		c := New(d, Options{
			Date: func(_ *khaldun.Document, _ *khaldun.Text, _ *khaldun.Sentence, _ khaldun.Span) (string, string, bool) {
				return "2020-01-06", "on Monday", true
			},
			Locate: func(_ *khaldun.Document, _ *khaldun.Text, _ *khaldun.Sentence, e *khaldun.Event, verb khaldun.Span) *khaldun.Location {
				got.verb = tc.text[verb.Start:verb.End]
				got.source = tc.text[e.Source.Span.Start:e.Source.Span.End]
				if e.Target != nil {
					got.target = tc.text[e.Target.Span.Start:e.Target.Span.End]
				}
				return &khaldun.Location{Name: "Vestria"}
			},
		})
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := c.Annotate(context.Background(), prepare(t, tc.text, "2020-01-08"), doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) != 1 || doc.Events[0].Date != "2020-01-06" || doc.Events[0].DateText != "on Monday" || doc.Events[0].Location == nil {
			t.Errorf("%q: events = %+v", tc.text, doc.Events)
		}
		if got.verb != tc.verb || got.source != tc.source || got.target != tc.target {
			t.Errorf("%q: Locate saw verb %q, source %q, target %q; want %q, %q, %q",
				tc.text, got.verb, got.source, got.target, tc.verb, tc.source, tc.target)
		}
	}
}

// TestLongSentence guards against quadratic searches: a sentence of 5,000
// tokens full of actors and verbs must be coded quickly.
func TestLongSentence(t *testing.T) {
	d := testDict(t)
	lex := testDict(t)
	lex.RequireDyad = false // khaldun's mode: quotes, pronouns, purposes
	for _, tt := range []struct {
		c    *Coder
		body string
	}{
		{New(d, Options{}), strings.Repeat("Eldoria and Quorvia said Vestria met with the foreign minister, ", 500) + "end."},
		{New(lex, Options{}), strings.Repeat("\"We urge Vestria to act,\" Eldoria said, and he met him, saying it attacked them, ", 300) + "end."},
	} {
		txt := prepare(t, tt.body, "")
		start := time.Now()
		doc := khaldun.NewDocument(khaldun.Article{})
		if err := tt.c.Annotate(context.Background(), txt, doc); err != nil {
			t.Fatal(err)
		}
		if n := len(txt.Sentences[0].Tokens); n < 5000 {
			t.Fatalf("sentence has %d tokens, want ≥ 5000", n)
		}
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("5,000-token sentence took %v", el)
		}
	}
}
