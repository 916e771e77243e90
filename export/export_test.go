package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func export(t *testing.T, ex khaldun.Exporter, o Options) (string, int64) {
	t.Helper()
	var b bytes.Buffer
	n, err := Write(context.Background(), ex, &b, o)
	if err != nil {
		t.Fatalf("%+v: %v", o, err)
	}
	return b.String(), n
}

// gdeltEventNames is GDELT 2.0's event table as its codebook lists it,
// written out here rather than built, to check the built list.
var gdeltEventNames = strings.Fields(`GlobalEventID Day MonthYear Year FractionDate
	Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
	Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
	IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
	Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
	Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
	ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
	DATEADDED SOURCEURL`)

var gdeltMentionNames = strings.Fields(`GlobalEventID EventTimeDate MentionTimeDate MentionType MentionSourceName
	MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence
	MentionDocLen MentionDocTone MentionDocTranslationInfo Extras`)

// tsv splits GDELT output into records of named fields, checking the
// field count of every line.
func tsv(t *testing.T, out string, cols []string) []map[string]string {
	t.Helper()
	var recs []map[string]string
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != len(cols) {
			t.Fatalf("line %d has %d fields, want %d: %q", i+1, len(f), len(cols), line)
		}
		r := map[string]string{}
		for j, c := range cols {
			r[c] = f[j]
		}
		recs = append(recs, r)
	}
	return recs
}

func TestGDELTColumns(t *testing.T) {
	if len(gdeltEventNames) != 61 || len(gdeltMentionNames) != 16 {
		t.Fatalf("reference lists have %d and %d names", len(gdeltEventNames), len(gdeltMentionNames))
	}
	for _, c := range []struct {
		got  []Column
		want []string
	}{{gdeltEventColumns, gdeltEventNames}, {gdeltMentionColumns, gdeltMentionNames}} {
		if g := strings.Join(names(c.got), " "); g != strings.Join(c.want, " ") {
			t.Errorf("columns\n got %s\nwant %s", g, strings.Join(c.want, " "))
		}
	}
}

func TestGDELTEvents(t *testing.T) {
	s := fill(t)
	out, n := export(t, s, Options{Format: "gdelt"})
	recs := tsv(t, out, gdeltEventNames)
	if n != 3 || len(recs) != 3 {
		t.Fatalf("%d rows, %d lines:\n%s", n, len(recs), out)
	}
	want := map[string]string{
		"GlobalEventID": "1", "Day": "20240305", "MonthYear": "202403", "Year": "2024", "FractionDate": "2024.1781",
		"Actor1Code": "FRAGOV", "Actor1Name": "FRENCH MINISTERS", "Actor1CountryCode": "FRA", "Actor1Type1Code": "GOV",
		"Actor1KnownGroupCode": "", "Actor2Code": "DEU", "Actor2Name": "GERMANY", "Actor2CountryCode": "DEU", "Actor2Type1Code": "",
		"IsRootEvent": "1", "EventCode": "111", "EventBaseCode": "111", "EventRootCode": "11", "QuadClass": "3",
		"GoldsteinScale": "-2.0", "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "AvgTone": "-2.5",
		"Actor1Geo_Type": "0", "Actor1Geo_FullName": "", "Actor2Geo_Type": "0", "Actor2Geo_Lat": "",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Paris, IDF, FRA", "ActionGeo_CountryCode": "FR",
		"ActionGeo_ADM1Code": "FRIDF", "ActionGeo_ADM2Code": "", "ActionGeo_Lat": "48.8534", "ActionGeo_Long": "2.3488",
		"ActionGeo_FeatureID": "2988507", "SOURCEURL": "https://news.example/a1",
	}
	for k, v := range want {
		if recs[0][k] != v {
			t.Errorf("%s = %q, want %q", k, recs[0][k], v)
		}
	}
	if d := recs[0]["DATEADDED"]; len(d) != 14 || !strings.HasPrefix(d, "20") {
		t.Errorf("DATEADDED %q, want YYYYMMDDHHMMSS", d)
	}
	us, iran := recs[1], recs[2]
	if us["ActionGeo_Type"] != "3" || us["ActionGeo_CountryCode"] != "US" || us["ActionGeo_ADM1Code"] != "USTX" || us["EventRootCode"] != "19" {
		t.Errorf("US event: %v", us)
	}
	if iran["Actor2Code"] != "" || iran["ActionGeo_Type"] != "0" || iran["AvgTone"] != "" || iran["EventBaseCode"] != "010" {
		t.Errorf("undirected event without place or tone: %v", iran)
	}
}

