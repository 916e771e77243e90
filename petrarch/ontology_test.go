package petrarch

import (
	"errors"
	"maps"
	"path/filepath"
	"testing"
)

func TestLoadOntology(t *testing.T) {
	neg, err := LoadOntologyFile(filepath.Join("testdata", "ontology.txt"))
	want := Negations{"010": "011", "110": "050", "060": "121"}
	if !maps.Equal(neg, want) {
		t.Errorf("negations = %v, want %v", neg, want)
	}
	// 040 has no negation: its contrary 122 is masked. The bad value
	// is one line error; the null code "---" is no error.
	var le *LineError
	if !errors.As(err, &le) || le.Line != 10 || le.File != "ontology.txt" {
		t.Errorf("err = %v, want one error at ontology.txt:10", err)
	}
	if _, err := LoadOntologyFile(filepath.Join("testdata", "missing.txt")); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestOntologyValue(t *testing.T) {
	tests := []struct {
		in     string
		v      int
		masked bool
		bad    bool
	}{
		{"0x1000", 0x1000, false, false},
		{"0x1000-0xFFFF", 0x1000 - 0xFFFF, false, false},
		{" -0xFFFF + 0x2040 + 0x300 ", -0xFFFF + 0x2040 + 0x300, true, false},
		{"", 0, false, true},
		{"12", 0, false, true},
		{"0x10+", 0, false, true},
	}
	for _, tt := range tests {
		v, m, err := ontologyValue(tt.in)
		if (err != nil) != tt.bad || (!tt.bad && (v != tt.v || m != tt.masked)) {
			t.Errorf("%q: %d %v %v, want %d %v bad=%v", tt.in, v, m, err, tt.v, tt.masked, tt.bad)
		}
	}
}
