package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// render turns what Read yields into one line per item, with dir replaced
// by $D, so that expectations read as a transcript.
func render(t *testing.T, paths []string, opt Options, dir string) []string {
	t.Helper()
	var got []string
	for in, err := range Read(context.Background(), paths, opt) {
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is not a *source.Error", err)
			}
			got = append(got, "ERR "+strings.ReplaceAll(err.Error(), dir, "$D"))
			continue
		}
		body := string(in.Body)
		if len(body) > 24 {
			body = body[:24]
		}
		got = append(got, fmt.Sprintf("%s id=%s title=%q date=%s body=%q",
			strings.ReplaceAll(in.Origin.String(), dir, "$D"), in.Meta.ID, in.Meta.Title, in.Meta.Published, body))
	}
	return got
}

func check(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d items, want %d", len(got), len(want))
	}
	for i := range max(len(got), len(want)) {
		g, w := "", ""
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		// A want ending in "…" matches any item with that prefix, for
		// messages that carry system-specific detail.
		if g != w && !(strings.HasSuffix(w, "…") && strings.HasPrefix(g, strings.TrimSuffix(w, "…"))) {
			t.Errorf("item %d:\n got %s\nwant %s", i, g, w)
		}
	}
}

func TestReadFixtures(t *testing.T) {
	const td = "testdata"
	tests := []struct {
		name  string
		paths []string
		opt   Options
		want  []string
	}{{
		name:  "headline taken as title",
		paths: []string{"testdata/headline.txt"},
		want:  []string{`$D/headline.txt:1 id= title="Harbour workers in Velmora end three-week strike" date= body="Dock workers in the port"`},
	}, {
		name:  "sentence first line is body",
		paths: []string{"testdata/lead.txt"},
		want:  []string{`$D/lead.txt:1 id= title="" date= body="The council of Ostrava N"`},
	}, {
		name:  "no blank line after first line: no title",
		paths: []string{"testdata/oneparagraph.txt"},
		want:  []string{`$D/oneparagraph.txt:1 id= title="" date= body="Title line without a par"`},
	}, {
		name:  "options describe plain text",
		paths: []string{"testdata/headline.txt"},
		opt:   Options{Title: "Given", Date: "5 May 2020", URL: "u", Source: "s"},
		want:  []string{`$D/headline.txt:1 id= title="Given" date=2020-05-05 body="Harbour workers in Velmo"`},
	}, {
		name:  "bad date option reported once, reading goes on",
		paths: []string{"testdata/lead.txt"},
		opt:   Options{Date: "05/06/2020"},
		want: []string{
			`ERR date "05/06/2020": unrecognised format`,
			`$D/lead.txt:1 id= title="" date= body="The council of Ostrava N"`,
		},
	}, {
		name:  "json lines with bad lines",
		paths: []string{"testdata/articles.jsonl"},
		want: []string{
			`$D/articles.jsonl:1 id=a1 title="Ministers meet in Tarnow" date=2021-03-04 body="Foreign ministers from t"`,
			`$D/articles.jsonl:2 id=2 title="Protest in Calder Square" date=2022-06-07 body="Several hundred people g"`,
			`$D/articles.jsonl:4 id=a3 title="Undated report" date= body="Officials gave no date f"`,
			`ERR $D/articles.jsonl:5: not a JSON object`,
			`ERR $D/articles.jsonl:6: no "text" field`,
			`ERR $D/articles.jsonl:7: empty "text"`,
			`$D/articles.jsonl:8 id=a7 title="" date=2023-01-02 body="The rail strike entered "`,
		},
	}, {
		name:  "directory: lexical, recursive, hidden skipped, any extension",
		paths: []string{"testdata/tree"},
		want: []string{
			`$D/tree/a.md:1 id= title="Court hears appeal" date= body="The appeal court heard t"`,
			`$D/tree/b.txt:1 id= title="Budget vote delayed" date= body="The assembly put off its"`,
			`$D/tree/sub/a.jsonl:1 id=t1 title="" date= body="A record inside the tree"`,
			`$D/tree/sub/c.txt:1 id= title="" date= body="Second file in a subdire"`,
		},
	}, {
		name:  "missing path reported, next path read",
		paths: []string{"testdata/nope.txt", "testdata/lead.txt"},
		want: []string{
			`ERR $D/nope.txt: stat: no such file or directory`,
			`$D/lead.txt:1 id= title="" date= body="The council of Ostrava N"`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, render(t, tt.paths, tt.opt, td), tt.want)
		})
	}
}

