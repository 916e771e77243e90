package http

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	nethttp "net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/khaldun/khaldun/pipeline"
)

func TestEndpoints(t *testing.T) {
	sp := loadSpec(t)
	_, ts := testServer(t, nil)
	// An event and an article to look up, from the fixture's two-article
	// event (ATLGOV consults BORGOV in Geneva).
	_, b := do(t, "GET", ts.URL+"/api/events?actor=ATLGOV&side=source&code=04", "", "")
	var page struct{ Events []struct{ ID string } }
	json.Unmarshal(b, &page)
	if len(page.Events) != 1 {
		t.Fatalf("fixture event: %s", b)
	}
	eventID, articleID := page.Events[0].ID, pipeline.ID(fixtureTexts[0])

	tests := []struct {
		name, route, query string
		status             int
		want               []string // substrings of the body
		count              int      // items in the listing, -1 not checked
	}{
		{"all events", "/api/events", "", 200, nil, 8},
		{"actor prefix", "/api/events", "actor=bor", 200, nil, 6},
		{"actor on target", "/api/events", "actor=BOR&side=target", 200, nil, 4},
		{"actor name", "/api/events", "actor_name=bor+side", 200, nil, 3},
		{"country", "/api/events", "country=SYL&side=source", 200, nil, 2},
		{"code prefix", "/api/events", "code=19", 200, []string{`"code":"195"`}, 1},
		{"root", "/api/events", "root=04", 200, nil, 1},
		{"quad class", "/api/events", "quad_class=3", 200, nil, 3},
		{"date range", "/api/events", "from=2024-03-05&to=2024-03-31", 200, nil, 3},
		{"place", "/api/events", "place=geneva", 200, nil, 1},
		{"place by id", "/api/events", "place=geonames:999001", 200, nil, 1},
		{"bbox", "/api/events", "bbox=0,40,10,50", 200, []string{"Geneva"}, 1},
		{"text query", "/api/events", "q=ENVOYS+of+atl", 200, nil, 1},
		{"by mentions", "/api/events", "sort=mentions&limit=1", 200, []string{`"num_mentions":2`}, 1},
		{"article", "/api/events", "article=" + articleID, 200, nil, 1},
		{"no match", "/api/events", "actor=ZZZ", 200, []string{`"events":[]`}, 0},
		{"bad quad", "/api/events", "quad_class=5", 400, []string{`"code":"bad_request"`, "quad_class"}, -1},
		{"bad date", "/api/events", "from=2024-13-01", 400, []string{"from"}, -1},
		{"reversed dates", "/api/events", "from=2024-05-01&to=2024-04-01", 400, nil, -1},
		{"bad side", "/api/events", "side=left", 400, nil, -1},
		{"bad bbox", "/api/events", "bbox=1,2,3", 400, nil, -1},
		{"bad limit", "/api/events", "limit=501", 400, nil, -1},
		{"bad cursor", "/api/events", "cursor=xyz", 400, []string{"cursor"}, -1},
		{"no words", "/api/events", "q=%2B%2B", 400, nil, -1},
		{"unknown param", "/api/events", "actr=USA", 400, []string{"actr"}, -1},
		{"repeated param", "/api/events", "actor=A&actor=B", 400, nil, -1},
		{"event", "/api/events/" + eventID, "", 200, []string{`"mentions":[{`, `"evidence":[4,30]`, "Story 0"}, -1},
		{"unknown event", "/api/events/nope", "", 404, []string{`"code":"not_found"`}, -1},
		{"article", "/api/articles/" + articleID, "", 200, []string{"envoys of Atlantis", `"dictionary":"test-dict"`}, -1},
		{"unknown article", "/api/articles/nope", "", 404, nil, -1},
		{"actors", "/api/actors", "", 200, []string{`"code":"ATLGOV","country":"ATL","events":5,"as_source":3`}, -1},
		{"actors by code", "/api/actors", "q=syl", 200, nil, -1},
		{"actors by name", "/api/actors", "q=the+sylopp", 200, []string{"SYLOPP"}, -1},
		{"timeseries", "/api/timeseries", "", 200, []string{`"period":"2024-03-04","key":"","events":1,"mentions":2`}, -1},
		{"timeseries by root per month", "/api/timeseries", "interval=month&by=root&actor=ATL", 200, []string{`"period":"2024-03","key":"04"`}, -1},
		{"timeseries by quad per week", "/api/timeseries", "interval=week&by=quad", 200, []string{`"period":"2024-03-04","key":"1"`}, -1},
		{"timeseries bad interval", "/api/timeseries", "interval=year", 400, nil, -1},
		{"network", "/api/network", "", 200, []string{`"source":"ATLGOV","target":"BORGOV","events":2,"mentions":3,"mean_goldstein":-3.5`}, -1},
		{"network by country", "/api/network", "by=country&limit=1", 200, []string{`"source":"ATL","target":"BOR","events":3`}, -1},
		{"quotes", "/api/quotes", "", 200, nil, 3},
		{"quotes by speaker", "/api/quotes", "speaker=MINISTER", 200, []string{"We will respond"}, 1},
		{"quotes by actor", "/api/quotes", "actor=syl", 200, nil, 1},
		{"quotes by text", "/api/quotes", "q=no+deal", 200, nil, 1},
		{"quotes by date", "/api/quotes", "from=2024-04-01", 200, nil, 2},
		{"counts", "/api/counts", "", 200, nil, 2},
		{"counts by type", "/api/counts", "type=killed", 200,
			[]string{`"number":12`, `"agent":"Bordurian troops","agent_span":[0,16],"agent_role":"MIL"`}, 1},
		{"counts without agent", "/api/counts", "type=arrested", 200, []string{`"agent":"","agent_span":null,"agent_role":""`}, 1},
		{"counts by country", "/api/counts", "country=BOR", 200, nil, 1},
		{"counts by date", "/api/counts", "to=2024-03-31", 200, nil, 1},
		{"stats", "/api/stats", "", 200, []string{`"articles":6`}, -1},
		{"stats takes no parameters", "/api/stats", "x=1", 400, nil, -1},
		{"openapi", "/api/openapi.json", "", 200, []string{`"openapi": "3.0.3"`}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.route
			u := ts.URL + path
			if tt.query != "" {
				u += "?" + tt.query
			}
			status, body := do(t, "GET", u, "", "")
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			compact := string(body)
			for _, w := range tt.want {
				if !strings.Contains(compact, w) {
					t.Errorf("body lacks %s: %s", w, body)
				}
			}
			if tt.count >= 0 {
				var v map[string]json.RawMessage
				json.Unmarshal(body, &v)
				for _, k := range []string{"events", "quotes", "counts"} {
					if raw, ok := v[k]; ok {
						var items []any
						json.Unmarshal(raw, &items)
						if len(items) != tt.count {
							t.Errorf("%d %s, want %d: %s", len(items), k, tt.count, body)
						}
					}
				}
			}
			sp.checkResponse(t, "GET", specPath(path), status, body)
		})
	}
}

