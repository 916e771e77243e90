// Package boiler removes the boilerplate a scraper leaves in article text:
// reading-time badges, share and subscribe prompts, advertisement markers,
// related-story links, copyright and photo-credit lines, and the run of
// trending headlines some sites append to the body.
//
// It works on whole lines and drops only lines that are nothing but
// boilerplate; a sentence that merely mentions Twitter or copyright stays.
// Being wrong by keeping costs a few stray tokens; being wrong by dropping
// loses evidence, so every rule errs towards keeping.
package boiler

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// Strip returns body without its boilerplate lines and the lines it
// dropped, in order, with their 1-based line numbers in body.
//
// Kept keeps the paragraph structure: where a dropped line stood alone
// between blank lines, one blank line remains between its neighbours;
// where it was inside a paragraph, the paragraph closes over it. A body
// with nothing to drop comes back unchanged.
func Strip(body string) (kept string, dropped []khaldun.Dropped) {
	if body == "" {
		return "", nil
	}
	final := strings.HasSuffix(body, "\n")
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	reasons := make([]string, len(lines))

	first := -1 // the first line with text: the title, or the lead
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		reasons[i] = classify(t)
	}
	// A headline-shaped first line is the title, whatever a rule thinks:
	// "Subscribe to nothing" may well be a headline. A reading-time badge
	// or an advertisement marker is never a title, so those still go.
	if first >= 0 && reasons[first] != "reading-time" && reasons[first] != "advertisement" {
		reasons[first] = ""
	}
	trailingLinks(lines, reasons, first)

	for i, r := range reasons {
		if r != "" {
			dropped = append(dropped, khaldun.Dropped{Line: i + 1, Text: strings.TrimSpace(lines[i]), Reason: r})
		}
	}
	if len(dropped) == 0 {
		return body, nil
	}
	return join(lines, reasons, final), dropped
}

// join rebuilds the body from the kept lines. A stretch of blank and
// dropped lines between two kept lines becomes its first blank line if it
// held one (a paragraph break) and nothing otherwise; stretches of only
// blank lines are copied as they were.
func join(lines, reasons []string, final bool) string {
	var b strings.Builder
	wrote := false // a kept line with text has been written
	var gap []int  // blank or dropped lines since the last kept text
	flush := func() {
		hadDrop, firstBlank := false, -1
		for _, i := range gap {
			if reasons[i] != "" {
				hadDrop = true
			} else if firstBlank < 0 {
				firstBlank = i
			}
		}
		switch {
		case !hadDrop:
			for _, i := range gap {
				b.WriteString(lines[i])
				b.WriteByte('\n')
			}
		case wrote && firstBlank >= 0:
			b.WriteString(lines[firstBlank])
			b.WriteByte('\n')
		}
		gap = gap[:0]
	}
	for i, l := range lines {
		if reasons[i] != "" || strings.TrimSpace(l) == "" {
			gap = append(gap, i)
			continue
		}
		flush()
		b.WriteString(l)
		b.WriteByte('\n')
		wrote = true
	}
	// Blank lines after the last text stay only if nothing was dropped
	// among them.
	dropAtEnd := false
	for _, i := range gap {
		dropAtEnd = dropAtEnd || reasons[i] != ""
	}
	if !dropAtEnd {
		flush()
	}
	s := b.String()
	if !final {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}
