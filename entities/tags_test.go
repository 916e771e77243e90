package entities

import (
	"slices"
	"strings"
	"testing"
)

func TestEncodeDecode(t *testing.T) {
	cases := []struct {
		spans []span
		n     int
		tags  string
	}{
		{[]span{{0, 0, 2}, {2, 3, 4}}, 5, "B-PERSON L-PERSON O U-LOC O"},
		{[]span{{1, 1, 4}}, 4, "O B-ORG I-ORG L-ORG"},
		{[]span{{3, 0, 1}, {0, 0, 2}}, 2, "U-MISC O"}, // overlap: the later span is dropped
		{nil, 2, "O O"},
	}
	for _, c := range cases {
		tags := encode(c.spans, c.n)
		var names []string
		for _, tg := range tags {
			names = append(names, tagName(tg))
		}
		if got := strings.Join(names, " "); got != c.tags {
			t.Errorf("encode %v = %q, want %q", c.spans, got, c.tags)
		}
		want := c.spans
		if len(want) == 2 && want[0].typ == 3 {
			want = want[:1]
		}
		if got := decode(nil, tags); !slices.Equal(got, want) {
			t.Errorf("decode(encode %v) = %v", c.spans, got)
		}
	}
}

func TestDecodeLenient(t *testing.T) {
	// I without B, a type change inside a name, a name left open.
	tags := []uint8{tagOf(0, posI), tagOf(0, posL), tagOf(1, posB), tagOf(2, posI), tagOf(2, posB), tagOf(2, posI)}
	want := []span{{0, 0, 2}, {1, 2, 3}, {2, 3, 4}, {2, 4, 6}}
	if got := decode(nil, tags); !slices.Equal(got, want) {
		t.Errorf("decode = %v, want %v", got, want)
	}
}

func TestAllowed(t *testing.T) {
	bPer, lPer, iOrg, uLoc := tagOf(0, posB), tagOf(0, posL), tagOf(1, posI), tagOf(2, posU)
	cases := []struct {
		prev, t uint8
		last    bool
		want    bool
	}{
		{tagO, bPer, false, true},
		{tagO, bPer, true, false}, // nothing may be left open
		{tagO, iOrg, false, false},
		{bPer, lPer, true, true},
		{bPer, tagO, false, false},
		{bPer, iOrg, false, false}, // a name keeps its type
		{lPer, uLoc, false, true},
	}
	for _, c := range cases {
		if got := allowed(c.prev, c.t, c.last); got != c.want {
			t.Errorf("allowed(%s, %s, %v) = %v", tagName(c.prev), tagName(c.t), c.last, got)
		}
	}
}
