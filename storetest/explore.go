package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/khaldun/khaldun"
)

func testTimeseries(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	// An undated event and one whose only article is undated are left out.
	save(t, s, coded("u", "Post", "", talksOwnWords, meet("CHNGOV", "USAGOV", "")))
	tests := []seriesCase{
		{"day", khaldun.SeriesFilter{}, []khaldun.SeriesPoint{pt("2024-03-01", "", 1, 1, 1), pt("2024-04-30", "", 1, 2, 1), pt("2024-05-10", "", 1, 1, -6.5)}},
		{"week by quad", khaldun.SeriesFilter{Interval: khaldun.Week, By: "quad"},
			[]khaldun.SeriesPoint{pt("2024-02-26", "1", 1, 1, 1), pt("2024-04-29", "1", 1, 2, 1), pt("2024-05-06", "4", 1, 1, -6.5)}},
		{"month by root", khaldun.SeriesFilter{Interval: khaldun.Month, By: "root"},
			[]khaldun.SeriesPoint{pt("2024-03", "04", 1, 1, 1), pt("2024-04", "04", 1, 2, 1), pt("2024-05", "19", 1, 1, -6.5)}},
		{"month", khaldun.SeriesFilter{Interval: khaldun.Month, Filter: khaldun.EventFilter{From: "2024-04-01"}},
			[]khaldun.SeriesPoint{pt("2024-04", "", 1, 2, 1), pt("2024-05", "", 1, 1, -6.5)}},
		{"country on either side", khaldun.SeriesFilter{Filter: khaldun.EventFilter{Country: "usa"}},
			[]khaldun.SeriesPoint{pt("2024-04-30", "", 1, 2, 1), pt("2024-05-10", "", 1, 1, -6.5)}},
		{"country as source", khaldun.SeriesFilter{Filter: khaldun.EventFilter{Country: "USA", Side: khaldun.SourceSide}},
			[]khaldun.SeriesPoint{pt("2024-04-30", "", 1, 2, 1)}},
		{"root and quad", khaldun.SeriesFilter{Filter: khaldun.EventFilter{Root: "04", QuadClass: 1}, Interval: khaldun.Month},
			[]khaldun.SeriesPoint{pt("2024-03", "", 1, 1, 1), pt("2024-04", "", 1, 2, 1)}},
		{"actor", khaldun.SeriesFilter{Filter: khaldun.EventFilter{Actor: "IRN"}, Interval: khaldun.Week},
			[]khaldun.SeriesPoint{pt("2024-05-06", "", 1, 1, -6.5)}},
		{"text query", khaldun.SeriesFilter{Filter: khaldun.EventFilter{Query: "geneva"}, By: "root"},
			[]khaldun.SeriesPoint{pt("2024-04-30", "04", 1, 2, 1)}},
		{"nothing", khaldun.SeriesFilter{Filter: khaldun.EventFilter{Country: "DEU"}}, []khaldun.SeriesPoint{}},
	}
	checkSeries(t, s, tests)
	for _, bad := range []khaldun.SeriesFilter{{By: "actor"}, {Interval: 7}, {Filter: khaldun.EventFilter{Side: 5}},
		{Filter: khaldun.EventFilter{Place: "geonames:?"}}} {
		if _, err := s.Timeseries(ctx, bad); err == nil {
			t.Errorf("series %+v accepted", bad)
		}
	}
}

