package extract

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaScan bounds the search for a <meta> charset declaration. Browsers
// stop at 1024 bytes, but pages whose head opens with kilobytes of inline
// script declare it later and are still meant to be read in it.
const metaScan = 64 << 10

// metaCharset finds charset=LABEL in a <meta> tag, whether written
// <meta charset="x"> or <meta http-equiv=content-type content="…; charset=x">.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

var boms = []struct {
	mark []byte
	enc  encoding.Encoding
	name string
}{
	{[]byte("\xef\xbb\xbf"), unicode.UTF8, "utf-8"},
	{[]byte("\xfe\xff"), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"},
	{[]byte("\xff\xfe"), unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"},
}

// Decode returns page as UTF-8 and the name of the encoding it was read
// in. The order is the one browsers follow — byte-order mark, the HTTP
// Content-Type header (contentType, "" when unknown), a <meta>
// declaration — except that an undeclared page is taken as UTF-8 when it
// is valid UTF-8 throughout, and as Windows-1252 (which covers Latin-1)
// otherwise. Bytes invalid in the chosen encoding are left for norm to
// count and replace rather than guessed at.
func Decode(page []byte, contentType string) ([]byte, string) {
	for _, b := range boms {
		if bytes.HasPrefix(page, b.mark) {
			return transcode(page[len(b.mark):], b.enc, b.name)
		}
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, name := lookup(params["charset"]); e != nil {
			return transcode(page, e, name)
		}
	}
	head := page[:min(len(page), metaScan)]
	if m := metaCharset.FindSubmatch(head); m != nil {
		if e, name := lookup(string(m[1])); e != nil {
			return transcode(page, e, name)
		}
	}
	if utf8.Valid(page) {
		return page, "utf-8"
	}
	return transcode(page, charmap.Windows1252, "windows-1252")
}

// lookup resolves a charset label the WHATWG way (so "iso-8859-1" reads as
// Windows-1252, as every browser does). A page that claims UTF-16 without a
// byte-order mark is ASCII-compatible in practice, since it could not have
// been parsed to find the claim otherwise: it is read as UTF-8.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil, ""
	}
	e, name := charset.Lookup(label)
	if e == nil {
		return nil, ""
	}
	if strings.HasPrefix(name, "utf-16") {
		return unicode.UTF8, "utf-8"
	}
	return e, name
}

func transcode(b []byte, e encoding.Encoding, name string) ([]byte, string) {
	if name == "utf-8" {
		return b, name
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		// Decoders replace what they cannot map; an error here means the
		// encoding itself failed, and the raw bytes are the better guess.
		return b, "utf-8"
	}
	return out, name
}