// write creates a file under dir and returns its path.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jsonl(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"id":"r%d","text":"Record number %d reports a meeting of envoys."}`+"\n", i, i)
	}
	return b.Bytes()
}

// TestReadBadInputs builds each kind of damaged input at run time.
func TestReadBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", []byte("The envoys met again on Thursday.\n"))
	okItem := `$D/good.txt:1 id= title="" date= body="The envoys met again on "`

	// A line far over MaxBytes between two good ones: it must be skipped
	// without being buffered and the next line must still be read.
	long := fmt.Sprintf(`{"id":"a","text":"first"}`+"\n"+`{"text":"%s"}`+"\n"+`{"id":"c","text":"third"}`+"\n",
		strings.Repeat("x", 300<<10))

	full := jsonl(400)
	cut := gz(t, full)
	cut = cut[:len(cut)*2/3]

	tests := []struct {
		name string
		file string
		data []byte
		opt  Options
		want []string
	}{{
		name: "empty file",
		file: "empty.txt", data: nil,
		want: []string{"ERR $D/empty.txt: empty input"},
	}, {
		name: "white space only",
		file: "blank.txt", data: []byte("\n  \n\t\n"),
		want: []string{"ERR $D/blank.txt: no text, only white space"},
	}, {
		name: "NUL bytes",
		file: "image.txt", data: []byte("GIF89a\x00\x01\x02text"),
		want: []string{"ERR $D/image.txt: binary content, not text"},
	}, {
		name: "control bytes",
		file: "ctl", data: bytes.Repeat([]byte("ab\x01\x02\x03"), 100),
		want: []string{"ERR $D/ctl: binary content, not text"},
	}, {
		name: "invalid UTF-8 passes through",
		file: "latin1.txt", data: []byte("Caf\xe9 owners in Mal\xe9 protested.\n"),
		want: []string{`$D/latin1.txt:1 id= title="" date= body="Caf\xe9 owners in Mal\xe9 prot"`},
	}, {
		name: "invalid UTF-8 in a JSON string passes through",
		file: "latin1.jsonl", data: []byte(`{"text":"Caf` + "\xe9" + ` \u00e9t\u00e9 \ud83d\ude00 \ud800"}` + "\n"),
		want: []string{`$D/latin1.jsonl:1 id= title="" date= body="Caf\xe9 été 😀 �"`},
	}, {
		name: "line over MaxBytes skipped, next line read",
		file: "long.jsonl", data: []byte(long), opt: Options{MaxBytes: 64 << 10},
		want: []string{
			`$D/long.jsonl:1 id=a title="" date= body="first"`,
			`ERR $D/long.jsonl:2: 307211 bytes, over the limit of 65536: skipped`,
			`$D/long.jsonl:3 id=c title="" date= body="third"`,
		},
	}, {
		name: "plain body over MaxBytes",
		file: "big.txt", data: bytes.Repeat([]byte("Words and more words. "), 100), opt: Options{MaxBytes: 1000},
		want: []string{"ERR $D/big.txt: over the limit of 1000 bytes: skipped"},
	}, {
		name: "gzip whatever the extension, sniffed as JSON Lines",
		file: "shard.dat", data: gz(t, jsonl(2)),
		want: []string{
			`$D/shard.dat:1 id=r0 title="" date= body="Record number 0 reports "`,
			`$D/shard.dat:2 id=r1 title="" date= body="Record number 1 reports "`,
		},
	}, {
		name: "gzip header damaged",
		file: "bad.gz", data: []byte{0x1f, 0x8b, 0x00, 0x01},
		want: []string{"ERR $D/bad.gz: gzip header: …"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.file, tt.data)
			got := render(t, []string{p, good}, tt.opt, dir)
			check(t, got, append(tt.want, okItem))
		})
	}

	t.Run("truncated gzip", func(t *testing.T) {
		p := write(t, dir, "cut.jsonl.gz", cut)
		got := render(t, []string{p, good}, Options{}, dir)
		if len(got) < 3 {
			t.Fatalf("got %d items, want the records before the damage, an error and good.txt", len(got))
		}
		n := len(got) - 2
		last, errItem := got[n-1], got[n]
		if !strings.HasPrefix(last, fmt.Sprintf("$D/cut.jsonl.gz:%d id=r%d ", n, n-1)) {
			t.Errorf("last record before damage = %s, want line %d", last, n)
		}
		want := fmt.Sprintf("ERR $D/cut.jsonl.gz:%d: gzip stream damaged after ", n+1)
		if !strings.HasPrefix(errItem, want) || !strings.HasSuffix(errItem, "unexpected EOF") {
			t.Errorf("error = %s, want %s… unexpected EOF", errItem, want)
		}
		if got[n+1] != okItem {
			t.Errorf("after the damage got %s, want %s", got[n+1], okItem)
		}
	})
}