func TestGDELTMentions(t *testing.T) {
	s := fill(t)
	out, _ := export(t, s, Options{Format: "gdelt-mentions"})
	recs := tsv(t, out, gdeltMentionNames)
	if len(recs) != 4 {
		t.Fatalf("%d mentions:\n%s", len(recs), out)
	}
	want := map[string]string{"GlobalEventID": "1", "MentionType": "1", "MentionSourceName": "Wire Daily",
		"MentionIdentifier": "https://wire.example/a2", "SentenceID": "2", "Actor1CharOffset": "19", "Actor2CharOffset": "47",
		"ActionCharOffset": "36", "InRawText": "1", "Confidence": "85", "MentionDocTone": "-1.5", "MentionDocTranslationInfo": ""}
	for k, v := range want {
		if recs[1][k] != v {
			t.Errorf("%s = %q, want %q", k, recs[1][k], v)
		}
	}
	if recs[1]["EventTimeDate"] != recs[0]["MentionTimeDate"] {
		t.Errorf("EventTimeDate %s is not the first mention's time %s", recs[1]["EventTimeDate"], recs[0]["MentionTimeDate"])
	}
	if recs[2]["MentionIdentifier"] != "khaldun:a3" || recs[3]["Actor2CharOffset"] != "-1" {
		t.Errorf("article without URL or mention without target: %v %v", recs[2], recs[3])
	}
}

func TestCSVRoundTrip(t *testing.T) {
	s := fill(t)
	for _, c := range []struct {
		table string
		cols  []Column
		rows  int
		check map[string]string // column → value in the first row
	}{
		{"events", eventColumns, 3, map[string]string{"global_event_id": "1", "target_name": "Germany", "avg_tone": "-2.5", "first_seen": "2024-03-05", "in_lead": "1"}},
		{"mentions", mentionColumns, 4, map[string]string{"global_event_id": "1", "article_id": "a1", "sentence": "0", "doc_tone": "-3.5", "confidence": "0.85"}},
		{"quotes", quoteColumns, 1, map[string]string{"speaker": "a minister", "text": "talks", "published": "2024-03-05"}},
		{"counts", countColumns, 1, map[string]string{"type": "killed", "number": "3", "url": "", "agent": "Texas police", "agent_role": "COP"}},
	} {
		out, n := export(t, s, Options{Format: "csv", Table: c.table})
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", c.table, err)
		}
		if len(recs) != c.rows+1 || n != int64(c.rows) {
			t.Fatalf("%s: %d records for %d rows", c.table, len(recs), n)
		}
		if strings.Join(recs[0], ",") != strings.Join(names(c.cols), ",") {
			t.Errorf("%s header %v", c.table, recs[0])
		}
		for i, name := range recs[0] {
			if v, ok := c.check[name]; ok && recs[1][i] != v {
				t.Errorf("%s.%s = %q, want %q", c.table, name, recs[1][i], v)
			}
		}
	}
}

func TestJSONL(t *testing.T) {
	s := fill(t)
	out, _ := export(t, s, Options{Format: "jsonl", Table: "events"})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	var rows []map[string]any
	for _, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if len(r) != len(eventColumns) {
			t.Errorf("%d keys, want %d", len(r), len(eventColumns))
		}
		rows = append(rows, r)
	}
	if rows[0]["global_event_id"] != 1.0 || rows[0]["goldstein"] != -2.0 || rows[0]["lat"] != 48.8534 || rows[0]["date"] != "2024-03-05" {
		t.Errorf("first event: %v", rows[0])
	}
	if rows[2]["target_code"] != nil || rows[2]["lat"] != nil || rows[2]["avg_tone"] != nil {
		t.Errorf("missing values are not null: %v", rows[2])
	}
}

