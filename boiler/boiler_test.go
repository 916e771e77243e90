package boiler

import (
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

const lead = "Harbour workers in Velmora went back to work on Monday."

// TestStripReasons puts each boilerplate line after a lead paragraph and
// checks that exactly it is dropped, for the given reason.
func TestStripReasons(t *testing.T) {
	tests := []struct{ line, reason string }{
		{"Reading Time: 2 minutes", "reading-time"},
		{"Estimated reading time: 4 min", "reading-time"},
		{"3 min read", "reading-time"},
		{"Share this article", "share"},
		{"Share on Facebook", "share"},
		{"Facebook | Twitter | Email", "share"},
		{"Follow us on Twitter @velmorapost", "share"},
		{"Follow Ana Ruiz on Twitter.", "share"},
		{"Subscribe to our newsletter", "subscribe"},
		{"Sign up for our daily briefing", "subscribe"},
		{"Click here to get the app", "click-here"},
		{"Advertisement", "advertisement"},
		{"- ADVERTISEMENT -", "advertisement"},
		{"Story continues below advertisement", "advertisement"},
		{"Related: Dock strike spreads to second port", "related"},
		{"Read more:", "related"},
		{"READ MORE: How the wage deal was struck", "related"},
		{"Tags: labour, ports, Velmora", "tags"},
		{"Copyright 2024 Velmora Post. All rights reserved.", "copyright"},
		{"© 2023 Example Media Ltd", "copyright"},
		{"(c) 2022 Example Wire", "copyright"},
		{"Photo: Ana Ruiz/Getty Images", "photo-credit"},
		{"(Photo by Ana Ruiz/AFP via Getty Images)", "photo-credit"},
		{"Image caption Workers leave the docks", "photo-credit"},
		{"(Reporting by Ana Ruiz; Editing by Tom Berg)", "byline"},
		{"Contributing: Ana Ruiz in Velmora", "byline"},
		{"By Ana Ruiz and Tom Berg, Example Wire", "byline"},
	}
	for _, tt := range tests {
		body := lead + "\n\n" + tt.line + "\n\nThe port reopened at noon.\n"
		kept, dropped := Strip(body)
		if len(dropped) != 1 || dropped[0].Line != 3 || dropped[0].Reason != tt.reason || dropped[0].Text != tt.line {
			t.Errorf("%q: dropped %+v, want line 3 as %s", tt.line, dropped, tt.reason)
		}
		if want := lead + "\n\nThe port reopened at noon.\n"; kept != want {
			t.Errorf("%q: kept %q, want %q", tt.line, kept, want)
		}
	}
}

// TestStripKeeps lists lines that look a little like boilerplate but are
// news and must stay, anywhere in the body including at its end.
func TestStripKeeps(t *testing.T) {
	for _, line := range []string{
		"The talks continue on Friday.",
		"Share prices fell sharply after the announcement.",
		"Subscribers to the state broadcaster rose by a tenth.",
		"Advertising revenue at the paper halved last year.",
		"Copyright law was changed in 2019, the minister said.",
		"By Tuesday, the talks had collapsed.",
		"\"We will not sign this,\" said union secretary Ilse Marant.",
		"Follow the money, the prosecutor told the court.",
		"Read more about the deal on page four, the paper said.",
		"Pictures by the artist sold for two million.",
		"Ilse Marant is a professor of labour law at Velmora University",
		"Dock workers voted 312 to 40 in favour",
		"Reporting from the docks was banned for a week.",
	} {
		body := lead + "\n\n" + line + "\n"
		if kept, dropped := Strip(body); len(dropped) != 0 || kept != body {
			t.Errorf("%q: dropped %+v", line, dropped)
		}
	}
}

func TestStripStructure(t *testing.T) {
	tests := []struct{ name, body, kept string }{
		{"unchanged when clean", "Title here\n\n\nPara one.\r\n\r\nPara two.", "Title here\n\n\nPara one.\r\n\r\nPara two."},
		{"headline-shaped first line kept", "Subscribe To Nothing: A Protest\n\nBody text here.\n", "Subscribe To Nothing: A Protest\n\nBody text here.\n"},
		{"reading time on line 1 still dropped", "Reading Time: 2 minutes\n\nBody text.\n", "Body text.\n"},
		{"drop inside a paragraph joins it", "A first line.\nAdvertisement\nA second line.\n", "A first line.\nA second line.\n"},
		{"lone paragraph leaves one break", "One.\n\n\nAdvertisement\n\n\nTwo.\n", "One.\n\nTwo.\n"},
		{"trailing drops take trailing blanks", "One.\n\nShare this article\n\n", "One.\n"},
		{"no final newline kept so", "One.\n\nAdvertisement", "One."},
		{"links after prose", "Title\n\nThe envoys met on Monday.\n\nFive Cheap Summer Trips Markets Rally Again Storm Hits Coast", "Title\n\nThe envoys met on Monday."},
		{"links under a heading", "Title\n\nThe envoys met.\n\nRead more:\n\nWhy the deal failed, and what next\nEnvoys meet again\n", "Title\n\nThe envoys met.\n"},
		{"short last line without period kept", "Title\n\nThe envoys met on Monday.\n\nMore to follow\n", "Title\n\nThe envoys met on Monday.\n\nMore to follow\n"},
		{"title-case body only: nothing to anchor", "Markets Rally Again On Monday\n\nFive Cheap Summer Trips To Take\n", "Markets Rally Again On Monday\n\nFive Cheap Summer Trips To Take\n"},
	}
	for _, tt := range tests {
		if kept, _ := Strip(tt.body); kept != tt.kept {
			t.Errorf("%s: kept %q, want %q", tt.name, kept, tt.kept)
		}
	}
}

func TestStripSeed(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "seed/article.txt"))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	kept, dropped := Strip(string(b))
	if len(dropped) != 2 {
		t.Fatalf("dropped %d lines, want 2: %+v", len(dropped), dropped)
	}
	if d := dropped[0]; d.Text != "Reading Time: 2 minutes" || d.Reason != "reading-time" {
		t.Errorf("first dropped %+v, want the reading-time line", d)
	}
	if d := dropped[1]; !strings.HasPrefix(d.Text, "Taylor Swifts New Album") || d.Reason != "trailing-links" {
		t.Errorf("last dropped %+v, want the trending links", d)
	}
	if !strings.HasPrefix(kept, "Hamas and Fatah officials") || !strings.HasSuffix(kept, "Israeli-Palestinian conflict.") {
		t.Errorf("kept text lost its title or last sentence")
	}
}

