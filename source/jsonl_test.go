package source

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"T","date":"2020-01-31","text":"Body."}`,
		`{"text":"esc \" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 \udc00 \ud800x"}`,
		`{"text":"Caf` + "\xe9" + `"}`,
		`{"id":12,"published":"Mon, 02 Jan 2006 15:04:05 MST","text":" x "}`,
		`{"text":null}`, `{"text":3}`, `{}`, `[]`, `{"text":"a"} x`, `{`, "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		in, err := parseLine(line)
		if err != nil {
			return
		}
		if len(bytes.TrimSpace(in.Body)) == 0 {
			t.Fatalf("accepted an empty body from %q", line)
		}
		if in.Meta.Published != "" && len(in.Meta.Published) != 10 {
			t.Fatalf("Published %q is not YYYY-MM-DD", in.Meta.Published)
		}
		// The body must be what encoding/json decodes, except that each
		// invalid byte is kept rather than replaced by U+FFFD.
		var rec struct{ Text string }
		if err := json.Unmarshal(bytes.TrimSpace(line), &rec); err != nil {
			t.Fatalf("parseLine accepted what encoding/json refuses: %v", err)
		}
		if got := replaceInvalid(in.Body); got != rec.Text {
			t.Fatalf("body %q, encoding/json says %q", got, rec.Text)
		}
	})
}

// replaceInvalid replaces each invalid byte by U+FFFD, as encoding/json
// does when it decodes a string.
func replaceInvalid(b []byte) string {
	var out []rune
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		out = append(out, r)
		b = b[n:]
	}
	return string(out)
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2020-01-31":                      "2020-01-31",
		" 2020-01-31 ":                    "2020-01-31",
		"2020-01-31T23:30:00-05:00":       "2020-01-31", // the publisher's day, not UTC's
		"2020-01-31T10:00:00.123Z":        "2020-01-31",
		"2020-01-31 10:00:00":             "2020-01-31",
		"2020/01/31":                      "2020-01-31",
		"Fri, 31 Jan 2020 10:00:00 +0000": "2020-01-31",
		"Fri, 3 Jan 2020 10:00:00 GMT":    "2020-01-03",
		"January 31, 2020":                "2020-01-31",
		"Jan 3, 2020":                     "2020-01-03",
		"31 January 2020":                 "2020-01-31",
		"01/02/2020":                      "", // day or month first? refuse
		"0001-11-30":                      "",
		"yesterday":                       "",
		"":                                "",
	} {
		got, err := NormalizeDate(in)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct{ body, title, rest string }{
		{"Talks resume in Geneva\n\nEnvoys met.\n", "Talks resume in Geneva", "Envoys met.\n"},
		{"\n\n  Talks resume?\r\n\r\n\r\n  Envoys met.\n", "Talks resume?", "  Envoys met.\n"},
		{"Envoys met in Geneva on Monday.\n\nMore.\n", "", ""},
		{"\"We will meet again,\" he said.\n\nMore.\n", "", ""},
		{"Envoys met\nin Geneva.\n\nMore.\n", "", ""},
		{"Only a headline\n\n", "", ""},
		{"Only a headline", "", ""},
		{"Related:\n\nMore.\n", "", ""},
	}
	for _, tt := range tests {
		title, rest, ok := splitTitle([]byte(tt.body))
		if ok != (tt.title != "") || title != tt.title || string(rest) != tt.rest {
			t.Errorf("splitTitle(%q) = %q, %q, %v; want %q, %q", tt.body, title, rest, ok, tt.title, tt.rest)
		}
	}
}
