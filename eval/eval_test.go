package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
)

func TestSuites(t *testing.T) {
	// Each suite file registers itself; the event suites must be there and
	// the list sorted, whatever other suites exist.
	got := Suites()
	if !sort.StringsAreSorted(got) {
		t.Errorf("Suites() = %v, not sorted", got)
	}
	for _, want := range []string{"conflibert-class", "conflibert-spans", "petrarch", "plover"} {
		if !slices.Contains(got, want) {
			t.Errorf("Suites() = %v, lacks %s", got, want)
		}
	}
	if _, err := Run(context.Background(), "nope", Options{Gold: "x"}, &fakeCoder{}); err == nil {
		t.Error("unknown suite accepted")
	}
	if _, err := Run(context.Background(), "petrarch", Options{}, &fakeCoder{}); err == nil {
		t.Error("missing gold accepted")
	}
	if _, err := Run(context.Background(), "petrarch", Options{Gold: "testdata/none.xml"}, &fakeCoder{}); err == nil {
		t.Error("missing file accepted")
	}
}

// The JSON object has exactly suite, gold, n and metrics, whatever the suite.
func TestReportJSONShape(t *testing.T) {
	rep, err := Run(context.Background(), "petrarch", Options{Gold: "testdata/petrarch.xml"}, &fakeCoder{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sortedKeys(m), ","); got != "gold,metrics,n,suite" {
		t.Errorf("JSON keys %s: %s", got, b)
	}
	if !strings.Contains(string(b), `"suite":"petrarch","gold":"testdata/petrarch.xml","n":4`) {
		t.Errorf("JSON = %s", b)
	}
}

// slowCoder answers in an order unrelated to the input order.
type slowCoder struct{ fakeCoder }

func (s *slowCoder) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	time.Sleep(time.Duration(len(in.Body)%7) * time.Millisecond)
	return s.fakeCoder.Code(ctx, in)
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	evs := map[string][]khaldun.Event{
		"A-1": {ev("FRD", "SYL", "042")}, "A-2": {ev("FRD", "", "010")}, "B-1": {ev("SYL", "", "190")},
	}
	var outs []string
	for _, w := range []int{1, 2, 8} {
		rep, err := Run(context.Background(), "petrarch", Options{Gold: "testdata/petrarch.xml", Workers: w}, &slowCoder{fakeCoder{events: evs}})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := rep.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.String())
	}
	if outs[0] != outs[1] || outs[0] != outs[2] {
		t.Errorf("reports differ with the number of workers:\n%s\n---\n%s", outs[0], outs[2])
	}
}

// cancelCoder cancels the run on its first call.
type cancelCoder struct{ cancel context.CancelFunc }

func (c cancelCoder) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	c.cancel()
	return khaldun.NewDocument(in.Meta), nil
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Run(ctx, "conflibert-spans", Options{Gold: "testdata/spans.txt", Workers: 1}, cancelCoder{cancel})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// A failing sentence is reported and scored as an empty prediction.
func TestCoderError(t *testing.T) {
	c := &fakeCoder{
		events: map[string][]khaldun.Event{"B-1": {ev("SYL", "", "190")}},
		fail:   map[string]bool{"B-1": true},
	}
	rep, err := Run(context.Background(), "petrarch", Options{Gold: "testdata/petrarch.xml"}, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.CoderErrors) != 1 || !strings.HasPrefix(rep.CoderErrors[0], "B-1: ") || rep.Metrics["exact_r"] != 0 || rep.N != 4 {
		t.Errorf("coder errors %v, exact_r %v, n %d", rep.CoderErrors, rep.Metrics["exact_r"], rep.N)
	}
}

func TestLimitAndProgress(t *testing.T) {
	var progress bytes.Buffer
	rep, err := Run(context.Background(), "conflibert-class", Options{Gold: "testdata/class.tsv", Limit: 2, Progress: &progress}, &fakeCoder{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 2 || !strings.HasSuffix(progress.String(), "conflibert-class: 2/2\n") {
		t.Errorf("n %d, progress %q", rep.N, progress.String())
	}
}

func TestWriteText(t *testing.T) {
	rep, err := Run(context.Background(), "petrarch", Options{Gold: "testdata/petrarch.xml"}, &fakeCoder{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"suite  petrarch", "false_on_null", "coded_pct", "by category", "ALPHA", "Total",
		"conventions", "false_on_null = share of gold-null sentences", "unreadable gold records: 2", "petrarch.xml:64:"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, b.String())
		}
	}
}
