package perceptron

import "testing"

func TestAffixes(t *testing.T) {
	tests := []struct {
		s        string
		n        int
		pre, suf string
	}{
		{"talks", 3, "tal", "lks"},
		{"ab", 3, "ab", "ab"},
		{"", 2, "", ""},
		{"Genève", 3, "Gen", "ève"},
		{"x\xff", 1, "x", "\xff"},
	}
	for _, tt := range tests {
		if got := string(Prefix([]byte(tt.s), tt.n)); got != tt.pre {
			t.Errorf("Prefix(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.pre)
		}
		if got := string(Suffix([]byte(tt.s), tt.n)); got != tt.suf {
			t.Errorf("Suffix(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.suf)
		}
	}
}
