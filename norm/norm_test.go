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
		{"mojibake quotes", "â€œtwo persons were killedâ€� he said", "\u201ctwo persons were killed\u201d he said", 0},
		{"mojibake apostrophe and dash", "the vhpâ€™s men â€” all", "the vhp\u2019s men \u2014 all", 0},
		{"mojibake no-break space", "clashÂ\u00a0one", "clash one", 0},
		{"mojibake at the end", "the endÂ\u00a0", "the end ", 0},
		{"mojibake twice over", "Ã¢â‚¬Å“yes", "\u201cyes", 0},
		{"mojibake accent", "CafÃ© Ã©tÃ©", "Caf\u00e9 \u00e9t\u00e9", 0},
		{"mojibake of a control kept", "A\u0302€œ", "\u00c2\u20ac\u0153", 0},
		{"latin-1 words kept", "Âge d\u2019or, São Paulo, ½ €", "Âge d\u2019or, São Paulo, ½ €", 0},
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
	for _, s := range []string{"", "a\r\nb", "\xff\xfe", "e\u0301", strings.Repeat("x", 100), "â€œyesâ€\ufffd", "Ã¢â‚¬Å“", "A\u0302€œ"} {
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