// testSeriesPrecision: an event is dated as precisely as its text allows
// (a year, a season, a week, a month or a day); a period counts only the
// dates precise enough for it, so that no year stands for its first day.
func testSeriesPrecision(t *testing.T, open func(*testing.T) Store) {
	s := open(t)
	var events []khaldun.Event
	for _, d := range []string{"2016", "2016-SU", "2016-Q1", "2016-W05", "2016-03", "2016-03-15"} {
		events = append(events, meet("USAGOV", "RUSGOV", d))
	}
	save(t, s, coded("p", "Wire", "2016-03-20", talks, events...))
	tests := []seriesCase{
		{"day", khaldun.SeriesFilter{}, []khaldun.SeriesPoint{pt("2016-03-15", "", 1, 1, 1)}},
		{"week", khaldun.SeriesFilter{Interval: khaldun.Week}, []khaldun.SeriesPoint{pt("2016-03-14", "", 1, 1, 1)}},
		{"month", khaldun.SeriesFilter{Interval: khaldun.Month}, []khaldun.SeriesPoint{pt("2016-03", "", 2, 2, 2)}},
		{"month in a range", khaldun.SeriesFilter{Interval: khaldun.Month, Filter: khaldun.EventFilter{From: "2016-01-01", To: "2016-12-31"}},
			[]khaldun.SeriesPoint{pt("2016-03", "", 2, 2, 2)}},
		{"day in a range", khaldun.SeriesFilter{Filter: khaldun.EventFilter{From: "2016-01-01", To: "2016-12-31"}},
			[]khaldun.SeriesPoint{pt("2016-03-15", "", 1, 1, 1)}},
		{"actor by week", khaldun.SeriesFilter{Interval: khaldun.Week, Filter: khaldun.EventFilter{Actor: "USA"}},
			[]khaldun.SeriesPoint{pt("2016-03-14", "", 1, 1, 1)}},
	}
	checkSeries(t, s, tests)
}

// seriesCase is a time-series request and the points it must give.
type seriesCase struct {
	name string
	f    khaldun.SeriesFilter
	want []khaldun.SeriesPoint
}

