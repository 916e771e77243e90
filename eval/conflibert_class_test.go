package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestRootPenta(t *testing.T) {
	for code, want := range map[string]int{
		"010": 0, "02": 0, "036": 1, "0571": 1, "061": 2, "087": 2,
		"090": 3, "1311": 3, "161": 3, "166": 3, "141": 4, "150": 4, "171": 4, "190": 4, "204": 4,
		"00": -1, "21": -1, "x9": -1, "": -1, "1": -1,
	} {
		if got := rootPenta(code); got != want {
			t.Errorf("rootPenta(%q) = %d, want %d", code, got, want)
		}
	}
}

func gs(code string, g float64) khaldun.Event {
	e := ev("A", "B", code)
	e.Goldstein = g
	return e
}

func TestPredictClass(t *testing.T) {
	cases := []struct {
		name string
		evs  []khaldun.Event
		want int
	}{
		{"no event", nil, 0},
		{"statement only", []khaldun.Event{gs("010", 0), gs("020", 3)}, 0},
		// The statement wraps a deed; the deed decides.
		{"statement and attack", []khaldun.Event{gs("010", 0), gs("190", -10)}, 4},
		// Largest |Goldstein| wins, whatever its sign: |-4| > 3.5.
		{"largest magnitude", []khaldun.Event{gs("057", 3.5), gs("120", -4)}, 3},
		// Ties go to the first event.
		{"tie", []khaldun.Event{gs("036", 4), gs("061", 4)}, 1},
		// A coder that leaves Goldstein at 0 gets the first non-statement event.
		{"no goldstein", []khaldun.Event{gs("010", 0), gs("061", 0), gs("190", 0)}, 2},
		{"not cameo", []khaldun.Event{gs("??", 9)}, 0},
	}
	for _, c := range cases {
		if got := predictClass(c.evs); got != c.want {
			t.Errorf("%s: class %d, want %d", c.name, got, c.want)
		}
	}
}

// gold 0 1 2 3 4 4, predicted 0 1 1 3 4 0 (hand-made):
// accuracy 4/6; F1 per class: 0: P 1/2 R 1 → 2/3; 1: P 1/2 R 1 → 2/3;
// 2: 0; 3: 1; 4: P 1 R 1/2 → 2/3; macro = (2/3·3 + 0 + 1)/5 = 0.6.
func TestRunClass(t *testing.T) {
	c := &fakeCoder{events: map[string][]khaldun.Event{
		"Freedonia issued a statement on trade.":     {gs("010", 0)},
		"Freedonia and Sylvania vowed to cooperate.": {gs("036", 4)},
		"Sylvania sent food aid to Freedonia.":       {gs("033", 5.2)},
		"Freedonia accused Sylvania of lying.":       {gs("112", -2)},
		"Sylvania shelled Freedonian towns.":         {gs("010", 0), gs("195", -10)},
		"Rebels ambushed a convoy.":                  nil,
	}}
	rep, err := Run(context.Background(), "conflibert-class", Options{Gold: "testdata/class.tsv"}, c)
	if err != nil {
		t.Fatal(err)
	}
	checkMetrics(t, rep, map[string]float64{"accuracy": 4.0 / 6, "macro_f1": 0.6})
	if rep.N != 6 || len(rep.ReadErrors) != 2 {
		t.Errorf("n %d, read errors %v (want the unlabelled line 7 and label 7 on line 9)", rep.N, rep.ReadErrors)
	}
	if rep.ReadErrors[0][:len("testdata/class.tsv:7:")] != "testdata/class.tsv:7:" {
		t.Errorf("first error %q should name line 7", rep.ReadErrors[0])
	}
	// The two wrong sentences, and only they, are listed with their text.
	misses := missTable(t, rep)
	if len(misses.Rows) != 2 {
		t.Fatalf("misses %v, want the 2 wrong sentences", misses.Rows)
	}
	for _, row := range misses.Rows {
		if row[1] == row[2] || row[4] == "" {
			t.Errorf("miss row %v: gold equals prediction or no text", row)
		}
	}
}

// missTable returns the report's table of misses.
func missTable(t *testing.T, rep *Report) Table {
	t.Helper()
	for _, tb := range rep.Tables {
		if strings.HasPrefix(tb.Title, "misses") {
			return tb
		}
	}
	t.Fatal("no misses table")
	return Table{}
}

// Only classes seen in gold or prediction enter the macro average:
// gold 0 0 3, predicted 0 3 3 → class 0: P 1 R 1/2 → 2/3; class 3: P 1/2
// R 1 → 2/3; macro = 2/3, not (2/3+2/3)/5.
func TestMacroF1Present(t *testing.T) {
	var m confusion
	m.add(0, 0)
	m.add(0, 3)
	m.add(3, 3)
	if !near(m.macroF1(), 2.0/3) || !near(m.accuracy(), 2.0/3) {
		t.Errorf("macro %v accuracy %v, want 2/3 and 2/3", m.macroF1(), m.accuracy())
	}
	var empty confusion
	if empty.macroF1() != 0 || empty.accuracy() != 0 {
		t.Error("empty confusion should score 0")
	}
}

func FuzzReadClass(f *testing.F) {
	if raw, err := os.ReadFile("testdata/class.tsv"); err == nil {
		f.Add(raw)
	}
	f.Add([]byte("a\t\t4\n\t0\nb\t-1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, _ := readClass("fuzz", data)
		for _, it := range items {
			if it.label < 0 || it.label > 4 || it.text == "" {
				t.Fatalf("bad item %+v", it)
			}
		}
	})
}
