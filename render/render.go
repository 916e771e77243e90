// Package render writes documents for people and programs: JSON Lines (the
// output contract, one object per line), indented JSON, and a terminal
// table summarising events, quotes and counts.
package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/khaldun/khaldun"
)

// Format names an output format.
type Format string

const (
	JSONL  Format = "jsonl"
	Pretty Format = "pretty"
	Table  Format = "table"
)

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case JSONL, Pretty, Table:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want jsonl, pretty or table)", s)
}

// Writer writes documents in one format.
type Writer struct {
	w      io.Writer
	format Format
}

// NewWriter returns a Writer for format.
func NewWriter(w io.Writer, format Format) *Writer {
	return &Writer{w: w, format: format}
}

// Write writes one document.
func (w *Writer) Write(d *khaldun.Document) error {
	switch w.format {
	case Table:
		return writeTable(w.w, d)
	case Pretty:
		b, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w.w, "%s\n", b)
		return err
	default:
		b, err := json.Marshal(d)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w.w, "%s\n", b)
		return err
	}
}

func writeTable(w io.Writer, d *khaldun.Document) error {
	var b strings.Builder
	a := d.Article
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(&b, "== %s\n", title)
	fmt.Fprintf(&b, "   id %s", a.ID)
	for _, kv := range [][2]string{{"published", a.Published}, {"source", a.Source}, {"url", a.URL}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "  %s %s", kv[0], kv[1])
		}
	}
	fmt.Fprintf(&b, "\n   %d sentences, %d tokens, tone %+.1f, %.1f ms", a.Stats.Sentences, a.Stats.Tokens, a.Tone, a.Stats.Milliseconds)
	if len(a.Dropped) > 0 {
		fmt.Fprintf(&b, ", %d boilerplate lines dropped", len(a.Dropped))
	}
	b.WriteString("\n")
	if a.Skipped != "" {
		fmt.Fprintf(&b, "   not analysed: %s\n\n", a.Skipped)
		_, err := io.WriteString(w, b.String())
		return err
	}
	section(&b, "events", len(d.Events))
	for _, e := range d.Events {
		fmt.Fprintf(&b, "   %s -[%s %s]-> %s", actor(&e.Source), e.Code, e.Name, actorPtr(e.Target))
		if e.Location != nil {
			fmt.Fprintf(&b, " @ %s", e.Location.Name)
		}
		if e.Date != "" {
			fmt.Fprintf(&b, ", %s", e.Date)
			if e.DateText != "" {
				fmt.Fprintf(&b, " (%s)", e.DateText)
			}
		}
		fmt.Fprintf(&b, "   [s%d %s]\n", e.Sentence, e.Rule)
	}
	section(&b, "quotes", len(d.Quotes))
	for _, q := range d.Quotes {
		fmt.Fprintf(&b, "   %s", orDash(q.Speaker))
		if q.SpeakerActor != "" {
			fmt.Fprintf(&b, " (%s)", q.SpeakerActor)
		}
		fmt.Fprintf(&b, ": %q\n", q.Text)
	}
	section(&b, "counts", len(d.Counts))
	for _, c := range d.Counts {
		fmt.Fprintf(&b, "   %s %s %d %s", c.Type, c.Qualifier, c.Number, c.Object)
		if c.Agent != "" {
			fmt.Fprintf(&b, " by %s", c.Agent)
			if c.AgentRole != "" {
				fmt.Fprintf(&b, " (%s)", c.AgentRole)
			}
		}
		b.WriteByte('\n')
	}
	section(&b, "dates", len(d.Dates))
	for _, x := range d.Dates {
		fmt.Fprintf(&b, "   %s = %s %s\n", x.Text, x.Value, strings.ToLower(x.Type))
	}
	section(&b, "places", len(d.Places))
	for _, p := range d.Places {
		fmt.Fprintf(&b, "   %s = %s, %s (%.2f, %.2f)\n", p.Text, p.Name, p.Country, p.Lat, p.Lon)
	}
	section(&b, "entities", len(d.Entities))
	if len(d.Entities) > 0 {
		b.WriteString("   ")
		for i, e := range d.Entities {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(e.Text + "/" + e.Type)
			if e.Actor != "" {
				b.WriteString("=" + e.Actor)
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func section(b *strings.Builder, name string, n int) {
	if n == 0 {
		fmt.Fprintf(b, "-- no %s\n", name)
		return
	}
	fmt.Fprintf(b, "-- %s (%d)\n", name, n)
}

func actor(a *khaldun.Actor) string {
	if a.Code == "" {
		return a.Text
	}
	return fmt.Sprintf("%s(%s)", a.Code, a.Text)
}

func actorPtr(a *khaldun.Actor) string {
	if a == nil {
		return "---"
	}
	return actor(a)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
