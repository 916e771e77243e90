package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

// TestSeedArticle codes the page khaldun started from (the shared
// seed/article.txt, published 2024-04-30) and checks what the project
// promised to find on it: the Fatah↔Hamas consultation in Beijing both
// ways, China's mediation, the February meeting in Moscow, China's
// diplomat meeting Hamas in Qatar in March, Hamas's call on Israel to
// withdraw, Israel's campaign in Gaza, the dead and the missing, and no
// event from the page's boilerplate.
func TestSeedArticle(t *testing.T) {
	path := sharedtest.Path(t, "seed/article.txt")
	out, stderr, status := run(t, "", "code", path, "--date", "2024-04-30")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var doc khaldun.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	has := func(src, tgt, root, place, date string) bool {
		for _, e := range doc.Events {
			tc := ""
			if e.Target != nil {
				tc = e.Target.Code
			}
			loc := ""
			if e.Location != nil {
				loc = e.Location.Name
			}
			if strings.HasPrefix(e.Source.Code, src) && strings.HasPrefix(tc, tgt) && strings.HasPrefix(e.Code, root) &&
				(place == "" || loc == place) && (date == "" || e.Date == date) {
				return true
			}
		}
		return false
	}
	for _, w := range []struct {
		what                        string
		src, tgt, root, place, date string
	}{
		{"Fatah meets Hamas in Beijing", "PSEPTY", "PSEREB", "04", "Beijing", "2024-04-30"},
		{"Hamas meets Fatah in Beijing", "PSEREB", "PSEPTY", "04", "Beijing", "2024-04-30"},
		{"China mediates among the Palestinians", "CHN", "PSE", "045", "", ""},
		{"the February meeting in Moscow", "PSEPTY", "PSEREB", "04", "Moscow", "2024-02"},
		{"China's diplomat meets Hamas in Qatar in March", "CHN", "PSEREB", "04", "Qatar", "2024-03"},
		{"Hamas calls on Israel to withdraw", "PSEREB", "ISR", "02", "", ""},
		{"Israel's campaign in Gaza", "ISR", "PSE", "19", "", ""},
	} {
		if !has(w.src, w.tgt, w.root, w.place, w.date) {
			t.Errorf("no event: %s (%s → %s, %s…, %q, %q)", w.what, w.src, w.tgt, w.root, w.place, w.date)
		}
	}
	counts := map[string]int64{}
	for _, c := range doc.Counts {
		counts[c.Type] = c.Number
	}
	if counts["KILL"] != 34500 || counts["MISSING"] != 10000 {
		t.Errorf("counts %+v, want KILL 34500 and MISSING 10000", doc.Counts)
	}
	var boiler []string
	for _, d := range doc.Article.Dropped {
		boiler = append(boiler, d.Text)
	}
	if !strings.Contains(strings.Join(boiler, "\n"), "Taylor Swift") {
		t.Errorf("the trailing headline links were not dropped: %q", boiler)
	}
	for _, e := range doc.Events {
		if strings.Contains(e.Text, "Taylor Swift") || strings.Contains(e.Text, "Reading Time") {
			t.Errorf("event from boilerplate: %+v", e)
		}
	}
}