func TestFilters(t *testing.T) {
	s := fill(t)
	for _, c := range []struct {
		name   string
		o      Options
		events string // global_event_ids, in order
	}{
		{"all", Options{}, "1 2 3"},
		{"since", Options{Events: khaldun.EventFilter{From: "2024-03-06"}}, "2 3"},
		{"until", Options{Events: khaldun.EventFilter{To: "2024-03-20"}}, "1 3"},
		{"since and until", Options{Events: khaldun.EventFilter{From: "2024-03-06", To: "2024-03-31"}}, "3"},
		{"actor prefix", Options{Events: khaldun.EventFilter{Actor: "usa"}}, "2"},
		{"country of either actor", Options{Events: khaldun.EventFilter{Country: "DEU"}}, "1"},
		{"root", Options{Events: khaldun.EventFilter{Root: "19"}}, "2"},
		{"code prefix", Options{Events: khaldun.EventFilter{Code: "01"}}, "3"},
		{"quad", Options{Events: khaldun.EventFilter{QuadClass: 3}}, "1"},
		{"mentions follow their events", Options{Table: "mentions", Events: khaldun.EventFilter{QuadClass: 3}}, "1 1"},
		{"nothing", Options{Events: khaldun.EventFilter{Actor: "CHN"}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.o.Format = "csv"
			out, _ := export(t, s, c.o)
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range recs[1:] {
				ids = append(ids, r[0])
			}
			if got := strings.Join(ids, " "); got != c.events {
				t.Errorf("events %q, want %q", got, c.events)
			}
		})
	}
	for _, c := range []struct {
		table string
		f     khaldun.AnnotationFilter
		rows  int64
	}{
		{"quotes", khaldun.AnnotationFilter{From: "2024-03-05", To: "2024-03-05"}, 1},
		{"quotes", khaldun.AnnotationFilter{From: "2024-03-06"}, 0},
		{"quotes", khaldun.AnnotationFilter{Actor: "fra"}, 1},
		{"quotes", khaldun.AnnotationFilter{Actor: "USA"}, 0},
		{"counts", khaldun.AnnotationFilter{To: "2024-03-31"}, 0},
		{"counts", khaldun.AnnotationFilter{From: "2024-04-01"}, 1},
	} {
		if _, n := export(t, s, Options{Format: "jsonl", Table: c.table, Annotations: c.f}); n != c.rows {
			t.Errorf("%s %+v: %d rows, want %d", c.table, c.f, n, c.rows)
		}
	}
}

func TestBadOptions(t *testing.T) {
	s := fill(t)
	for _, o := range []Options{
		{Format: "xml"},
		{Format: "csv", Table: "entities"},
		{Format: "gdelt", Table: "quotes"},
		{Format: "gdelt-mentions", Table: "events"},
		{Format: "csv", Table: "counts", Annotations: khaldun.AnnotationFilter{Actor: "USA"}},
		{Format: "csv", Events: khaldun.EventFilter{Side: 7}},
	} {
		if _, err := Write(context.Background(), s, &bytes.Buffer{}, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, s, &bytes.Buffer{}, Options{Format: "csv"}); err == nil {
		t.Error("cancelled context: no error")
	}
}

// The counts table gained who did it at its end: every column before it
// keeps the position older readers know, and each format carries it.
func TestCountAgentColumns(t *testing.T) {
	const want = "article_id,url,title,outlet,published,type,number,qualifier,object,span_start,span_end,agent,agent_role"
	if got := strings.Join(names(countColumns), ","); got != want {
		t.Fatalf("count columns\n got %s\nwant %s", got, want)
	}
	s := fill(t)
	tests := []struct {
		format string
		want   string // in the exported bytes
	}{
		{"csv", ",Texas police,COP\n"},
		{"jsonl", `"agent":"Texas police","agent_role":"COP"}`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			out, n := export(t, s, Options{Format: tt.format, Table: "counts"})
			if n != 1 || !strings.Contains(out, tt.want) {
				t.Errorf("%d rows, want 1 with %s:\n%s", n, tt.want, out)
			}
		})
	}
}
