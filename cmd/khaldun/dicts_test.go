package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPetrarchOntologyFlag runs `khaldun explain` with and without a
// coding ontology: with it, a negated criticism is coded as its contrary
// (050); a missing ontology file stops the command with its name.
func TestPetrarchOntologyFlag(t *testing.T) {
	pico := filepath.Join(t.TempDir(), "pico.txt")
	if err := os.WriteFile(pico, []byte("050:0x0080\n111:0xFFFF+0x0080\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const sentence = "France did not criticize Germany on Monday."
	tests := []struct {
		name   string
		args   []string
		status int
		out    string // in stdout
		notOut string // not in stdout
		err    string // in stderr
	}{
		{"without", []string{"explain", sentence}, 0, "0 event(s)", " 050 ", ""},
		{"with", []string{"explain", "--petrarch-ontology", pico, sentence}, 0, " 050 ", "0 event(s)", ""},
		{"missing", []string{"explain", "--petrarch-ontology", pico + ".nope", sentence}, 2, "", "", "pico.txt.nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := run(t, "", tt.args...)
			if status != tt.status {
				t.Fatalf("status %d, want %d; stderr %s", status, tt.status, errOut)
			}
			if !strings.Contains(out, tt.out) || tt.notOut != "" && strings.Contains(out, tt.notOut) {
				t.Errorf("stdout %q: want %q, not %q", out, tt.out, tt.notOut)
			}
			if !strings.Contains(errOut, tt.err) {
				t.Errorf("stderr %q lacks %q", errOut, tt.err)
			}
		})
	}
}
