package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

const ploverGoldFixture = "testdata/plover/gold_standard_records/gsr.json"

func TestPloverTable(t *testing.T) {
	raw, err := os.ReadFile("testdata/plover/CAMEO2PLOVER-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	tb, err := readPloverTable("table", raw)
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"0311": "AGREE",   // listed
		"031":  "AGREE",   // falls back to root 03
		"0871": "RETREAT", // listed
		"0872": "CONCEDE", // root 08, first of its two lines
		"195":  "ASSAULT", // root 19
		"010":  "",        // statements have no category
		"":     "",
		"7":    "",
	} {
		if got := tb.category(code); got != want {
			t.Errorf("category(%q) = %q, want %q", code, got, want)
		}
	}
	if tb.goldCategory("DEMAND") != "REQUEST" || tb.goldCategory("FIGHT") != "ASSAULT" || tb.goldCategory("AGREE") != "AGREE" {
		t.Error("gold aliases not applied")
	}
	if _, err := readPloverTable("bad", []byte("190: , mode\n")); err == nil || !strings.Contains(err.Error(), "bad:1:") {
		t.Errorf("want an error naming bad:1, got %v", err)
	}
}

func TestReadPlover(t *testing.T) {
	raw, err := os.ReadFile(ploverGoldFixture)
	if err != nil {
		t.Fatal(err)
	}
	items, errs := readPlover("gsr.json", raw)
	if len(errs) != 0 || len(items) != 3 {
		t.Fatalf("items %d errs %v, want 3 (DOCUMENT skipped, two FIGHT records share a text)", len(items), errs)
	}
	a := items[0]
	if a.id != "T-AGREE-1" || a.line != 3 || a.date != "2001-02-03" ||
		strings.Join(a.events[0].sources, ",") != "FRDGOV,SYL" || strings.Join(a.events[0].targets, ",") != "IGO" {
		t.Errorf("AGREE item = %+v", a)
	}
	// "***" sector dropped; target "" is no target.
	if d := items[1].events[0]; strings.Join(d.sources, ",") != "SYL" || len(d.targets) != 0 {
		t.Errorf("DEMAND event = %+v", d)
	}
	if len(items[2].events) != 2 || len(items[2].events[0].sources) != 0 {
		t.Errorf("FIGHT item = %+v", items[2])
	}
	if _, errs := readPlover("x", []byte(`{"a": 1}`)); len(errs) != 1 || !strings.HasPrefix(errs[0], "x:1:") {
		t.Errorf("not an array: %v", errs)
	}
	if items, errs := readPlover("x", []byte("[\n{\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"t\"},\n{\"id\": 3}\n]")); len(items) != 1 || len(errs) != 1 || !strings.HasPrefix(errs[0], "x:3:") {
		t.Errorf("broken record: %d items, %v", len(items), errs)
	}
}

// Hand-computed: gold triples
//
//	AGREE  (FRDGOV,IGO,AGREE) (SYL,IGO,AGREE)          2 sources × 1 target
//	DEMAND (SYL,-,REQUEST)                             renamed to the table's name
//	FIGHT  (-,FRDMIL,ASSAULT) (SYLREB,FRDMIL,ASSAULT)  two records, one text
//
// predictions: AGREE: FRDGOV→IGO 030 (exact), SYLGOV→IGO 0311 (headline
// only), FRD→IGO 010 (no PLOVER category: dropped); DEMAND: SYL 100 (exact);
// FIGHT: SYLREB→FRDMIL 190 (exact) and 195 (root only).
// gold 5, pred 5; exact 3 → 0.6; headline 4 → 0.8; root 5 → 1.
func TestRunPlover(t *testing.T) {
	c := &fakeCoder{events: map[string][]khaldun.Event{
		"T-AGREE-1":  {ev("FRDGOV", "IGO", "030"), ev("SYLGOV", "IGO", "0311"), ev("FRD", "IGO", "010")},
		"T-DEMAND-1": {ev("SYL", "", "100")},
		"T-FIGHT-1":  {ev("SYLREB", "FRDMIL", "190"), ev("SYLREB", "FRDMIL", "195")},
	}}
	rep, err := Run(context.Background(), "plover", Options{Gold: ploverGoldFixture}, c)
	if err != nil {
		t.Fatal(err)
	}
	checkMetrics(t, rep, map[string]float64{
		"exact_p": 0.6, "exact_r": 0.6, "exact_f1": 0.6,
		"headline_p": 0.8, "headline_r": 0.8, "headline_f1": 0.8,
		"root_p": 1, "root_r": 1, "root_f1": 1, "false_on_null": 0,
	})
	if rep.N != 3 || rep.Counts["unmapped_predictions"] != 1 || rep.Counts["gold_records"] != 4 {
		t.Errorf("n %d counts %v", rep.N, rep.Counts)
	}
	// Headline F1 0.8: some sentence misses at that level and is listed
	// with its gold and predicted triples and its CAMEO codes.
	misses := missTable(t, rep)
	if len(misses.Rows) == 0 || len(misses.Rows) == rep.N {
		t.Fatalf("misses %v: want some but not all sentences", misses.Rows)
	}
	for _, row := range misses.Rows {
		if !strings.HasPrefix(row[0], "T-") || row[1] == row[2] || !strings.Contains(row[3], ":") {
			t.Errorf("miss row %v", row)
		}
	}
}

