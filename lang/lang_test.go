package lang

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// confusable are the pairs the trigram profiles cannot tell apart on one
// short sentence; for khaldun what matters is that neither is English.
var confusable = map[string]string{"sv": "nb", "no": "da", "sw": "ny", "ru": "bg"}

func TestDetectSentences(t *testing.T) {
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want, text, _ := strings.Cut(line, "\t")
		got, conf := Detect(text)
		n++
		if got != want && confusable[want] != got {
			t.Errorf("Detect(%q) = %s (%.2f), want %s", text, got, conf, want)
		}
		if (want == "en") != (got == "en") {
			t.Errorf("Detect(%q) = %s: English or not is wrong", text, got)
		}
	}
	if n < 30 {
		t.Fatalf("read %d sentences", n)
	}
}

func TestDetectEdges(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"", ""},
		{"   \n\t ", ""},
		{"12345 678 90 -- !!", ""},
		{"Hi there", ""}, // too short to judge
		{"\xff\xfe invalid bytes and then some English words about the war in the north", "en"},
		{strings.Repeat("The army shelled the town again overnight. ", 5000), "en"},
	} {
		if got, _ := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.40q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSharedEnglish checks English news in the shared corpus: the first
// 300 characters of 300 AllSides articles.
func TestSharedEnglish(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "corpora/allsides/allsides-00.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 16<<20)
	n, en, sure := 0, 0, 0
	for sc.Scan() && n < 300 {
		var r struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &r) != nil || len(r.Text) < 300 {
			continue
		}
		n++
		code, conf := Detect(r.Text[:300])
		if code == "en" {
			en++
		} else {
			t.Logf("not en: %s %.2f %.60q", code, conf, r.Text)
		}
		if conf >= Sure {
			sure++
		}
	}
	t.Logf("English %d/%d, sure %d/%d", en, n, sure, n)
	// Reached 300/300; a margin for corpus updates.
	if n < 100 || float64(en)/float64(n) < 0.98 {
		t.Errorf("English detected in %d of %d articles, want ≥ 98%%", en, n)
	}
}

// FuzzDetect: any text, valid UTF-8 or not, gives a known answer shape:
// "" with 0, or a two-letter code with a confidence in [0, 1].
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"The council voted on Tuesday to restore the night ferry.",
		"Le conseil a voté mardi pour rétablir le ferry de nuit.",
		"Совет проголосовал во вторник.", "短い", "", "\xff\xfe\xfd abc def ghi jkl mno",
		strings.Repeat("é", 1500) + " and then English words to finish the sample",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		code, conf := Detect(text)
		if code == "" && conf != 0 || code != "" && (len(code) != 2 || conf < 0 || conf > 1) {
			t.Fatalf("Detect(%.80q) = %q, %v", text, code, conf)
		}
	})
}