func checkSeries(t *testing.T, s Store, tests []seriesCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Timeseries(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func pt(period, key string, events, mentions int64, goldstein float64) khaldun.SeriesPoint {
	return khaldun.SeriesPoint{Period: period, Key: key, Events: events, Mentions: mentions, Goldstein: goldstein}
}

func dyad(source, target string, events, mentions int64, mean float64) khaldun.Dyad {
	return khaldun.Dyad{Source: source, Target: target, Events: events, Mentions: mentions, MeanGoldstein: mean}
}

func actor(code, country string, events, asSource, asTarget, mentions int64) khaldun.ActorCount {
	return khaldun.ActorCount{Code: code, Country: country, Events: events, AsSource: asSource, AsTarget: asTarget, Mentions: mentions}
}

func testNetwork(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	save(t, s, coded("c", "Post", "2024-05-12", talksOwnWords, meet("IRNGOV", "USAGOV", "2024-05-12")))
	tests := []struct {
		name string
		f    khaldun.NetworkFilter
		want []khaldun.Dyad
	}{
		{"actors", khaldun.NetworkFilter{}, []khaldun.Dyad{dyad("IRNGOV", "USAGOV", 1, 1, 1), dyad("IRNMIL", "USAGOV", 1, 1, -6.5), dyad("USAGOV", "RUSGOV", 1, 2, 1)}},
		{"countries", khaldun.NetworkFilter{ByCountry: true}, []khaldun.Dyad{dyad("IRN", "USA", 2, 2, -2.75), dyad("USA", "RUS", 1, 2, 1)}},
		{"limit", khaldun.NetworkFilter{ByCountry: true, Limit: 1}, []khaldun.Dyad{dyad("IRN", "USA", 2, 2, -2.75)}},
		{"filtered", khaldun.NetworkFilter{Filter: khaldun.EventFilter{QuadClass: 1}}, []khaldun.Dyad{dyad("IRNGOV", "USAGOV", 1, 1, 1), dyad("USAGOV", "RUSGOV", 1, 2, 1)}},
		{"nothing", khaldun.NetworkFilter{Filter: khaldun.EventFilter{Actor: "FRA"}}, []khaldun.Dyad{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Network(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := s.Network(ctx, khaldun.NetworkFilter{Filter: khaldun.EventFilter{Side: 4}}); !errors.Is(err, khaldun.ErrInvalid) {
		t.Errorf("bad filter: %v", err)
	}
}

func testActors(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	tests := []struct {
		name string
		f    khaldun.ActorFilter
		want []khaldun.ActorCount
	}{
		{"all", khaldun.ActorFilter{}, []khaldun.ActorCount{actor("USAGOV", "USA", 2, 1, 1, 3), actor("FRAGOV", "FRA", 1, 1, 0, 1),
			actor("IRNMIL", "IRN", 1, 1, 0, 1), actor("RUSGOV", "RUS", 1, 0, 1, 2)}},
		{"limit", khaldun.ActorFilter{Limit: 2}, []khaldun.ActorCount{actor("USAGOV", "USA", 2, 1, 1, 3), actor("FRAGOV", "FRA", 1, 1, 0, 1)}},
		{"code prefix", khaldun.ActorFilter{Query: "rus"}, []khaldun.ActorCount{actor("RUSGOV", "RUS", 1, 0, 1, 2)}},
		{"name", khaldun.ActorFilter{Query: "Iranian"}, []khaldun.ActorCount{actor("IRNMIL", "IRN", 1, 1, 0, 1)}},
		{"nobody", khaldun.ActorFilter{Query: "zzz"}, []khaldun.ActorCount{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Actors(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func testQuotes(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	tests := []struct {
		name string
		f    khaldun.QuoteFilter
		want []string
	}{
		{"all, newest article first", khaldun.QuoteFilter{}, []string{"b:free them", "b:an inquiry", "a:a third round"}},
		{"speaker", khaldun.QuoteFilter{Speaker: "MINISTER"}, []string{"b:an inquiry"}},
		{"actor prefix", khaldun.QuoteFilter{Actor: "usa"}, []string{"a:a third round"}},
		{"text", khaldun.QuoteFilter{Text: "Free"}, []string{"b:free them"}},
		{"dates", khaldun.QuoteFilter{From: "2024-05-01", To: "2024-05-10"}, []string{"a:a third round"}},
		{"nothing", khaldun.QuoteFilter{To: "2024-01-01"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.Quotes(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range page.Quotes {
				got = append(got, q.Article.ID+":"+q.Quote.Text)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || page.Next != "" || page.Quotes == nil {
				t.Errorf("got %v (next %q), want %v", got, page.Next, tt.want)
			}
		})
	}
	page, err := s.Quotes(ctx, khaldun.QuoteFilter{Speaker: "minister"})
	if err != nil || len(page.Quotes) != 1 {
		t.Fatal(page, err)
	}
	want := khaldun.StoredQuote{Article: khaldun.ArticleRef{ID: "b", Title: "t b", Source: "Daily", Published: "2024-05-11", URL: "https://example.org/b"},
		Quote: khaldun.Quote{Text: "an inquiry", Span: khaldun.Span{Start: 200, End: 210}, Speaker: "the interior minister", SpeakerActor: "IRNGOV"}}
	if page.Quotes[0] != want {
		t.Errorf("quote %+v, want %+v", page.Quotes[0], want)
	}
	// Pages of one walk the listing in order, across articles.
	var got []string
	f := khaldun.QuoteFilter{Limit: 1}
	for range 5 {
		page, err := s.Quotes(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range page.Quotes {
			got = append(got, q.Quote.Text)
		}
		if f.Cursor = page.Next; f.Cursor == "" {
			break
		}
	}
	if fmt.Sprint(got) != "[free them an inquiry a third round]" {
		t.Errorf("pages %v", got)
	}
	if _, err := s.Quotes(ctx, khaldun.QuoteFilter{Cursor: "%%"}); !errors.Is(err, khaldun.ErrInvalid) {
		t.Errorf("bad cursor: %v", err)
	}
}

func testCounts(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	tests := []struct {
		name string
		f    khaldun.CountFilter
		want []string
	}{
		{"all, newest article first", khaldun.CountFilter{}, []string{"b:arrested 40", "b:wounded 12", "a:killed 3"}},
		{"type", khaldun.CountFilter{Type: "Killed"}, []string{"a:killed 3"}},
		{"country of a place", khaldun.CountFilter{Country: "irn"}, []string{"b:arrested 40", "b:wounded 12"}},
		{"dates", khaldun.CountFilter{From: "2024-05-11"}, []string{"b:arrested 40", "b:wounded 12"}},
		{"nothing", khaldun.CountFilter{Type: "missing"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.Counts(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range page.Counts {
				got = append(got, fmt.Sprintf("%s:%s %d", c.Article.ID, c.Count.Type, c.Count.Number))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || page.Next != "" || page.Counts == nil {
				t.Errorf("got %v (next %q), want %v", got, page.Next, tt.want)
			}
		})
	}
	page, err := s.Counts(ctx, khaldun.CountFilter{Limit: 2})
	if err != nil || len(page.Counts) != 2 || page.Next == "" {
		t.Fatal(page, err)
	}
	// The listing carries who did it, where the sentence says so.
	if c := page.Counts[1].Count; c.Agent != "police" || c.AgentRole != "COP" || c.AgentSpan == nil || *c.AgentSpan != (khaldun.Span{Start: 40, End: 46}) {
		t.Errorf("count with an agent %+v", c)
	}
	if c := page.Counts[0].Count; c.Agent != "" || c.AgentSpan != nil || c.AgentRole != "" {
		t.Errorf("count without an agent %+v", c)
	}
	page, err = s.Counts(ctx, khaldun.CountFilter{Limit: 2, Cursor: page.Next})
	if err != nil || len(page.Counts) != 1 || page.Next != "" {
		t.Fatal(page, err)
	}
	want := khaldun.StoredCount{Article: khaldun.ArticleRef{ID: "a", Title: "t a", Source: "Wire", Published: "2024-05-01", URL: "https://example.org/a"},
		Count: khaldun.Count{Type: "killed", Number: 3, Qualifier: "at least", Object: "people", Span: khaldun.Span{Start: 1, End: 2}}}
	if page.Counts[0] != want {
		t.Errorf("count %+v, want %+v", page.Counts[0], want)
	}
}

func testEventDetail(t *testing.T, open func(*testing.T) Store) {
	s, ctx := world(t, open), context.Background()
	d, err := s.EventDetail(ctx, worldEvent("E1"))
	if err != nil {
		t.Fatal(err)
	}
	e, ms, err := s.Event(ctx, worldEvent("E1"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Event, *e) || d.Event.NumMentions != 2 || d.Event.NumArticles != 2 || d.Event.NumSources != 2 {
		t.Errorf("detail event %+v, event %+v", d.Event, e)
	}
	if len(d.Mentions) != 2 || len(ms) != 2 {
		t.Fatalf("detail mentions %+v, mentions %+v", d.Mentions, ms)
	}
	for i, art := range []string{"a", "b"} {
		m := d.Mentions[i]
		body := map[string]string{"a": talks, "b": protest}[art]
		if m.Article.ID != art || m.Article.Title != "t "+art || m.Article.URL != "https://example.org/"+art ||
			!reflect.DeepEqual(m.Event, ms[i].Event) || ms[i].Article != art ||
			body[m.Sentence.Start:m.Sentence.End] != m.Event.Text || m.Event.Location == nil || m.Event.Location.Span != geneva.Span {
			t.Errorf("mention %d: %+v", i, m)
		}
	}
	if d.Event.FirstSeen != "2024-05-01" || d.Event.LastSeen != "2024-05-11" || d.Event.AvgTone == nil || *d.Event.AvgTone != -2 {
		t.Errorf("aggregate %+v", d.Event)
	}
}
