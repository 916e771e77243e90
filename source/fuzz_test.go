package source

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
)

// fuzzNames are the names a fuzzed stream is read under: the extension
// picks the format first, content sniffing the rest.
var fuzzNames = []string{"-", "a.txt", "a.jsonl", "a.html", "a.warc", "a.rss", "a.gz", "a.dat"}

// FuzzRead runs a whole stream — gzip detection, format sniffing, each
// format's reader — on arbitrary bytes under each name. Whatever comes in,
// errors are *Error values naming the stream, inputs have a body within
// the limit, and a WARC summary adds up.
func FuzzRead(f *testing.F) {
	for _, s := range [][]byte{
		[]byte("Headline here\n\nBody text of the article.\n"),
		jsonl(3),
		[]byte(`{"text":"a"}` + "\n" + `{"text":` + "\n"),
		[]byte(storyHTML),
		page("http://example.org/a"),
		gzMember([]byte("Caf\xe9 owners protested.\n")),
		gzMember(jsonl(2))[:40],
		[]byte(latin1RSS),
		[]byte("\xef\xbb\xbf<rss><channel><item><description>x</description></item></channel></rss>"),
		[]byte("\x00\x01binary"),
		[]byte("  \n\t\n"),
	} {
		for i := range fuzzNames {
			f.Add(s, uint8(i))
		}
	}
	const max = 1 << 14
	f.Fuzz(func(t *testing.T, data []byte, nameIdx uint8) {
		name := fuzzNames[int(nameIdx)%len(fuzzNames)]
		sumOK := true
		ctx := WithSummary(context.Background(), func(s Summary) {
			sumOK = sumOK && s.Records == s.Pages+s.SkippedTotal()
		})
		r := &reader{ctx: ctx, opt: Options{MaxBytes: max}.withDefaults()}
		r.yield = func(in khaldun.Input, err error) bool {
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Pos.File != name {
					t.Fatalf("error %v does not name %s", err, name)
				}
				return true
			}
			if in.Origin.File != name {
				t.Fatalf("input from %q, want %q", in.Origin.File, name)
			}
			if len(bytes.TrimSpace(in.Body)) == 0 || len(in.Body) > max {
				t.Fatalf("body of %d bytes: %.80q", len(in.Body), in.Body)
			}
			return true
		}
		r.stream(name, bytes.NewReader(data))
		if !sumOK {
			t.Fatal("WARC summary does not add up")
		}
	})
}

// FuzzPayload decodes arbitrary HTTP payloads under arbitrary transfer
// and content codings: a bomb or a lie costs an error, never more than the
// limit in memory, never a panic.
func FuzzPayload(f *testing.F) {
	html := []byte(storyHTML)
	f.Add("gzip", true, chunked(gzMember(html)))
	f.Add("gzip", false, gzMember(html))
	f.Add("deflate", false, zlibBytes(html))
	f.Add("deflate", false, []byte{0x4b, 0x4c, 0x4a, 0x06, 0x00})
	f.Add("br", false, []byte{0x1b, 0x03, 0x00})
	f.Add("zstd", false, []byte{0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00})
	f.Add("gzip, identity", true, []byte("5\r\nhello\r\n0\r\n\r\n"))
	f.Add("", true, []byte("fffffffffff\r\nx"))
	f.Add("x-gzip", false, gzMember(bytes.Repeat([]byte{'a'}, 1<<16)))
	const max = 1 << 12
	f.Fuzz(func(t *testing.T, coding string, isChunked bool, payload []byte) {
		p := &pageParser{max: max}
		h := http.Header{}
		h.Set("Content-Encoding", coding)
		body, err := p.decode(h, isChunked, bytes.NewReader(payload))
		if err != nil {
			return
		}
		if len(body) > max {
			t.Fatalf("decoded %d bytes, over the limit of %d", len(body), max)
		}
	})
}

// FuzzNormalizeDate: a date either normalises to YYYY-MM-DD within the
// accepted years or is an error quoting it.
func FuzzNormalizeDate(f *testing.F) {
	for _, s := range []string{"2024-03-05", "2024-03-05T23:59:01Z", "Tue, 03 Mar 2015 10:00:00 GMT", "20150303", "0001-01-01", "", "2024-13-45"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := NormalizeDate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "date ") {
				t.Fatalf("error %q does not quote the date", err)
			}
			return
		}
		if len(d) != 10 || d[4] != '-' || d[7] != '-' || d < "1800" || d > "2201" || !utf8.ValidString(d) {
			t.Fatalf("NormalizeDate(%q) = %q", s, d)
		}
	})
}