func TestReadStdin(t *testing.T) {
	opt := Options{Stdin: bytes.NewReader(gz(t, []byte("Headline here\n\nBody text.\n")))}
	check(t, render(t, []string{"-"}, opt, "\x00"),
		[]string{`-:1 id= title="Headline here" date= body="Body text.\n"`})
}

func TestReadUnreadable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("First readable file.\n"))
	locked := write(t, dir, "b.txt", []byte("Locked file.\n"))
	sub := filepath.Join(dir, "c")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, sub, "x.txt", []byte("Hidden behind a locked directory.\n"))
	write(t, dir, "d.txt", []byte("Last readable file.\n"))
	for _, p := range []string{locked, sub} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(sub, 0o755) })
	if f, err := os.Open(locked); err == nil {
		f.Close()
		t.Skip("mode 000 files are readable here (running as root?)")
	}
	check(t, render(t, []string{dir}, Options{}, dir), []string{
		`$D/a.txt:1 id= title="" date= body="First readable file.\n"`,
		`ERR $D/b.txt: open: permission denied`,
		`ERR $D/c: open: permission denied`,
		`$D/d.txt:1 id= title="" date= body="Last readable file.\n"`,
	})
}

func TestReadSymlinkedDir(t *testing.T) {
	dir := t.TempDir()
	abs, err := filepath.Abs(filepath.Join("testdata", "tree", "sub"))
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(abs, link); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	check(t, render(t, []string{link}, Options{}, dir), []string{
		`$D/link/a.jsonl:1 id=t1 title="" date= body="A record inside the tree"`,
		`$D/link/c.txt:1 id= title="" date= body="Second file in a subdire"`,
	})
}

func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "many.jsonl", jsonl(100))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n, errs := 0, []error{}
	for _, err := range Read(ctx, []string{p, p}, Options{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if n++; n == 10 {
			cancel()
		}
	}
	if n != 10 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("after cancel: %d articles, errors %v; want 10 and one context.Canceled", n, errs)
	}
}

func TestReadBreak(t *testing.T) {
	p := filepath.Join("testdata", "tree")
	for range Read(context.Background(), []string{p, p}, Options{}) {
		break // a yield after break would panic
	}
}

// TestReadShared reads one AllSides shard from the shared corpora.
func TestReadShared(t *testing.T) {
	p := sharedtest.Path(t, "corpora/allsides/allsides-00.jsonl.gz")
	n, dated := 0, 0
	for in, err := range Read(context.Background(), []string{p}, Options{}) {
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		n++
		if in.Meta.Published != "" {
			dated++
		}
		if len(in.Body) == 0 || in.Meta.Title == "" {
			t.Errorf("%v: empty body or title", in.Origin)
		}
	}
	t.Logf("%s: %d articles, %d dated", p, n, dated)
	if n != 2500 {
		t.Errorf("read %d articles, want 2500", n)
	}
}

// endless yields a JSON line whose text is n bytes of 'x', then tail.
type endless struct {
	head, tail string
	n          int
}

func (e *endless) Read(p []byte) (int, error) {
	switch {
	case e.head != "":
		k := copy(p, e.head)
		e.head = e.head[k:]
		return k, nil
	case e.n > 0:
		k := min(len(p), e.n)
		for i := range k {
			p[i] = 'x'
		}
		e.n -= k
		return k, nil
	case e.tail != "":
		k := copy(p, e.tail)
		e.tail = e.tail[k:]
		return k, nil
	}
	return 0, io.EOF
}

// TestReadHugeLine streams a 200 MB line and checks that skipping it
// allocates about MaxBytes, not the line.
func TestReadHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 200 MB")
	}
	in := &endless{head: `{"text":"`, n: 200 << 20, tail: "\"}\n" + `{"text":"after"}` + "\n"}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got := render(t, []string{"-"}, Options{Stdin: in, MaxBytes: 1 << 20}, "\x00")
	runtime.ReadMemStats(&after)
	check(t, got, []string{
		"ERR -:1: 209715211 bytes, over the limit of 1048576: skipped",
		`-:2 id= title="" date= body="after"`,
	})
	if a := after.TotalAlloc - before.TotalAlloc; a > 16<<20 {
		t.Errorf("allocated %d MiB to skip a 200 MiB line with MaxBytes 1 MiB", a>>20)
	}
}
