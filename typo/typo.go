// Package typo matches words against their likely misspellings. Scraped
// reports keep their typing slips ("killed in police firng"), and a
// trigger word missed for one letter loses the fact it carries. Callers use
// it only where the context already says what word is meant, never to
// look a word up in a whole dictionary.
package typo

// OneEdit reports whether a and b differ by exactly one inserted, deleted
// or replaced byte, or by two neighbouring bytes swapped.
func OneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		swapped := i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
		return swapped || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// Near reports whether w is one slip away from a word of words at least
// minLen bytes long: short words are too close to each other to guess.
func Near(w string, words map[string]bool, minLen int) bool {
	if len(w) < minLen-1 {
		return false
	}
	for x := range words {
		if len(x) >= minLen && OneEdit(w, x) {
			return true
		}
	}
	return false
}
