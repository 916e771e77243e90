package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func sample() *khaldun.Document {
	d := khaldun.NewDocument(khaldun.Article{ID: "abc", Title: "Talks in Oslo", Published: "2024-05-02", Dropped: []khaldun.Dropped{}})
	d.Events = append(d.Events, khaldun.Event{
		Sentence: 0, Code: "040", Name: "Consult", Date: "2024-05-02", Rule: "verbs:1",
		Source:   khaldun.Actor{Text: "Norway", Code: "NOR", Span: khaldun.Span{Start: 0, End: 6}},
		Location: &khaldun.Location{Name: "Oslo"},
	})
	d.Counts = append(d.Counts, khaldun.Count{Type: "killed", Number: 12, Qualifier: "at least", Object: "people"},
		khaldun.Count{Type: "KILL", Number: 2, Object: "men", Agent: "police firing", AgentSpan: &khaldun.Span{Start: 30, End: 43}, AgentRole: "COP"})
	d.Dates = append(d.Dates, khaldun.Date{Text: "on Thursday", Value: "2024-05-02", Type: "DATE"})
	d.Places = append(d.Places, khaldun.Place{Text: "Oslo", Name: "Oslo", Country: "NOR", Lat: 59.91, Lon: 10.75})
	d.Entities = append(d.Entities, khaldun.Entity{Text: "Norway", Type: "LOC", Actor: "NOR"})
	d.Quotes = append(d.Quotes, khaldun.Quote{Text: "We agreed", Speaker: "Jonas Lie", SpeakerActor: "NORGOV"})
	return d
}

func TestWriteFormats(t *testing.T) {
	tests := []struct {
		format Format
		want   []string
	}{
		{JSONL, []string{`"schema":1`, `"span":[0,6]`, `"target":null`, `"sentences":[]`,
			`"object":"people","span":[0,0],"agent":"","agent_span":null,"agent_role":""`, `"agent":"police firing","agent_span":[30,43],"agent_role":"COP"`}},
		{Pretty, []string{"\n  \"schema\": 1,"}},
		{Table, []string{"== Talks in Oslo", "NOR(Norway) -[040 Consult]-> --- @ Oslo, 2024-05-02", "Jonas Lie (NORGOV): \"We agreed\"", "killed at least 12 people\n", "KILL  2 men by police firing (COP)\n",
			"on Thursday = 2024-05-02 date", "Oslo = Oslo, NOR (59.91, 10.75)", "Norway/LOC=NOR"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			var buf bytes.Buffer
			if err := NewWriter(&buf, tt.format).Write(sample()); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, buf.String())
				}
			}
		})
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := NewWriter(&buf, JSONL).Write(sample()); err != nil {
		t.Fatal(err)
	}
	if strings.Count(buf.String(), "\n") != 1 {
		t.Fatalf("want one line, got %q", buf.String())
	}
	var back khaldun.Document
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Events[0].Source.Span != (khaldun.Span{Start: 0, End: 6}) {
		t.Errorf("span did not survive: %+v", back.Events[0].Source.Span)
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"jsonl", "pretty", "table"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml) succeeded")
	}
}
