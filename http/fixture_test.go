package http

import (
	"context"
	"fmt"
	"io"
	"log"
	nethttp "net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/pipeline"
	"github.com/khaldun/khaldun/sqlite"
)

const testToken = "s3cret-test-token"

// Fixture texts, invented for these tests.
var fixtureTexts = []string{
	"The envoys of Atlantis met officials of Borduria in Geneva on Monday. Both sides said the talks were useful.",
	"Bordurian troops shelled a village near the river, killing 12 people. \"We will respond,\" the Atlantean minister said.",
	"Atlantis imposed sanctions on Borduria after the shelling. The council condemned the attack in a statement.",
	"Syldavian police arrested 40 protesters in the capital on Friday. \"This is not a crime,\" said an organiser.",
	"The Syldavian president praised the Atlantean aid convoy that reached the border town on Sunday.",
	"Bordurian diplomats rejected the Atlantean proposal for a ceasefire. \"No deal today,\" a spokesman said.",
}

type fixtureEvent struct {
	src, tgt, code, root string
	quad                 int
	gold                 float64
	date                 string
	loc                  *khaldun.Location
}

var geneva = &khaldun.Location{Text: "Geneva", Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.14, GeonameID: 2660646}
var riverTown = &khaldun.Location{Text: "village", Name: "Klow", Country: "BOR", Lat: 44.1, Lon: 20.5, GeonameID: 999001}

// fixtureEvents lists each article's coded events; the same key in two
// articles makes one aggregate event with two mentions.
var fixtureEvents = [][]fixtureEvent{
	{{"ATLGOV", "BORGOV", "040", "04", 1, 1, "2024-03-04", geneva}},
	{{"BORMIL", "BORCVL", "195", "19", 4, -10, "2024-03-06", riverTown}, {"ATLGOV", "BORMIL", "112", "11", 3, -2, "2024-03-06", nil}},
	{{"ATLGOV", "BORGOV", "163", "16", 3, -8, "2024-03-07", nil}, {"ATLGOV", "BORGOV", "040", "04", 1, 1, "2024-03-04", geneva}},
	{{"SYLCOP", "SYLOPP", "173", "17", 4, -5, "2024-04-12", nil}},
	{{"SYLGOV", "ATLGOV", "051", "05", 1, 3.4, "2024-04-14", nil}},
	{{"BORGOV", "ATLGOV", "125", "12", 3, -5, "", nil}, {"BORGOV", "", "010", "01", 1, 0, "2024-04-20", nil}},
}

var fixtureQuotes = map[int]khaldun.Quote{
	1: {Text: "We will respond,", Speaker: "the Atlantean minister", SpeakerActor: "ATLGOV"},
	3: {Text: "This is not a crime,", Speaker: "an organiser", SpeakerActor: "SYLOPP"},
	5: {Text: "No deal today,", Speaker: "a spokesman", SpeakerActor: "BORGOV"},
}

