package norm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		invalid int
	}{
		{"plain", "Hamas met Fatah.", "Hamas met Fatah.", 0},
		{"crlf", "a\r\nb\rc\n", "a\nb\nc\n", 0},
		{"invalid bytes", "a\xffb\xfe", "a\uFFFDb\uFFFD", 2},
		{"truncated rune", "caf\xc3", "caf\uFFFD", 1},
		{"nfc", "cafe\u0301", "caf\u00e9", 0},
		{"nbsp", "10\u00a0000", "10 000", 0},
		{"bom and zero width", "\ufeffHa\u200bmas", "Hamas", 0},
		{"controls", "a\x00b\x07c\td", "a b c\td", 0},
		{"line separator", "a\u2028b", "a\nb", 0},
		{"curly quotes kept", "\u201cyes\u201d", "\u201cyes\u201d", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize([]byte(tt.in))
			if got.Text != tt.want || got.Invalid != tt.invalid {
				t.Errorf("Normalize(%q) = %q, %d; want %q, %d", tt.in, got.Text, got.Invalid, tt.want, tt.invalid)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\xff\xfe", "e\u0301", strings.Repeat("x", 100)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r := Normalize(b)
		if !utf8.ValidString(r.Text) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		if strings.ContainsRune(r.Text, '\r') {
			t.Fatalf("carriage return survived in %q", r.Text)
		}
		if again := Normalize([]byte(r.Text)); again.Text != r.Text || again.Invalid != 0 {
			t.Fatalf("not idempotent: %q -> %q", r.Text, again.Text)
		}
	})
}
