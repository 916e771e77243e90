package segment

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// minF1 is the boundary F1 reached on testdata/agreement.tsv when it was
// written, less a small margin; a change that loses more than that fails.
const minF1 = 0.97

type goldArticle struct {
	corpus, file, id string
	ends             []int
}

// TestAgreement scores Sentences against hand-checked boundaries on real
// articles from the shared corpora, which only exist on project machines.
func TestAgreement(t *testing.T) {
	shared := sharedtest.Dir(t)
	sharedtest.Path(t, "corpora") // skips when the corpora are absent
	gold := readGold(t)
	bodies := loadBodies(t, shared, gold)
	var tp, fp, fn, inTP, inFP, inFN int
	for _, g := range gold {
		body, ok := bodies[g.id]
		if !ok {
			t.Fatalf("%s %s: article not found", g.corpus, g.id)
		}
		// The end of the last sentence is found by any splitter; leaving it
		// out keeps the score about real decisions.
		want := endSet(g.ends)
		var got []int
		for _, s := range Sentences(body) {
			got = append(got, s.Span.End)
		}
		have := endSet(got)
		paraEnd := map[int]bool{}
		for _, p := range Paragraphs(body) {
			paraEnd[p.End] = true
		}
		for e := range have {
			if want[e] {
				tp++
				if !paraEnd[e] {
					inTP++
				}
			} else {
				fp++
				if !paraEnd[e] {
					inFP++
				}
				t.Logf("%s %s: false boundary at %d: %q", g.corpus, g.id, e, around(body, e))
			}
		}
		for e := range want {
			if !have[e] {
				fn++
				if !paraEnd[e] {
					inFN++
				}
				t.Logf("%s %s: missed boundary at %d: %q", g.corpus, g.id, e, around(body, e))
			}
		}
	}
	p, r, f := prf(tp, fp, fn)
	t.Logf("%d articles, %d gold sentences: boundary P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)",
		len(gold), tp+fn+len(gold), p, r, f, tp, fp, fn)
	ip, ir, iF := prf(inTP, inFP, inFN)
	t.Logf("inside paragraphs only: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", ip, ir, iF, inTP, inFP, inFN)
	if f < minF1 {
		t.Errorf("boundary F1 %.3f fell below %.3f", f, minF1)
	}
}

func endSet(ends []int) map[int]bool {
	m := make(map[int]bool, len(ends))
	for _, e := range ends[:max(len(ends)-1, 0)] {
		m[e] = true
	}
	return m
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func around(body string, e int) string {
	return body[max(e-40, 0):e] + "|" + body[e:min(e+30, len(body))]
}

func readGold(t *testing.T) []goldArticle {
	b, err := os.ReadFile("testdata/agreement.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var gold []goldArticle
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("agreement.tsv: bad line %q", line)
		}
		g := goldArticle{corpus: f[0], file: f[1], id: f[2]}
		for _, s := range strings.Split(f[3], ",") {
			n, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("agreement.tsv: %v", err)
			}
			g.ends = append(g.ends, n)
		}
		gold = append(gold, g)
	}
	return gold
}

// loadBodies returns the body of every gold article by id, taken as the
// header of agreement.tsv says.
func loadBodies(t *testing.T, shared string, gold []goldArticle) map[string]string {
	bodies := map[string]string{}
	wanted := map[string]map[string]bool{}
	for _, g := range gold {
		switch g.corpus {
		case "bbc":
			b, err := os.ReadFile(filepath.Join(shared, "corpora", "bbc", g.id))
			if err != nil {
				t.Fatal(err)
			}
			_, body, _ := strings.Cut(string(b), "\n")
			bodies[g.id] = body
		case "allsides":
			if wanted[g.file] == nil {
				wanted[g.file] = map[string]bool{}
			}
			wanted[g.file][g.id] = true
		}
	}
	for file, ids := range wanted {
		f, err := os.Open(filepath.Join(shared, "corpora", "allsides", file))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() && len(ids) > 0 {
			var a struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if ids[a.ID] {
				bodies[a.ID] = a.Text
				delete(ids, a.ID)
			}
		}
		f.Close()
	}
	return bodies
}