func FuzzStrip(f *testing.F) {
	f.Add(lead + "\n\nAdvertisement\n\nThe port reopened.\n\nMarkets Rally Again Storm Hits The Coast\n")
	f.Add("Reading Time: 2 minutes\r\n\r\nBody.\r\nRead more:\r\nA Link Title")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, body string) {
		kept, dropped := Strip(body)
		// Every non-blank line is either kept or dropped, once, in order.
		var want []string
		for _, l := range strings.Split(body, "\n") {
			if strings.TrimSpace(l) != "" {
				want = append(want, strings.TrimSpace(l))
			}
		}
		var got []string
		di := 0
		lines := strings.Split(body, "\n")
		for _, d := range dropped {
			if d.Line < 1 || d.Line > len(lines) || strings.TrimSpace(lines[d.Line-1]) != d.Text || d.Text == "" {
				t.Fatalf("dropped %+v does not name a non-blank line of the body", d)
			}
		}
		for i, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			if di < len(dropped) && dropped[di].Line == i+1 {
				di++
				continue
			}
			got = append(got, strings.TrimSpace(l))
		}
		var keptLines []string
		for _, l := range strings.Split(kept, "\n") {
			if strings.TrimSpace(l) != "" {
				keptLines = append(keptLines, strings.TrimSpace(l))
			}
		}
		if di != len(dropped) || strings.Join(got, "\n") != strings.Join(keptLines, "\n") {
			t.Fatalf("kept and dropped do not partition the lines of %q:\nkept %q\ndropped %+v", body, kept, dropped)
		}
		if len(got)+len(dropped) != len(want) {
			t.Fatalf("line count mismatch")
		}
	})
}
