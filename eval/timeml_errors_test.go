package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// TestTimeMLErrors writes every DATE value error on TBAQ-cleaned to the
// file named by $KHALDUN_TIMEML_ERRORS, one line each: document, DCT, gold
// text and value, predicted text and value, and the sentence around it.
// It is a debugging aid for the resolution rules and is skipped without
// the variable.
func TestTimeMLErrors(t *testing.T) {
	out := os.Getenv("KHALDUN_TIMEML_ERRORS")
	if out == "" {
		t.Skip("set KHALDUN_TIMEML_ERRORS=file to dump DATE value errors")
	}
	root := sharedtest.Path(t, "data/time/TBAQ-cleaned")
	files, err := timemlFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	c := newTimexCoder(t)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := readTimeML(raw)
		if err != nil || seen[d.id] {
			continue
		}
		seen[d.id] = true
		res, err := codeAll(context.Background(), "timeml", Options{Workers: 1}, c, []item{{id: d.id, date: d.dct, text: d.text}})
		if err != nil || res[0].doc == nil {
			t.Fatalf("%s: %v", name, err)
		}
		pred := res[0].doc.Dates
		for _, g := range d.timexes {
			if g.typ != "DATE" {
				continue
			}
			best, most := -1, 0
			for i, p := range pred {
				if o := overlap(p.Span, g.span); o > most {
					best, most = i, o
				}
			}
			if best < 0 || normValue(pred[best].Value) == normValue(g.value) {
				continue
			}
			lo, hi := max(g.span.Start-90, 0), min(g.span.End+60, len(d.text))
			ctx := []rune(d.text[lo:hi])
			fmt.Fprintf(f, "%s\t%s\t%q=%s\t%q=%s\t%q\n", filepath.Base(name), d.dct,
				d.text[g.span.Start:g.span.End], g.value, pred[best].Text, pred[best].Value, string(ctx))
		}
	}
}
