package typo

import "testing"

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"firng", "firing", true}, {"firinng", "firing", true}, {"fiering", "firing", true},
		{"fierng", "firing", false}, {"firnig", "firing", true}, {"firimg", "firing", true},
		{"firing", "firing", false}, {"fir", "firing", false}, {"", "a", true},
		{"ab", "ba", true}, {"abc", "cab", false}, {"abcd", "abdc", true},
	} {
		if got := OneEdit(c.a, c.b); got != c.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := OneEdit(c.b, c.a); got != c.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v (swapped)", c.b, c.a, got, c.want)
		}
	}
}

func TestNear(t *testing.T) {
	words := map[string]bool{"firing": true, "fire": true, "encounter": true}
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"firng", true}, {"encouter", true}, {"fir", false}, {"fore", false}, {"firing", false}, {"hiring", true},
	} {
		if got := Near(c.w, words, 5); got != c.want {
			t.Errorf("Near(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
