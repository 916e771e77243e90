package engine

import (
	"context"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestNotActors(t *testing.T) {
	// "Hamas called on Israel to withdraw from Gaza." with places at
	// Israel [16,22) and Gaza [39,43).
	doc := khaldun.NewDocument(khaldun.Article{})
	doc.Sentences = []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: 44}}}
	doc.Places = []khaldun.Place{
		{Text: "Israel", Span: khaldun.Span{Start: 16, End: 22}},
		{Text: "Gaza", Span: khaldun.Span{Start: 39, End: 43}},
	}
	target := &khaldun.Actor{Text: "Israel", Span: khaldun.Span{Start: 16, End: 22}}
	doc.Events = []khaldun.Event{
		{Source: khaldun.Actor{Span: khaldun.Span{Start: 0, End: 5}}, Target: target, Location: &khaldun.Location{Text: "Israel"}},
		{Source: khaldun.Actor{Span: khaldun.Span{Start: 0, End: 5}}, Target: target, Location: &khaldun.Location{Text: "Gaza"}},
		{Source: khaldun.Actor{Span: khaldun.Span{Start: 0, End: 5}}, Location: nil},
	}
	if err := (notActors{}).Annotate(context.Background(), nil, doc); err != nil {
		t.Fatal(err)
	}
	if doc.Events[0].Location != nil {
		t.Error("the target's own name kept as the location")
	}
	if doc.Events[1].Location == nil || doc.Events[1].Location.Text != "Gaza" {
		t.Errorf("a real location was cleared: %+v", doc.Events[1].Location)
	}
}