// specPath maps a request path to the route that serves it.
func specPath(p string) string {
	for _, prefix := range []string{"/api/events/", "/api/articles/"} {
		if rest, ok := strings.CutPrefix(p, prefix); ok && rest != "" {
			return prefix + "{id}"
		}
	}
	return p
}

func TestNotFoundAndMethods(t *testing.T) {
	_, ts := testServer(t, nil)
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/nowhere", 404},
		{"DELETE", "/api/events", 405},
		{"GET", "/api/articles", 405},
		{"HEAD", "/api/stats", 200},
	} {
		status, body := do(t, tc.method, ts.URL+tc.path, "", "")
		if status != tc.status {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, status, tc.status)
		}
		if tc.method != "HEAD" && !json.Valid(body) {
			t.Errorf("%s %s: not JSON: %s", tc.method, tc.path, body)
		}
	}
}

// TestPagination walks every listing a page at a time and compares the
// concatenation with one big page: no gaps, no duplicates.
func TestPagination(t *testing.T) {
	_, ts := testServer(t, nil)
	for _, tc := range []struct{ path, items string }{
		{"/api/events?sort=date", "events"},
		{"/api/events?sort=mentions", "events"},
		{"/api/events?actor=BOR", "events"},
		{"/api/quotes?", "quotes"},
		{"/api/counts?", "counts"},
	} {
		all := pages(t, ts.URL+tc.path+"&limit=500", tc.items)
		if len(all) < 2 {
			t.Fatalf("%s: fixture too small: %d", tc.path, len(all))
		}
		for _, size := range []int{1, 2, 3} {
			got := pages(t, ts.URL+tc.path+"&limit="+string(rune('0'+size)), tc.items)
			if strings.Join(got, "\n") != strings.Join(all, "\n") {
				t.Errorf("%s by %d:\n%v\nwant\n%v", tc.path, size, got, all)
			}
		}
	}
}

