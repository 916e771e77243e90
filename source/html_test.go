package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/extract"
)

func readAll(t *testing.T, paths []string, opt Options) (ins []khaldun.Input, errs []error) {
	t.Helper()
	for in, err := range Read(context.Background(), paths, opt) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ins = append(ins, in)
	}
	return ins, errs
}

func TestHTML(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile("testdata/html/ceasefire.html")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	gzPath := filepath.Join(dir, "ceasefire.html.gz")
	if err := os.WriteFile(gzPath, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		opt        Options
		title      string
		date       string
	}{
		{"by extension", "testdata/html/ceasefire.html", Options{}, "Ceasefire holds in Darven valley", "2023-09-14"},
		{"by content", "testdata/html/ferry.page", Options{}, "Ferry service resumes after storm", "2023-09-14"},
		{"gzip", gzPath, Options{}, "Ceasefire holds in Darven valley", "2023-09-14"},
		{"options win", "testdata/html/ceasefire.html", Options{Title: "Given", Date: "2023-09-15"}, "Given", "2023-09-15"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ins, errs := readAll(t, []string{c.path}, c.opt)
			if len(errs) > 0 || len(ins) != 1 {
				t.Fatalf("got %d inputs, errors %v", len(ins), errs)
			}
			in := ins[0]
			if in.Meta.Title != c.title || in.Meta.Published != c.date || in.Meta.Source != "Harbour Times" || in.Meta.Language != "en" {
				t.Errorf("meta = %+v", in.Meta)
			}
			body := string(in.Body)
			// The badge stays in the body: the pipeline drops and reports it.
			if !strings.Contains(body, "Reading Time: 3 minutes\n\n") || !strings.Contains(body, "monitors said.\n\nBoth sides") && c.name != "by content" {
				t.Errorf("body:\n%s", body)
			}
			for _, junk := range []string{"Sign in", "Copyright"} {
				if strings.Contains(body, junk) {
					t.Errorf("body keeps %q", junk)
				}
			}
			if in.Origin.File != c.path || in.BodyLine != 0 {
				t.Errorf("origin %v, body line %d", in.Origin, in.BodyLine)
			}
		})
	}
}

func TestHTMLErrors(t *testing.T) {
	ins, errs := readAll(t, []string{"testdata/html/empty.htm"}, Options{})
	if len(ins) != 0 || len(errs) != 1 || !errors.Is(errs[0], extract.ErrNoText) || !strings.HasPrefix(errs[0].Error(), "testdata/html/empty.htm: ") {
		t.Errorf("no-text page: inputs %d, errors %v", len(ins), errs)
	}
	ins, errs = readAll(t, []string{"testdata/html/ceasefire.html", "testdata/html/ferry.page"}, Options{MaxBytes: 512})
	if len(ins) != 0 || len(errs) != 2 || !strings.Contains(errs[0].Error(), "over the limit of 512") {
		t.Errorf("over MaxBytes: inputs %d, errors %v", len(ins), errs)
	}
}
