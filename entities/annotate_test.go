package entities

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/pipeline"
)

// prepare runs the text layer, as the pipeline does before annotators.
func prepareText(t testing.TB, body, date string) *khaldun.Text {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p.Prepare(body, date)
}

func mentions(t testing.TB, body, date string) []Mention {
	t.Helper()
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ms, err := a.Mentions(context.Background(), prepareText(t, body, date))
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// show writes mentions as "Type:Text[=Actor][^Ref]" for compact tables.
func show(ms []Mention) string {
	var b []string
	for _, m := range ms {
		s := m.Type + ":" + m.Text
		if m.Actor != "" {
			s += "=" + m.Actor
		}
		if m.Ref >= 0 {
			s += fmt.Sprintf("^%d", m.Ref)
		}
		b = append(b, s)
	}
	return strings.Join(b, " | ")
}

func TestMentions(t *testing.T) {
	cases := []struct{ date, text, want string }{
		// A surname after the full name links to it and shares its code.
		{"2021-05-01", "Ismail Haniyeh met Egyptian mediators in Cairo on Monday. Haniyeh said the talks were useful.",
			"PERSON:Ismail Haniyeh=PSEREB | MISC:Egyptian=EGY | LOC:Cairo=EGY | PERSON:Haniyeh=PSEREB^0"},
		// Without a date only a current office codes a person; the link holds.
		{"", "Ismail Haniyeh met Egyptian mediators in Cairo on Monday. Haniyeh said the talks were useful.",
			"PERSON:Ismail Haniyeh | MISC:Egyptian=EGY | LOC:Cairo=EGY | PERSON:Haniyeh^0"},
		// An acronym defined in parentheses.
		{"2021-05-01", "The Palestinian Authority (PA) rejected the plan, and a PA spokesman said Israel had not consulted it.",
			"ORG:Palestinian Authority=PSEGOV | ORG:PA=PSEGOV^0 | ORG:PA=PSEGOV^0 | LOC:Israel=ISR"},
		{"2021-05-01", "Officials at the World Health Organization (WHO) in Geneva said WHO teams were ready.",
			"ORG:World Health Organization=IGOUNOHLH | ORG:WHO=IGOUNOHLH^0 | LOC:Geneva | ORG:WHO=IGOUNOHLH^0"},
		{"2021-05-01", "Angela Merkel told the Bundestag that Germany would send aid to Ukraine.",
			"PERSON:Angela Merkel=DEUGOV | ORG:Bundestag=DEULEG | LOC:Germany=DEU | LOC:Ukraine=UKR"},
		{"2021-05-01", "Rebels of the Allied Democratic Forces attacked a village near Beni, the United Nations said.",
			"ORG:Allied Democratic Forces=CODREB | LOC:Beni | ORG:United Nations=IGOUNO"},
		{"2021-05-01", "The European Union and NATO condemned the strike on the port of Odesa.",
			"ORG:European Union=IGOEUR | ORG:NATO=IGONAT | LOC:Odesa"},
		// An organisation that changed sides codes by the date too.
		{"2020-05-01", "The Rapid Support Forces patrolled Khartoum.", "ORG:Rapid Support Forces=SDNMIL | LOC:Khartoum=SDN"},
		{"2024-05-01", "The Rapid Support Forces patrolled Khartoum.", "ORG:Rapid Support Forces=SDNREB | LOC:Khartoum=SDN"},
		{"2021-05-01", "it rained all day and nobody came.", ""},
	}
	for _, c := range cases {
		if got := show(mentions(t, c.text, c.date)); got != c.want {
			t.Errorf("%s %q:\n got %s\nwant %s", c.date, c.text, got, c.want)
		}
	}
}

// tok builds the tokens of a space-separated sentence starting at off.
func toks(words string, off int) []khaldun.Token {
	var out []khaldun.Token
	for _, w := range strings.Fields(words) {
		out = append(out, khaldun.Token{Text: w, Span: khaldun.Span{Start: off, End: off + len(w)}})
		off += len(w) + 1
	}
	return out
}

// TestLinker drives the linker with hand-made names, so that the rules are
// tested apart from what the model happens to find.
func TestLinker(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	type sent struct {
		words string
		spans []span
	}
	cases := []struct {
		name  string
		sents []sent
		want  string
	}{
		{"surname", []sent{
			{"Dara Olsen spoke", []span{{0, 0, 2}}},
			{"Olsen left", []span{{0, 0, 1}}},
		}, "PERSON:Dara Olsen | PERSON:Olsen^0"},
		{"surname only for a person", []sent{
			{"Dara Olsen spoke", []span{{0, 0, 2}}},
			{"Olsen left", []span{{2, 0, 1}}},
		}, "PERSON:Dara Olsen | LOC:Olsen"},
		{"surname the tagger missed", []sent{
			{"Dara Olsen spoke", []span{{0, 0, 2}}},
			{"then Olsen left", nil},
		}, "PERSON:Dara Olsen | PERSON:Olsen^0"},
		{"repeated name", []sent{
			{"Dara Olsen spoke", []span{{0, 0, 2}}},
			{"Dara Olsen left", []span{{0, 0, 2}}},
		}, "PERSON:Dara Olsen | PERSON:Dara Olsen^0"},
		{"acronym in parentheses", []sent{
			{"the Velk Board ( VB ) met", []span{{1, 1, 3}}},
			{"VB said", nil},
		}, "ORG:Velk Board | ORG:VB^0 | ORG:VB^0"},
		{"acronym from initials", []sent{
			{"the Union of Omra States met", []span{{1, 1, 5}}},
			{"UOS said", []span{{1, 0, 1}}},
		}, "ORG:Union of Omra States | ORG:UOS^0"},
		{"lower-case word is no alias", []sent{
			{"Dara Olsen spoke", []span{{0, 0, 2}}},
			{"olsen left", nil},
		}, "PERSON:Dara Olsen"},
		{"actor passes to the link", []sent{
			{"the Palestinian Authority ( PA ) met", []span{{1, 1, 3}, {1, 4, 5}}},
		}, "ORG:Palestinian Authority=PSEGOV | ORG:PA=PSEGOV^0"},
	}
	for _, c := range cases {
		l := newLinker(g, "2021-01-01")
		body := ""
		for si, s := range c.sents {
			ts := toks(s.words, len(body))
			body += s.words + " "
			info := make([]tokInfo, len(ts))
			prepare(info, ts, nil, g)
			l.sentence(body, si, ts, info, s.spans)
		}
		if got := show(l.out); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestAnnotate(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := prepareText(t, "Jacinda Ardern visited Samoa.", "2019-01-01")
	d := khaldun.NewDocument(khaldun.Article{})
	if err := a.Annotate(context.Background(), text, d); err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 2 || d.Entities[0].Text != "Jacinda Ardern" || d.Entities[1].Span != (khaldun.Span{Start: 23, End: 28}) {
		t.Errorf("entities %+v", d.Entities)
	}
	for _, e := range d.Entities {
		if text.Body[e.Span.Start:e.Span.End] != e.Text {
			t.Errorf("entity %q does not match its span %v", e.Text, e.Span)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Annotate(ctx, text, d); err == nil {
		t.Error("cancelled context: no error")
	}
	if _, err := NewWithModel(nil); err == nil {
		t.Error("nil model: no error")
	}
}
