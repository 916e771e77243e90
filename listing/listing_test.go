package listing

import (
	"errors"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestResume(t *testing.T) {
	byDate := After(khaldun.ByDate, &khaldun.AggregateEvent{Date: "2024-05-01", NumMentions: 7}, 42).String()
	byMentions := After(khaldun.ByMentions, &khaldun.AggregateEvent{Date: "2024-05-01", NumMentions: 7}, 42).String()
	notANumber := EventCursor{Sort: khaldun.ByMentions, Value: "seven", Seq: 1}.String()
	tests := []struct {
		name    string
		cur     string
		sort    khaldun.EventSort
		value   any
		seq     int64
		invalid bool
	}{
		{"date", byDate, khaldun.ByDate, "2024-05-01", 42, false},
		{"mentions", byMentions, khaldun.ByMentions, 7, 42, false},
		{"other listing", byDate, khaldun.ByMentions, nil, 0, true},
		{"count not a number", notANumber, khaldun.ByMentions, nil, 0, true},
		{"not base64", "!!", khaldun.ByDate, nil, 0, true},
		{"not JSON", "bm90IGpzb24", khaldun.ByDate, nil, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, seq, err := Resume(tt.cur, tt.sort)
			if tt.invalid {
				if !errors.Is(err, khaldun.ErrInvalid) {
					t.Fatalf("Resume(%q) error %v, want ErrInvalid", tt.cur, err)
				}
				return
			}
			if err != nil || v != tt.value || seq != tt.seq {
				t.Fatalf("Resume(%q) = %v, %d, %v; want %v, %d", tt.cur, v, seq, err, tt.value, tt.seq)
			}
		})
	}
}

func TestAnnotationCursorRoundTrip(t *testing.T) {
	want := AnnotationCursor{Published: "2024-05-01T10:00:00Z", Article: 9, Ord: 3}
	got, err := ParseAnnotationCursor(want.String())
	if err != nil || got != want {
		t.Fatalf("round trip = %+v, %v; want %+v", got, err, want)
	}
	if _, err := ParseAnnotationCursor("%%"); !errors.Is(err, khaldun.ErrInvalid) {
		t.Fatalf("bad cursor error %v, want ErrInvalid", err)
	}
}

func TestLimit(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{-1, 100}, {0, 100}, {1, 1}, {1000, 1000}, {5000, 1000}} {
		if got := Limit(tt.n, DefaultLimit, MaxLimit); got != tt.want {
			t.Errorf("Limit(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name    string
		in      khaldun.EventFilter
		want    khaldun.EventFilter
		invalid bool
	}{
		{"upper-cases codes", khaldun.EventFilter{Actor: "usagov", Country: "irn", ActorName: "Obama"},
			khaldun.EventFilter{Actor: "USAGOV", Country: "IRN", ActorName: "Obama"}, false},
		{"antimeridian box kept", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: -10, MaxLat: 10, MinLon: 170, MaxLon: -170}},
			khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: -10, MaxLat: 10, MinLon: 170, MaxLon: -170}}, false},
		{"box upside down", khaldun.EventFilter{BBox: &khaldun.BBox{MinLat: 10, MaxLat: -10}}, khaldun.EventFilter{}, true},
		{"side out of range", khaldun.EventFilter{Side: khaldun.TargetSide + 1}, khaldun.EventFilter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Events(tt.in)
			if tt.invalid {
				if !errors.Is(err, khaldun.ErrInvalid) {
					t.Fatalf("error %v, want ErrInvalid", err)
				}
				return
			}
			if err != nil || got.Actor != tt.want.Actor || got.Country != tt.want.Country || got.ActorName != tt.want.ActorName ||
				(got.BBox == nil) != (tt.want.BBox == nil) || (got.BBox != nil && *got.BBox != *tt.want.BBox) {
				t.Fatalf("Events(%+v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestAnnotationFilters(t *testing.T) {
	if q := Quotes(khaldun.QuoteFilter{Actor: "usa", Speaker: "Obama"}); q.Actor != "USA" || q.Speaker != "Obama" {
		t.Errorf("Quotes = %+v", q)
	}
	if c := Counts(khaldun.CountFilter{Type: "Killed", Country: "syr"}); c.Type != "killed" || c.Country != "SYR" {
		t.Errorf("Counts = %+v", c)
	}
	if got := PrefixEnd("USA"); !("USAGOV" < got && "USA" < got && "USB" > got) {
		t.Errorf("PrefixEnd(USA) = %q does not bound the USA codes", got)
	}
}