func fixtureDoc(i int) *khaldun.Coded {
	body := fixtureTexts[i]
	published := fmt.Sprintf("2024-%02d-%02d", 3+i/3, 5+i*3)
	doc := khaldun.NewDocument(khaldun.Article{ID: pipeline.ID(body), URL: fmt.Sprintf("https://news.example/%d", i),
		Title: fmt.Sprintf("Story %d", i), Source: []string{"Daily Planet", "Bugle", "Sentinel"}[i%3],
		Published: published, Language: "en", Text: body, Dropped: []khaldun.Dropped{}})
	end := strings.Index(body, ". ") + 1
	doc.Sentences = []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: end}, Text: body[:end]},
		{Span: khaldun.Span{Start: end + 1, End: len(body)}, Text: body[end+1:]}}
	for j, fe := range fixtureEvents[i] {
		e := khaldun.Event{ID: fmt.Sprintf("e%d-%d", i, j), Sentence: 0, Span: khaldun.Span{Start: 4, End: 30}, Text: body[:end],
			Source: khaldun.Actor{Text: strings.ToLower(fe.src[:3]) + " side", Code: fe.src, Country: fe.src[:3], Role: fe.src[3:], Span: khaldun.Span{Start: 4, End: 11}},
			Code:   fe.code, Root: fe.root, Name: "n" + fe.code, Plover: "P", QuadClass: fe.quad, Goldstein: fe.gold,
			Date: fe.date, Location: fe.loc, Rule: "test", Confidence: 0.9}
		if fe.tgt != "" {
			e.Target = &khaldun.Actor{Text: "the " + strings.ToLower(fe.tgt), Code: fe.tgt, Country: fe.tgt[:3], Role: fe.tgt[3:], Span: khaldun.Span{Start: 20, End: 30}}
		}
		doc.Events = append(doc.Events, e)
	}
	if q, ok := fixtureQuotes[i]; ok {
		start := strings.Index(body, q.Text)
		q.Span = khaldun.Span{Start: start, End: start + len(q.Text)}
		doc.Quotes = append(doc.Quotes, q)
	}
	if n := strings.Index(body, "12 people"); n >= 0 {
		// Who killed them is said; who arrested the protesters below is
		// left out, so that the API shows a count both with and without.
		doc.Counts = append(doc.Counts, khaldun.Count{Type: "killed", Number: 12, Object: "people", Span: khaldun.Span{Start: n, End: n + 9},
			Agent: "Bordurian troops", AgentSpan: &khaldun.Span{Start: 0, End: 16}, AgentRole: "MIL"})
		doc.Places = append(doc.Places, khaldun.Place{Text: "village", Name: "Klow", Country: "BOR", Lat: 44.1, Lon: 20.5, GeonameID: 999001,
			Span: khaldun.Span{Start: 30, End: 37}})
	}
	if n := strings.Index(body, "40 protesters"); n >= 0 {
		doc.Counts = append(doc.Counts, khaldun.Count{Type: "arrested", Number: 40, Object: "protesters", Span: khaldun.Span{Start: n, End: n + 13}})
	}
	return &khaldun.Coded{Doc: doc, Dictionary: "test-dict", Pipeline: "test"}
}

// fakePipeline codes an article as one consultation between two invented
// governments, after release is closed when it is set.
type fakePipeline struct {
	started chan struct{}
	release chan struct{}
}

func (p *fakePipeline) Process(ctx context.Context, in khaldun.Input) (*khaldun.Document, error) {
	if p.started != nil {
		close(p.started)
	}
	if p.release != nil {
		<-p.release
	}
	body := strings.TrimSpace(string(in.Body))
	if body == "" {
		return nil, pipeline.ErrNoText
	}
	a := in.Meta
	a.ID, a.Language, a.Text, a.Dropped = pipeline.ID(body), "en", body, []khaldun.Dropped{}
	doc := khaldun.NewDocument(a)
	doc.Sentences = []khaldun.SentRef{{Span: khaldun.Span{Start: 0, End: len(body)}, Text: body}}
	doc.Events = []khaldun.Event{{ID: "p0", Span: khaldun.Span{Start: 0, End: len(body)}, Text: body,
		Source: khaldun.Actor{Text: "x", Code: "ATLGOV", Country: "ATL", Role: "GOV"}, Code: "040", Root: "04",
		Name: "Consult", QuadClass: 1, Goldstein: 1, Date: a.Published, Rule: "fake", Confidence: 1}}
	return doc, nil
}

// testStore opens a store in a temporary directory holding the fixture.
func testStore(t testing.TB) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := range fixtureTexts {
		if _, err := st.Save(ctx, fixtureDoc(i)); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func testServer(t testing.TB, configure func(*Server)) (*Server, *httptest.Server) {
	t.Helper()
	s := &Server{Store: testStore(t), Pipeline: &fakePipeline{}, Token: testToken, Dictionary: "test-dict", Version: "test",
		ErrorLog: log.New(io.Discard, "", 0)}
	if configure != nil {
		configure(s)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// do sends a request and returns the status and body.
func do(t testing.TB, method, url, token, body string) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := nethttp.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := nethttp.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}
