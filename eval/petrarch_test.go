package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestReadPetrarch(t *testing.T) {
	raw, err := os.ReadFile("testdata/petrarch.xml")
	if err != nil {
		t.Fatal(err)
	}
	f := readPetrarch("petrarch.xml", raw)
	if got := strings.Join(f.include, " "); got != "ALPHA BETA" {
		t.Errorf("include = %q, want ALPHA BETA (valid is a switch)", got)
	}
	var ids []string
	for _, r := range f.records {
		ids = append(ids, r.id)
	}
	// COMMENTED is in a comment; the record without id and X-1 (empty text)
	// are errors.
	if got := strings.Join(ids, " "); got != "A-1 A-2 B-1 B-2 B-3 C-1 E-1 N-1" {
		t.Errorf("records = %s", got)
	}
	wantErr := []string{"petrarch.xml:64: <Sentence> without id", "petrarch.xml:69: record X-1 has an empty <Text>"}
	if strings.Join(f.errors, "\n") != strings.Join(wantErr, "\n") {
		t.Errorf("errors = %q, want %q", f.errors, wantErr)
	}
	a1 := f.records[0]
	// The <EventCoding> inside <Parse> is not a coding.
	if len(a1.codings) != 2 || a1.codings[1] != tr("FRDGOV", "SYL", "0311") {
		t.Errorf("A-1 codings = %v", a1.codings)
	}
	if a1.text != "Freedonia's president visited Sylvania and agreed to trade." || a1.date != "2020-01-02" || a1.line != 14 {
		t.Errorf("A-1 = %q %q line %d", a1.text, a1.date, a1.line)
	}
	a2 := f.records[1]
	if !a2.noEvents || a2.text != "Nothing & nobody moved." || a2.date != "2020-01-03" {
		t.Errorf("A-2 = %+v", a2)
	}
	if b1 := f.records[2]; len(b1.codings) != 1 || b1.codings[0] != tr("SYL", "", "190") {
		t.Errorf("B-1 codings = %v (--- is no target)", b1.codings)
	}
	scored, skipped := f.scored()
	if len(scored) != 4 || skipped["disabled"] != 1 || skipped["category_not_included"] != 1 ||
		skipped["error_test"] != 1 || skipped["no_eventcoding"] != 1 {
		t.Errorf("scored %d, skipped %v", len(scored), skipped)
	}
}

// The fixture scored with canned predictions; expected values by hand:
//
//	A-1 gold (FRD,SYL,042) (FRDGOV,SYL,0311); pred (FRD,SYL,042) (FRDMIL,SYL,0312)
//	A-2 gold none;                            pred (FRD,-,010)        → false on null
//	B-1 gold (SYL,-,190);                     pred (SYL,-,190) twice  → one is extra
//	B-3 gold (SYL,FRD,111) (SYL,FRD,112);     pred none
//
// gold 5, pred 5. exact: 2 matches → P=R=F1=0.4. headline: A-1 both
// (FRD,SYL,04/03), B-1 one → 3 → P=R=F1=0.6; root likewise 3 → 0.6.
// coded_pct = 2/5 = 40, extra_pct = 3/5 = 60, extra_per_record_pct = 3/4 =
// 75, false_on_null = 1/1.
func TestRunPetrarch(t *testing.T) {
	c := &fakeCoder{events: map[string][]khaldun.Event{
		"A-1": {ev("FRD", "SYL", "042"), ev("FRDMIL", "SYL", "0312")},
		"A-2": {ev("FRD", "", "010")},
		"B-1": {ev("SYL", "", "190"), ev("SYL", "", "190")},
	}}
	rep, err := Run(context.Background(), "petrarch", Options{Gold: "testdata/petrarch.xml", Workers: 3}, c)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"exact_p": 0.4, "exact_r": 0.4, "exact_f1": 0.4,
		"headline_p": 0.6, "headline_r": 0.6, "headline_f1": 0.6,
		"root_p": 0.6, "root_r": 0.6, "root_f1": 0.6,
		"false_on_null": 1, "coded_pct": 40, "extra_pct": 60, "extra_per_record_pct": 75,
	}
	checkMetrics(t, rep, want)
	if rep.N != 4 || len(rep.ReadErrors) != 2 {
		t.Errorf("n = %d, read errors %v", rep.N, rep.ReadErrors)
	}
	in := c.seen["A-2"]
	if in.Meta.Published != "2020-01-03" || string(in.Body) != "Nothing & nobody moved." || in.Origin.Line != 26 {
		t.Errorf("input for A-2 = %+v", in)
	}
	// Per category: ALPHA 2 records, 2 expected, 1 correct, 1 uncoded, 2 extra;
	// BETA 2 records, 3 expected, 1 correct, 2 uncoded, 1 extra.
	rows := rep.Tables[0].Rows
	if got := strings.Join(rows[0][:6], " "); got != "ALPHA 2 2 1 1 2" {
		t.Errorf("ALPHA row = %s", got)
	}
	if got := strings.Join(rows[1][:8], " "); got != "BETA 2 3 1 2 1 33.33 33.33" {
		t.Errorf("BETA row = %s", got)
	}
	if rows[2][0] != "Total" || rows[2][6] != "40.00" {
		t.Errorf("Total row = %v", rows[2])
	}
}

