package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFeedFile(t *testing.T) {
	dir := t.TempDir()
	rss := `<?xml version="1.0"?><!-- a comment --><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks</title><link>https://news.test/a</link><pubDate>Tue, 03 Mar 2015 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Putin met Merkel in Geneva.&lt;/p&gt;</description></item>
<item><title>Link only</title><link>https://news.test/b</link></item></channel></rss>`
	path := filepath.Join(dir, "wire.xml") // by content, not by name
	if err := os.WriteFile(path, []byte(rss), 0o644); err != nil {
		t.Fatal(err)
	}
	var ins []string
	var errs []error
	for in, err := range Read(context.Background(), []string{path}, Options{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ins = append(ins, in.Origin.String()+" "+in.Meta.Title+" "+in.Meta.URL+" "+in.Meta.Published+" "+strings.TrimSpace(string(in.Body)))
	}
	want := path + ":1 Talks https://news.test/a 2015-03-03 Putin met Merkel in Geneva."
	if len(ins) != 1 || ins[0] != want {
		t.Errorf("got %q\nwant %q", ins, want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], errNoItemText) || !strings.Contains(errs[0].Error(), ":2:") {
		t.Errorf("errors %v", errs)
	}
}