func pages(t *testing.T, u, items string) []string {
	t.Helper()
	var out []string
	cursor := ""
	for range 100 {
		v := u
		if cursor != "" {
			v += "&cursor=" + url.QueryEscape(cursor)
		}
		status, body := do(t, "GET", v, "", "")
		if status != 200 {
			t.Fatalf("%s: %d %s", v, status, body)
		}
		var page map[string]json.RawMessage
		json.Unmarshal(body, &page)
		var list []json.RawMessage
		json.Unmarshal(page[items], &list)
		for _, x := range list {
			out = append(out, string(x))
		}
		json.Unmarshal(page["next"], &cursor)
		if cursor == "" {
			return out
		}
	}
	t.Fatalf("%s: pagination does not end", u)
	return nil
}

func TestWrites(t *testing.T) {
	sp := loadSpec(t)
	article := `{"id": "x1", "title": "Envoys", "date": "2024-05-01", "source": "Bugle", "text": "Envoys of Atlantis met again on Tuesday."}`
	_, ts := testServer(t, nil)
	for _, tc := range []struct {
		name, token, body string
		status            int
	}{
		{"no token", "", article, 401},
		{"wrong token", "nope", article, 401},
		{"stored", testToken, article, 201},
		{"again", testToken, article, 200},
		{"bad JSON", testToken, `{"text": `, 400},
		{"unknown field", testToken, `{"text": "a", "body": "b"}`, 400},
		{"empty text", testToken, `{"text": "  "}`, 400},
		{"bad date", testToken, `{"text": "Envoys met.", "date": "someday"}`, 400},
		{"oversize", testToken, `{"text": "` + strings.Repeat("a", 1<<20) + `"}`, 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := do(t, "POST", ts.URL+"/api/articles", tc.token, tc.body)
			if status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", status, tc.status, body)
			}
			sp.checkResponse(t, "POST", "/api/articles", status, body)
		})
	}
	status, body := do(t, "GET", ts.URL+"/api/events?actor=ATLGOV&from=2024-05-01", "", "")
	if status != 200 || !strings.Contains(string(body), `"date":"2024-05-01"`) {
		t.Errorf("posted article's event not listed: %d %s", status, body)
	}
	_, ro := testServer(t, func(s *Server) { s.Token = "" })
	if status, body := do(t, "POST", ro.URL+"/api/articles", "", article); status != 403 || !strings.Contains(string(body), "writes_disabled") {
		t.Errorf("read-only server: %d %s", status, body)
	}
}

func TestReadsNeedTokenWhenRequired(t *testing.T) {
	_, ts := testServer(t, func(s *Server) { s.RequireTokenForReads = true })
	if status, _ := do(t, "GET", ts.URL+"/api/events", "", ""); status != 401 {
		t.Errorf("no token: %d", status)
	}
	if status, _ := do(t, "GET", ts.URL+"/api/events", testToken, ""); status != 200 {
		t.Errorf("token: %d", status)
	}
	if status, _ := do(t, "GET", ts.URL+"/api/openapi.json", "", ""); status != 200 {
		t.Errorf("description: %d", status)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true,
		":8080": false, "0.0.0.0:80": false, "192.168.1.2:80": false, "nonsense": false} {
		if got := Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v", addr, got)
		}
	}
}

// TestGracefulShutdown cancels the server while an article is being coded:
// the request must finish and Serve return cleanly, and no new connection
// be accepted.
func TestGracefulShutdown(t *testing.T) {
	p := &fakePipeline{started: make(chan struct{}), release: make(chan struct{})}
	s := &Server{Store: testStore(t), Pipeline: p, Token: testToken}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, l) }()
	base := "http://" + l.Addr().String()
	type result struct {
		status int
		err    error
	}
	done := make(chan result, 1)
	go func() {
		req, _ := nethttp.NewRequest("POST", base+"/api/articles", strings.NewReader(`{"text": "Envoys met on Friday."}`))
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := nethttp.DefaultClient.Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		resp.Body.Close()
		done <- result{status: resp.StatusCode}
	}()
	<-p.started
	cancel()
	time.Sleep(50 * time.Millisecond) // let Shutdown close the listener
	close(p.release)
	if r := <-done; r.err != nil || r.status != 201 {
		t.Errorf("in-flight request: %d %v", r.status, r.err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := net.DialTimeout("tcp", l.Addr().String(), time.Second); err == nil {
		t.Error("listener still open after shutdown")
	} else if !errors.Is(err, context.Canceled) && err == nil {
		t.Error(err)
	}
}
