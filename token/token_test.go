package token

import (
	"reflect"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

// The sentences are written for khaldun; "|" separates the wanted tokens.
var tokenTests = []struct{ in, want string }{
	{"The U.S. envoy met Mr. Haddad.", "The|U.S.|envoy|met|Mr.|Haddad|."},
	{"Aid went to the U.S.", "Aid|went|to|the|U.S."},
	{"Fatah-led talks on self-determination resumed.", "Fatah-led|talks|on|self-determination|resumed|."},
	{"The U.S.-led coalition struck.", "The|U.S.-led|coalition|struck|."},
	{"Police said 34,500 people fled; 3.5% returned.", "Police|said|34,500|people|fled|;|3.5|%|returned|."},
	{"The deal is worth $1.2bn, or £900m.", "The|deal|is|worth|$|1.2|bn|,|or|£|900|m|."},
	{"He doesn't know, and they're sure it's Iran's.", "He|does|n't|know|,|and|they|'re|sure|it|'s|Iran|'s|."},
	{"We can’t wait; I’m sure she’ll come and you’ve seen it, they’d say.", "We|ca|n’t|wait|;|I|’m|sure|she|’ll|come|and|you|’ve|seen|it|,|they|’d|say|."},
	{"“We want peace,” she said.", "“|We|want|peace|,|”|she|said|."},
	{"It was ‘final’.", "It|was|‘|final|’|."},
	{"See https://example.org/a?b=1. Or www.example.com/x, too.", "See|https://example.org/a?b=1|.|Or|www.example.com/x|,|too|."},
	{"(See https://en.example.org/wiki/Fatah_(party))", "(|See|https://en.example.org/wiki/Fatah_(party)|)"},
	{"Write to press@example.org.", "Write|to|press@example.org|."},
	{"@UNNews posted #Gaza2024 updates.", "@UNNews|posted|#Gaza2024|updates|."},
	{"He waited... then… left.", "He|waited|...|then|…|left|."},
	{"The players' union met O'Brien at 10am.", "The|players|'|union|met|O'Brien|at|10|am|."},
	{"Gen. Mark Milley and George W. Bush met J.R.R. Tolkien's heirs.", "Gen.|Mark|Milley|and|George|W.|Bush|met|J.R.R.|Tolkien|'s|heirs|."},
	{"AT&T, R&D and 24/7 news -- all in 1990-91.", "AT&T|,|R&D|and|24/7|news|--|all|in|1990-91|."},
	{"The war -- and its end.", "The|war|--|and|its|end|."},
	{"She arrived at 9 a.m. on Oct. 7, 2023.", "She|arrived|at|9|a.m.|on|Oct.|7|,|2023|."},
	{"Acme Inc. rose.", "Acme|Inc.|rose|."},
	{"In 2006, 12 people died.", "In|2006|,|12|people|died|."},
	{"Why?!", "Why|?|!"},
	{"The 1990s were calm.", "The|1990s|were|calm|."},
	{"Café owners in Zürich protested.", "Café|owners|in|Zürich|protested|."},
	{"", ""},
	{" \t\n ", ""},
}

func TestTokenize(t *testing.T) {
	for _, tt := range tokenTests {
		var got []string
		for _, tok := range Tokenize(tt.in, khaldun.Span{Start: 0, End: len(tt.in)}) {
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q)\ngot  %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestTokenizeSpans(t *testing.T) {
	body := "Headline\n\nThe envoy left."
	got := Tokenize(body, khaldun.Span{Start: 10, End: len(body)})
	want := []khaldun.Token{
		{Text: "The", Span: khaldun.Span{Start: 10, End: 13}},
		{Text: "envoy", Span: khaldun.Span{Start: 14, End: 19}},
		{Text: "left", Span: khaldun.Span{Start: 20, End: 24}},
		{Text: ".", Span: khaldun.Span{Start: 24, End: 25}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	for _, s := range []khaldun.Span{{Start: -5, End: 3}, {Start: 20, End: 999}, {Start: 9, End: 2}} {
		for _, tok := range Tokenize(body, s) {
			if tok.Text != body[tok.Span.Start:tok.Span.End] {
				t.Errorf("span %v: token %+v", s, tok)
			}
		}
	}
}

func TestAppendTokensReuses(t *testing.T) {
	body := "One two three."
	buf := make([]khaldun.Token, 0, 16)
	got := AppendTokens(buf, body, khaldun.Span{Start: 0, End: len(body)})
	if len(got) != 4 || &got[0] != &buf[:1][0] {
		t.Errorf("AppendTokens did not reuse its buffer: %v", got)
	}
}
