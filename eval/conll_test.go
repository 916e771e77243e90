package eval

import (
	"context"
	"os"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/entities"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/pipeline"
)

func TestReadCoNLL(t *testing.T) {
	cases := []struct {
		file   string
		scheme string
		texts  []string
		names  [][]conllName
	}{
		{"testdata/conll/iob2.txt", "IOB2",
			[]string{"Mirela Vantu visited the Quorvan Trust in Seltavo .", "Vantu praised Ostrian farmers ."},
			[][]conllName{{{0, 0, 2}, {1, 4, 6}, {2, 7, 8}}, {{0, 0, 1}, {3, 2, 3}}}},
		// IOB1: B- only separates two adjacent names of one type.
		{"testdata/conll/iob1.txt", "IOB1",
			[]string{"Delmar Freight sued Pellor Arvane Kost in U.S. courts ."},
			[][]conllName{{{1, 0, 2}, {0, 3, 5}, {0, 5, 6}, {2, 7, 8}}}},
	}
	for _, c := range cases {
		items, scheme, errs := readCoNLL(c.file, mustRead(t, c.file))
		if len(errs) > 0 || scheme.String() != c.scheme || len(items) != len(c.texts) {
			t.Fatalf("%s: %d items, scheme %s, errors %v", c.file, len(items), scheme, errs)
		}
		for i, it := range items {
			if it.text != c.texts[i] || !equalNames(it.names, c.names[i]) {
				t.Errorf("%s #%d: %q %v, want %q %v", c.file, i, it.text, it.names, c.texts[i], c.names[i])
			}
			for j, s := range it.toks {
				if it.text[s.Start:s.End] == "" || (j > 0 && it.toks[j-1].End+1 != s.Start) {
					t.Errorf("%s #%d: token %d span %v", c.file, i, j, s)
				}
			}
		}
	}
}

func equalNames(a, b []conllName) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadCoNLLErrors(t *testing.T) {
	data := []byte("Abel NNP B-NP B-PER\nruns VBZ B-VP O\n\nOnly\n\nKaro NNP B-NP B-CITY\n\nZed NNP B-NP B-LOC\n")
	items, _, errs := readCoNLL("bad", data)
	if len(items) != 2 || len(errs) != 2 {
		t.Fatalf("items %d, errors %v", len(items), errs)
	}
	if errs[0] != "bad:4: want a token and a tag, got 1 field" || items[1].text != "Zed" {
		t.Errorf("errors %q, items %+v", errs, items)
	}
}

// entityCoder returns canned entities keyed by body text.
type entityCoder map[string][]khaldun.Entity

func (c entityCoder) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	d := khaldun.NewDocument(in.Meta)
	d.Entities = append(d.Entities, c[string(in.Body)]...)
	return d, nil
}

func TestCoNLLScoring(t *testing.T) {
	s1 := "Mirela Vantu visited the Quorvan Trust in Seltavo ."
	s2 := "Vantu praised Ostrian farmers ."
	ent := func(text, typ string, start int) khaldun.Entity {
		return khaldun.Entity{Text: text, Type: typ, Span: khaldun.Span{Start: start, End: start + len(text)}}
	}
	c := entityCoder{
		s1: {
			ent("Mirela Vantu", "PERSON", 0), // right
			ent("Mirela Vantu", "PERSON", 0), // duplicate: counted once
			ent("Quorvan", "ORG", 25),        // boundary wrong
			ent("eltavo", "LOC", 43),         // part of a token: projected onto Seltavo, right
		},
		s2: {
			ent("Vantu", "PER", 0),     // right, CoNLL spelling
			ent("Ostrian", "ORG", 14),  // type wrong
			ent("farmers", "DATE", 22), // not an entity type: ignored
		},
	}
	rep, err := Run(context.Background(), "conll", Options{Gold: "testdata/conll/iob2.txt"}, c)
	if err != nil {
		t.Fatal(err)
	}
	// gold 5 (4 without MISC), pred 5 (5: the wrong-typed Ostrian is an
	// ORG), match 3 (3).
	want := map[string]float64{
		"p_4type": 3.0 / 5, "r_4type": 3.0 / 5, "f1_4type": 0.6,
		"p_3type": 3.0 / 5, "r_3type": 3.0 / 4, "f1_3type": 2 * 0.6 * 0.75 / 1.35, "f1_misc": 0, "f1_person": 1,
	}
	for k, v := range want {
		if got := rep.Metrics[k]; got < v-1e-9 || got > v+1e-9 {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	if rep.N != 2 || rep.Counts["gold_names"] != 5 || rep.Counts["pred_names"] != 5 {
		t.Errorf("n %d counts %v", rep.N, rep.Counts)
	}
}

func FuzzReadCoNLL(f *testing.F) {
	for _, name := range []string{"testdata/conll/iob1.txt", "testdata/conll/iob2.txt"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("A B\n\nI-PER x I-PER\nB- x B-\n-DOCSTART-\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, _, _ := readCoNLL("fuzz", data)
		for _, it := range items {
			for _, n := range it.names {
				if n.start < 0 || n.end > len(it.toks) || n.start >= n.end || n.typ < 0 || n.typ > 3 {
					t.Fatalf("bad name %v over %d tokens", n, len(it.toks))
				}
			}
			for _, s := range it.toks {
				if s.Start < 0 || s.End > len(it.text) || s.Start >= s.End {
					t.Fatalf("bad token span %v in %q", s, it.text)
				}
			}
		}
	})
}

// nerCoder is the text layer plus the entity annotator: what the conll
// suite measures.
type nerCoder struct{ p *pipeline.Pipeline }

func (c nerCoder) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	return c.p.Process(ctx, in)
}

// TestSharedCoNLL scores the shipped model on the CoNLL-2003 dev set. The
// floors are the figures the shipped model reached less a small margin for
// harmless changes elsewhere in the pipeline.
func TestSharedCoNLL(t *testing.T) {
	gold := sharedtest.Path(t, "data/ner/conll2003/dev.txt")
	a, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Annotators: []khaldun.Annotator{a}, KeepBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), "conll", Options{Gold: gold}, nerCoder{p})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("n %d, metrics %v", rep.N, rep.Metrics)
	if rep.N != 3250 || len(rep.ReadErrors) != 0 || len(rep.CoderErrors) != 0 {
		t.Errorf("n %d, read errors %v, coder errors %v", rep.N, rep.ReadErrors, rep.CoderErrors)
	}
	for k, floor := range map[string]float64{"f1_4type": 0.87, "f1_3type": 0.875} {
		if rep.Metrics[k] < floor {
			t.Errorf("%s = %.4f, below %.2f", k, rep.Metrics[k], floor)
		}
	}
}