func TestPloverTableMissing(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "a", "b", "gold.json")
	if err := os.MkdirAll(filepath.Dir(gold), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gold, []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), "plover", Options{Gold: gold}, &fakeCoder{})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "a", "CAMEO2PLOVER-2021.txt")) {
		t.Errorf("want an error naming the default table path, got %v", err)
	}
}

func FuzzReadPlover(f *testing.F) {
	if raw, err := os.ReadFile(ploverGoldFixture); err == nil {
		f.Add(raw)
	}
	f.Add([]byte(`[{"event":"X","text":"t","source":"","target":[{"code":1}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, _ := readPlover("fuzz", data)
		for _, it := range items {
			if it.text == "" || len(it.events) == 0 {
				t.Fatalf("empty item %+v", it)
			}
		}
	})
}

func FuzzReadPloverTable(f *testing.F) {
	if raw, err := os.ReadFile("testdata/plover/CAMEO2PLOVER-2021.txt"); err == nil {
		f.Add(raw)
	}
	f.Add([]byte("19: ASSAULT\n190:\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if tb, err := readPloverTable("fuzz", data); err == nil {
			tb.category("0311")
			tb.category("")
		}
	})
}

// TestSharedDate checks that only a date every dated record shares is taken
// for a placeholder.
func TestSharedDate(t *testing.T) {
	items := func(dates ...string) []ploverItem {
		out := make([]ploverItem, len(dates))
		for i, d := range dates {
			out[i].date = d
		}
		return out
	}
	tests := []struct {
		name  string
		golds []ploverItem
		want  string
	}{
		{"all the same", items("2000-01-01", "2000-01-01", ""), "2000-01-01"},
		{"different", items("2000-01-01", "1999-05-02"), ""},
		{"one dated", items("2000-01-01", ""), ""},
		{"none", items("", ""), ""},
	}
	for _, tt := range tests {
		if got := sharedDate(tt.golds); got != tt.want {
			t.Errorf("%s: sharedDate = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestActorCodes checks the reading of an actor field: sector joined, "***"
// dropped, the gold's non-ISO country codes mapped, non-arrays ignored.
func TestActorCodes(t *testing.T) {
	tests := []struct {
		raw  string
		want []string
	}{
		{`[{"code":"HUN","sector":"GOV"}]`, []string{"HUNGOV"}},
		{`[{"code":"JAP","sector":"***"},{"code":"ITL"}]`, []string{"JPN", "ITA"}},
		{`[{"code":"VTN","sector":"MIL"}]`, []string{"VNMMIL"}},
		{`""`, nil},
		{`"stray"`, nil},
	}
	for _, tt := range tests {
		got := actorCodes(json.RawMessage(tt.raw))
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("actorCodes(%s) = %v, want %v", tt.raw, got, tt.want)
		}
	}
}

// A "(SRC/TAR: …)" record lists every participant as a source; it is read
// as CAMEO's reciprocal event, each participant acting on each other. The
// markup may be an object or, as once in the real file, a bare string.
func TestReadPloverReciprocal(t *testing.T) {
	tests := []struct {
		name, record string
		want         string
	}{
		{"object markup", `{"id": "r1", "event": "CONSULT", "text": "Frd and Syl held talks.",
			"source": [{"code": "FRD"}, {"code": "SYL", "sector": "GOV"}],
			"textInfo": {"markup": "(SRC/TAR: Frd) and (SRC/TAR: Syl) (EVT: held talks)."}}`,
			"FRD>SYLGOV SYLGOV>FRD"},
		{"string markup", `{"id": "r2", "event": "CONSULT", "text": "Frd and Syl held talks.",
			"source": [{"code": "FRD"}, {"code": "SYL"}], "textInfo": "(SRC/TAR: Frd) and (SRC/TAR: Syl) talked."}`,
			"FRD>SYL SYL>FRD"},
		{"compound source, no markup", `{"id": "r3", "event": "CONSULT", "text": "Frd and Syl held talks.",
			"source": [{"code": "FRD"}, {"code": "SYL"}], "textInfo": {"markup": "(SRC: Frd) and (SRC: Syl) talked."}}`,
			"FRD> SYL>"},
		{"markup with a target", `{"id": "r4", "event": "CONSULT", "text": "Frd met Syl.",
			"source": [{"code": "FRD"}], "target": [{"code": "SYL"}], "textInfo": {"markup": "(SRC/TAR: Frd) met (SRC/TAR: Syl)."}}`,
			"FRD>SYL"},
	}
	tb := &ploverTable{cats: map[string]string{}, set: map[string]bool{"CONSULT": true}}
	for _, tt := range tests {
		items, errs := readPlover("x", []byte("["+tt.record+"]"))
		if len(errs) != 0 || len(items) != 1 {
			t.Fatalf("%s: %d items, %v", tt.name, len(items), errs)
		}
		var got []string
		for _, tr := range ploverGold(tb, items[0]) {
			got = append(got, tr.src+">"+tr.tgt)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}
