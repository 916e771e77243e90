package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	page := "../../source/testdata/html/ceasefire.html"
	out, stderr, status := run(t, "", "extract", page, "../../source/testdata/html/empty.htm")
	if status != 1 || !strings.Contains(stderr, "empty.htm: no article text") {
		t.Errorf("status %d, stderr %q: want 1 and the empty page named", status, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line, got %q", out)
	}
	var a struct {
		ID, Title, Source, Published, Language, Text string
		Dropped                                      []struct{ Text, Reason string }
	}
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	if a.ID == "" || a.Title != "Ceasefire holds in Darven valley" || a.Published != "2023-09-14" || a.Language != "en" || a.Source != "Harbour Times" {
		t.Errorf("article %+v", a)
	}
	if !strings.Contains(a.Text, "monitors said.\n\nBoth sides") || len(a.Dropped) != 1 || a.Dropped[0].Reason != "reading-time" {
		t.Errorf("text %q, dropped %+v", a.Text, a.Dropped)
	}
	// Standard input and --pretty.
	out, stderr, status = run(t, "<html><body><article><p>"+strings.Repeat("Talks on the water treaty resumed in the capital. ", 8)+"</p></article></body></html>", "extract", "-", "--pretty")
	if status != 0 || !strings.HasPrefix(out, "{\n  \"id\"") {
		t.Errorf("stdin: status %d, stderr %q, out %q", status, stderr, out)
	}
}