func checkMetrics(t *testing.T, rep *Report, want map[string]float64) {
	t.Helper()
	for k, v := range want {
		got, ok := rep.Metrics[k]
		if !ok || !near(got, v) {
			t.Errorf("%s = %v (present %v), want %v", k, got, ok, v)
		}
	}
	for k := range rep.Metrics {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected metric %s", k)
		}
	}
}

func FuzzReadPetrarch(f *testing.F) {
	if raw, err := os.ReadFile("testdata/petrarch.xml"); err == nil {
		f.Add(raw)
	}
	f.Add([]byte(`<Sentences><Sentence id="a" category="X"><EventCoding eventcode="0"><Text>t</Text></Sentence>`))
	f.Add([]byte(`<Sentence <!-- <Text> --> </Sentence><Stop>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pf := readPetrarch("fuzz", data)
		pf.scored()
		for _, r := range pf.records {
			if r.id == "" || r.text == "" {
				t.Fatalf("record without id or text: %+v", r)
			}
		}
	})
}

// TestPetrarchConfig checks that <Config option="require_dyad"> switches
// one-sided coding for the records after it, that comments hide it, and
// that a UD-PETRARCH file (one naming a <PICOfile>) ignores it.
func TestPetrarchConfig(t *testing.T) {
	const body = `<Sentences>
<Sentence id="R-1" category="X"><Text>a</Text><EventCoding sourcecode="A" targetcode="B" eventcode="010"></Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Sentence id="R-2" category="X"><Text>b</Text><EventCoding sourcecode="A" targetcode="---" eventcode="010"></Sentence>
<!-- <Config option="require_dyad" value="true"></Config> -->
<Sentence id="R-3" category="X"><Text>c</Text><EventCoding sourcecode="A" targetcode="---" eventcode="010"></Sentence>
<Config option="comma_max" value="0" />
<Config option="require_dyad" value="True" />
<Sentence id="R-4" category="X"><Text>d</Text><EventCoding sourcecode="A" targetcode="B" eventcode="010"></Sentence>
`
	for _, tc := range []struct {
		name, head string
		want       string
	}{
		{"petrarch", "", "R-2 R-3"},
		{"ud-petrarch", "<Environment><PICOfile>o.txt</PICOfile></Environment>\n", ""},
	} {
		f := readPetrarch("r.xml", []byte(tc.head+body))
		var one []string
		for _, r := range f.records {
			if r.oneSided {
				one = append(one, r.id)
			}
		}
		if got := strings.Join(one, " "); got != tc.want || len(f.records) != 4 {
			t.Errorf("%s: one-sided records %q of %d, want %q of 4", tc.name, got, len(f.records), tc.want)
		}
		if lines := oneSidedLines(f.records); len(lines) != len(one) {
			t.Errorf("%s: lines %v", tc.name, lines)
		}
	}
}

func TestTripleDiff(t *testing.T) {
	tests := []struct {
		gold, pred    []triple
		missed, extra string
	}{
		{[]triple{tr("A", "B", "010")}, []triple{tr("A", "B", "010")}, "", ""},
		{[]triple{tr("A", "B", "010"), tr("A", "B", "010")}, []triple{tr("A", "B", "010")}, "A>B:010", ""},
		{[]triple{tr("A", "", "010")}, []triple{tr("A", "B", "010"), tr("A", "B", "010")}, "A>---:010", "A>B:010 A>B:010"},
		{nil, []triple{tr("", "B", "190")}, "", "--->B:190"},
	}
	for _, tt := range tests {
		m, x := tripleDiff(tt.gold, tt.pred)
		if strings.Join(m, " ") != tt.missed || strings.Join(x, " ") != tt.extra {
			t.Errorf("%v vs %v: missed %q extra %q, want %q %q", tt.gold, tt.pred, m, x, tt.missed, tt.extra)
		}
	}
}
