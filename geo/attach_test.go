package geo

import (
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestAttach(t *testing.T) {
	p, a := testPipeline(t)
	cases := []struct {
		text, verb, want string // want "" means no location
	}{
		{"The two foreign ministers met in Beijing on Tuesday.", "met", "Beijing"},
		{"An air strike near Khan Younis killed four people.", "killed", "Khan Younis"},
		{"Envoys will meet in Qatar in March to discuss a truce.", "meet", "Qatar"},
		{"Washington said it would impose new sanctions.", "said", ""},
		{"Syrian troops shelled the hills overnight.", "shelled", ""},
		{"The Paris-based charity condemned the raid.", "condemned", ""},
		{"The president flew to Doha on Sunday.", "flew", ""},
		{"Protesters rallied in the northern city of Aleppo on Friday.", "rallied", "Aleppo"},
		{"Leaders met in Oslo after talks in Cairo collapsed.", "met", "Oslo"},
		{"In Nairobi, police arrested three suspects.", "arrested", "Nairobi"},
		{"Police arrested three men; the raid in Lagos was the second this week.", "arrested", ""},
	}
	for _, c := range cases {
		doc := annotate(t, p, c.text)
		tx := p.Prepare(c.text, "")
		var s khaldun.Sentence
		if len(tx.Sentences) > 0 {
			s = tx.Sentences[0]
		}
		i := strings.Index(c.text, " "+c.verb) + 1
		if strings.HasPrefix(c.text, c.verb) {
			i = 0
		}
		loc := a.Attach(doc, s, khaldun.Span{Start: i, End: i + len(c.verb)})
		got := ""
		if loc != nil {
			got = loc.Text
		}
		if got != c.want {
			t.Errorf("%q (verb %q): got %q, want %q", c.text, c.verb, got, c.want)
		}
	}
	if a.Attach(nil, khaldun.Sentence{}, khaldun.Span{}) != nil {
		t.Error("Attach(nil) is not nil")
	}
}
