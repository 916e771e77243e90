package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/count"
	"github.com/khaldun/khaldun/internal/sharedtest"
	"github.com/khaldun/khaldun/pipeline"
)

// countCoder is the text layer plus the count annotator: what the suite
// measures, without the event coder.
type countCoder struct{ p *pipeline.Pipeline }

func newCountCoder(t testing.TB) countCoder {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{Annotators: []khaldun.Annotator{count.New()}, KeepBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	return countCoder{p}
}

func (c countCoder) Code(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	return c.p.Process(ctx, in)
}

func TestReadPoliceEvents(t *testing.T) {
	data := "{\"doc_id\": 1, \"sent_id\": 0, \"sent_labels\": [\"KILL\", \"FORCE\"], \"sent_text\": \"two  men\\nwere shot dead by police.\"}\n" +
		"\n" +
		"{\"doc_id\": 1, \"sent_id\": 1, \"sent_labels\": [], \"sent_text\": \"nothing happened.\"}\n" +
		"{\"doc_id\": 1, \"sent_labels\": [], \"sent_text\": \"no sentence id\"}\n" +
		"not json\n" +
		"{\"doc_id\": 2, \"sent_id\": 0, \"sent_labels\": [\"ARREST\"], \"sent_text\": \"\"}\n"
	items, errs := readPoliceEvents("g.jsonl", []byte(data))
	if len(items) != 3 || len(errs) != 2 {
		t.Fatalf("items %+v, errors %v", items, errs)
	}
	if it := items[0]; it.id != "1-0" || !it.kill || it.arrest || it.text != "two men were shot dead by police." || it.line != 1 {
		t.Errorf("first item %+v", it)
	}
	if !strings.HasPrefix(errs[0], "g.jsonl:4:") || !strings.HasPrefix(errs[1], "g.jsonl:5:") {
		t.Errorf("errors %v", errs)
	}
	if it := items[2]; it.id != "2-0" || !it.arrest || it.text != "" {
		t.Errorf("last item %+v", it)
	}
}

func FuzzReadPoliceEvents(f *testing.F) {
	f.Add([]byte(`{"doc_id": 1, "sent_id": 2, "sent_labels": ["KILL"], "sent_text": "x"}`))
	f.Add([]byte("{\"doc_id\": 1}\n\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		items, _ := readPoliceEvents("f", data)
		for _, it := range items {
			if it.line < 1 {
				t.Fatalf("line %d", it.line)
			}
		}
	})
}

func TestPolicePredict(t *testing.T) {
	kill := khaldun.Count{Type: "KILL", Number: 2}
	byPolice := khaldun.Count{Type: "KILL", Number: 2, Agent: "police firing", AgentRole: "COP"}
	byArmy := khaldun.Count{Type: "KILL", Number: 2, Agent: "troops", AgentRole: "MIL"}
	byMob := khaldun.Count{Type: "KILL", Number: 2, Agent: "a mob"}
	cases := []struct {
		name         string
		counts       []khaldun.Count
		events       []khaldun.Event
		kill, arrest bool
	}{
		{"police agent", []khaldun.Count{byPolice}, nil, true, false},
		{"military agent", []khaldun.Count{byArmy}, nil, true, false},
		{"other agent", []khaldun.Count{byMob}, nil, false, false},
		{"no agent", []khaldun.Count{kill}, nil, false, false},
		{"police event, no count", nil, []khaldun.Event{{Code: "190", Source: khaldun.Actor{Role: "COP"}}}, false, false},
		{"police killing event, no count", nil, []khaldun.Event{{Code: "1823", Source: khaldun.Actor{Role: "COP"}}}, true, false},
		{"rebel killing event", nil, []khaldun.Event{{Code: "1823", Source: khaldun.Actor{Role: "REB"}}}, false, false},
		{"count and police event", []khaldun.Count{kill}, []khaldun.Event{{Code: "190", Source: khaldun.Actor{Role: "COP"}}}, true, false},
		{"count and rebel event", []khaldun.Count{kill}, []khaldun.Event{{Code: "190", Source: khaldun.Actor{Role: "REB"}}}, false, false},
		{"detained", []khaldun.Count{{Type: "DETAIN", Number: 4}}, nil, false, true},
		{"arrest event", nil, []khaldun.Event{{Code: "173"}}, false, true},
	}
	for _, c := range cases {
		d := khaldun.NewDocument(khaldun.Article{})
		d.Counts, d.Events = append(d.Counts, c.counts...), append(d.Events, c.events...)
		if k, a := predictPolice(d); k != c.kill || a != c.arrest {
			t.Errorf("%s: kill %v arrest %v, want %v %v", c.name, k, a, c.kill, c.arrest)
		}
	}
	if k, a := predictPolice(nil); k || a {
		t.Error("nil document predicted something")
	}
}

func TestRunPoliceEvents(t *testing.T) {
	rep, err := Run(context.Background(), "policeevents", Options{Gold: "testdata/policeevents/sents.jsonl", Workers: 2}, newCountCoder(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"kill_p": 1, "kill_r": 2.0 / 3, "arrest_p": 1, "arrest_r": 0.5}
	for k, v := range want {
		if d := rep.Metrics[k] - v; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s = %v, want %v (report %+v)", k, rep.Metrics[k], v, rep)
		}
	}
	if rep.N != 8 {
		t.Errorf("n = %d", rep.N)
	}
}

// The reached figures (text layer + count, no event coder) on IndiaPoliceEvents
// data/final/sents.jsonl, n = 21,391: KILL now comes from the counts' agent
// alone (P 0.984, R 0.646). The test fails when a change loses more than
// the margin.
func TestSharedPoliceEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 21,391 sentences")
	}
	p := sharedtest.Path(t, "data/events/india_police_events/data/final/sents.jsonl")
	rep, err := Run(context.Background(), "policeevents", Options{Gold: p}, newCountCoder(t))
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KHALDUN_REPORT") != "" {
		rep.WriteText(os.Stdout)
	}
	if rep.N != 21391 || len(rep.ReadErrors) != 0 || rep.Counts["kill_gold"] != 96 || rep.Counts["arrest_gold"] != 301 {
		t.Errorf("n %d, counts %v, read errors %v", rep.N, rep.Counts, rep.ReadErrors)
	}
	const margin = 0.03
	for k, v := range map[string]float64{"kill_p": 0.984, "kill_r": 0.646, "arrest_p": 0.914, "arrest_r": 0.355} {
		if rep.Metrics[k] < v-margin {
			t.Errorf("%s = %.3f, below %.3f − %.2f", k, rep.Metrics[k], v, margin)
		}
	}
}
