// Package norm turns raw article bytes into the text every later stage
// indexes: valid UTF-8 in Unicode NFC, one kind of line break, and no
// invisible characters that would split or glue words behind the reader's
// back. Offsets in khaldun's output are byte offsets into this text, so it
// is computed once, before anything else, and never changed afterwards.
package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Result is a normalised text and what normalisation had to repair.
type Result struct {
	Text string
	// Invalid counts invalid UTF-8 sequences replaced by U+FFFD.
	Invalid int
	// Mojibake counts characters repaired from UTF-8 read as
	// Windows-1252 ("â€œ" back to "“").
	Mojibake int
}

// Normalize repairs and normalises b. It never fails: bad bytes are
// replaced and counted, so one broken character cannot cost an article.
func Normalize(b []byte) Result {
	var sb strings.Builder
	sb.Grow(len(b))
	invalid := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\r':
				// \r\n and a lone \r (old Mac files) both become \n.
				if i < len(b) && b[i] == '\n' {
					i++
				}
				sb.WriteByte('\n')
			case c == '\n' || c == '\t':
				sb.WriteByte(c)
			case c < 0x20 || c == 0x7f:
				// Other C0 controls are debris from scraping or binary
				// junk; a space keeps neighbouring words apart.
				sb.WriteByte(' ')
			default:
				sb.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			invalid++
			sb.WriteRune(utf8.RuneError)
			continue
		}
		writeRune(&sb, r)
	}
	text, fixed := norm.NFC.String(sb.String()), 0
	// Repairing a run can expose another (text encoded twice over) and
	// NFC can compose a lead letter, so both go on until nothing changes:
	// that keeps Normalize idempotent. Every repair shortens the text, and
	// the bound only guards against a pathological NFC expansion.
	for range 8 {
		r, n := repairMojibake(text)
		if n == 0 {
			break
		}
		text, fixed = norm.NFC.String(r), fixed+n
	}
	return Result{Text: text, Invalid: invalid, Mojibake: fixed}
}

func writeRune(sb *strings.Builder, r rune) {
	switch {
	case r == 0xFEFF || r == 0x200B || r == 0x200C || r == 0x2060 || r == 0x00AD:
		// BOM, zero-width spaces, word joiner and soft hyphen are invisible
		// to a reader and only break word matching.
	case r == 0x2028 || r == 0x2029 || r == 0x0085:
		sb.WriteByte('\n')
	case r == 0x00A0 || r == 0x202F || r == 0x2007 || (unicode.IsSpace(r) && r > 0x7f):
		// Non-breaking and typographic spaces separate words like a space.
		sb.WriteByte(' ')
	case unicode.Is(unicode.Cc, r):
		sb.WriteByte(' ')
	default:
		sb.WriteRune(r)
	}
}
