package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The CLI is tested as a user runs it: the real binary, real files, exit
// statuses and standard error.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "khaldun-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "khaldun")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return o.String(), e.String(), status
}

func TestCodeExample(t *testing.T) {
	out, stderr, status := run(t, "", "code", "../../examples/article.txt", "--date", "2024-11-12")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var doc struct {
		Schema  int `json:"schema"`
		Article struct {
			Title     string `json:"title"`
			Published string `json:"published"`
			Dropped   []struct {
				Line int    `json:"line"`
				Text string `json:"text"`
			} `json:"dropped"`
		} `json:"article"`
		Events []json.RawMessage `json:"events"`
		Quotes []json.RawMessage `json:"quotes"`
	}
	if strings.Count(out, "\n") != 1 {
		t.Fatalf("want one JSON line, got %q", out)
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != 1 || doc.Article.Published != "2024-11-12" || !strings.HasPrefix(doc.Article.Title, "Sudan's army") {
		t.Errorf("article %+v", doc.Article)
	}
	if n := len(doc.Article.Dropped); n < 2 || doc.Article.Dropped[0].Text != "Reading Time: 3 minutes" || doc.Article.Dropped[0].Line != 3 {
		t.Errorf("dropped %+v", doc.Article.Dropped)
	}
	if len(doc.Events) == 0 || doc.Quotes == nil {
		t.Errorf("events %d, quotes %v", len(doc.Events), doc.Quotes)
	}
}

func TestCodeBadInputsGoOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("a-good.txt", "Rebels attacked a police station on Monday.\n")
	empty := write("b-empty.txt", "")
	jsonl := write("c-mixed.jsonl", `{"id":"1","text":"Police arrested two men."}`+"\n"+`not json`+"\n"+`{"id":"3","title":"no text"}`+"\n"+`{"id":"4","text":"Troops withdrew from the town."}`+"\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := range 3000 {
		fmt.Fprintf(zw, `{"id":"%d","text":"Protesters marched in district %d of the capital."}`+"\n", i, i*7919%10007)
	}
	zw.Close()
	trunc := write("d-trunc.jsonl.gz", gz.String()[:gz.Len()/2])
	binary := write("e-binary.txt", "\x00\x01\x02\x03ELF\x00\x00\x00")

	out, stderr, status := run(t, "", "code", good, empty, jsonl, trunc, binary)
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	for _, want := range []string{"b-empty.txt", "c-mixed.jsonl:2", "c-mixed.jsonl:3", "d-trunc.jsonl.gz", "e-binary.txt"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %s:\n%s", want, stderr)
		}
	}
	// The good article, the two good JSON lines and the gzip lines before
	// the damage are all coded.
	if n := strings.Count(out, "\n"); n < 100 {
		t.Errorf("%d documents written, want more than 100", n)
	}
}

func TestCodeFlags(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"bad date", []string{"code", "-", "--date", "30/04/2024"}, 2, "want YYYY-MM-DD"},
		{"bad format", []string{"code", "-", "--format", "xml"}, 2, "unknown format"},
		{"table", []string{"code", "-", "--format", "table", "--title", "T"}, 0, "== T"},
		{"no args", []string{"code"}, 2, "requires at least 1 arg"},
		{"missing dictionary", []string{"code", "-", "--petrarch-verbs", "/nonexistent/verbs.txt"}, 2, "/nonexistent/verbs.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, status := run(t, "Police arrested two protesters in Minsk.", tt.args...)
			if status != tt.status || !strings.Contains(out+stderr, tt.want) {
				t.Errorf("status %d (want %d), output lacks %q:\n%s%s", status, tt.status, tt.want, out, stderr)
			}
		})
	}
}

func TestEvalJSONShape(t *testing.T) {
	out, stderr, status := run(t, "", "eval", "conflibert-class", "--gold", "../../eval/testdata/class.tsv", "--json")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var r map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"suite", "gold", "n", "metrics"} {
		if _, ok := r[k]; !ok {
			t.Errorf("no %q in %s", k, out)
		}
	}
	if len(r) != 4 {
		t.Errorf("extra keys in %s", out)
	}
}
