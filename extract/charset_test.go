package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzDecode: a page read in any encoding but UTF-8 comes out as valid
// UTF-8; one read as UTF-8 keeps its invalid bytes for norm to count.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=\"iso-8859-1\"><p>Caf\xe9</p>"), "")
	f.Add([]byte("<p>Caf\xe9</p>"), "text/html; charset=windows-1251")
	f.Add([]byte("\xfe\xff\x00<\x00p\x00>"), "")
	f.Add([]byte("\xef\xbb\xbf<p>caf\xc3\xa9</p>"), "text/html; charset=latin1")
	f.Add([]byte("<meta http-equiv=content-type content='text/html; charset=shift_jis'><p>\x82\xa0</p>"), "")
	f.Add([]byte("<meta charset=utf-16><p>x</p>"), "")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		out, name := Decode(page, contentType)
		if name == "" {
			t.Fatal("no encoding named")
		}
		if name == "utf-8" {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("decoded from %s to invalid UTF-8: %.80q", name, out)
		}
	})
}
