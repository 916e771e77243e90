package web_test

// The dashboard tested as a person uses it: headless Chromium (Debian's
// package) driven through chromedp against khaldun serve on loopback, with
// a store coded by the real pipeline from the invented articles in
// testdata/articles.jsonl.
//
// KHALDUN_E2E_DB=path runs the same walk against an existing store (for
// instance the 15,000 AllSides articles) and reports the first view's time
// to interactive; KHALDUN_E2E_SCREENSHOTS=dir keeps the screenshots there
// (otherwise they go to the test's temporary directory).

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/engine"
	khttp "github.com/khaldun/khaldun/http"
	"github.com/khaldun/khaldun/source"
	"github.com/khaldun/khaldun/sqlite"
	"github.com/khaldun/khaldun/web"
)

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

func TestDashboardInBrowser(t *testing.T) {
	exe := os.Getenv("KHALDUN_CHROMIUM")
	if exe == "" {
		exe = chromiumPath
	}
	if _, err := os.Stat(exe); err != nil {
		t.Skipf("no browser at %s (apt-get install chromium, or set $KHALDUN_CHROMIUM): browser tests skipped", exe)
	}
	if !web.Built() {
		t.Skip("the dashboard is not built into web/dist (run make web): browser tests skipped")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	big := os.Getenv("KHALDUN_E2E_DB")
	var store *sqlite.Store
	if big != "" {
		st, err := sqlite.Open(ctx, big)
		if err != nil {
			t.Fatalf("KHALDUN_E2E_DB: %v", err)
		}
		store = st
	} else {
		store = fixtureStore(ctx, t)
	}
	defer store.Close()
	base := startServer(ctx, t, store)

	shots := os.Getenv("KHALDUN_E2E_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(ctx, t, exe)

	// The first view: every panel has answered (data or an empty state).
	start := time.Now()
	b.do(chromedp.Navigate(base + "/"))
	b.waitPanels()
	wall := time.Since(start)
	inPage := b.eval(`performance.now()`).(float64)
	t.Logf("first view interactive: %.0f ms after navigation start in the page (%.0f ms wall, including browser start-up of the tab)",
		inPage, float64(wall.Milliseconds()))
	// Where the time went: the page's own loading, then each API answer.
	timing := b.eval(`(() => { const n = performance.getEntriesByType("navigation")[0];
		const parts = ["html " + Math.round(n.responseEnd), "scripts run " + Math.round(n.domContentLoadedEventEnd)];
		for (const r of performance.getEntriesByType("resource")) {
			const u = new URL(r.name);
			parts.push(u.pathname.replace("/api/", "") + (u.pathname.startsWith("/assets/") ? "" : u.search.slice(0, 24)) +
				" " + Math.round(r.startTime) + "+" + Math.round(r.duration));
		}
		for (const m of performance.getEntriesByType("mark")) parts.push(m.name + " at " + Math.round(m.startTime));
		return parts.join("; "); })()`)
	t.Logf("first view timeline (ms from navigation start; start+duration): %s", timing)
	b.shot(shots, "01-first-view")
	before := b.counts()
	if before["rows"] == 0 || before["periods"] == 0 || before["dyads"] == 0 || before["places"] == 0 {
		t.Fatalf("first view is missing data: %v", before)
	}

	// The map draws every place of the filter from /api/places, not a page
	// of events; clicking a place filters everything to it.
	// The chart views' first answers were asked for while their libraries
	// loaded, and taken by the views: one request each, not two.
	asked := b.eval(`(() => { const n = {}; for (const r of performance.getEntriesByType("resource")) {
		const p = new URL(r.name).pathname; n[p] = (n[p] || 0) + 1; } return n; })()`).(map[string]any)
	for _, p := range []string{"/api/places", "/api/timeseries", "/api/network"} {
		if asked[p] != 1.0 {
			t.Errorf("the first view asked %s %v times, want once", p, asked[p])
		}
	}
	if big == "" {
		if n := b.apiPlaces(""); float64(n) != before["places"] {
			t.Errorf("the map shows %v places, /api/places has %d", before["places"], n)
		}
	}
	b.clickPlace(shots)
	b.do(chromedp.Navigate(base + "/"))
	b.waitPanels()

	// Filter by an actor, typed in the filter bar as a person would.
	actor := "IRQ"
	if big != "" {
		actor = "IRN"
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`input[name=actor_text]`), actor+"\r"))
	b.poll(fmt.Sprintf(`new URLSearchParams(location.search).get("actor") === %q`, actor))
	b.waitPanels()
	after := b.counts()
	t.Logf("panel counts before %v, after filtering by %s %v", before, actor, after)
	if after["rows"] == 0 || after["periods"] == 0 || after["dyads"] == 0 {
		t.Fatalf("after filtering by %s a panel is empty: %v", actor, after)
	}
	for _, r := range b.tableRows() {
		if !strings.HasPrefix(r.source, actor) && !strings.HasPrefix(r.target, actor) {
			t.Errorf("row %v has no actor %s on either side", r, actor)
		}
	}
	if got := b.eval(fmt.Sprintf(`[...document.querySelectorAll(".network .actors [data-actor]")].some(b => b.dataset.actor.startsWith(%q))`, actor)); got != true {
		t.Errorf("the network's top actors do not include %s", actor)
	}
	if big == "" && after["places"] == 0 {
		t.Errorf("the map shows no place for %s (Baghdad and Mosul are in the fixtures)", actor)
	}
	if n := b.apiPlaces("actor=" + actor); float64(n) != after["places"] {
		t.Errorf("filtered by %s the map shows %v places, /api/places has %d", actor, after["places"], n)
	}
	b.shot(shots, "02-filtered-by-actor")

	// Open an event and find its evidence sentence highlighted.
	b.do(chromedp.Click(chromedp.CSS(`.events tbody tr button.open`)))
	b.poll(`document.querySelector("dialog.evidence").open && document.querySelector("dialog.evidence").dataset.state === "ok"`)
	ev := b.eval(`(() => {
		const q = document.querySelector("dialog.evidence .sentence");
		const src = q.querySelector("mark.ev-source");
		return {sentence: q.textContent, source: src ? src.textContent : "", span: q.querySelectorAll("mark.ev-span").length,
			title: document.querySelector("dialog.evidence .mention .ref").textContent};
	})()`).(map[string]any)
	if ev["source"] == "" || ev["span"].(float64) == 0 {
		t.Fatalf("evidence sentence without highlighted source and coded span: %v", ev)
	}
	if !strings.Contains(ev["sentence"].(string), ev["source"].(string)) {
		t.Errorf("highlighted source %q is not in the sentence %q", ev["source"], ev["sentence"])
	}
	t.Logf("evidence: %q, source %q, in %s", ev["sentence"], ev["source"], ev["title"])
	b.shot(shots, "03-evidence")
	b.do(chromedp.Click(chromedp.CSS(`dialog.evidence .mention button.secondary`)))
	b.poll(`!!document.querySelector("dialog.evidence .article mark.current") && document.querySelector("dialog.evidence").dataset.state === "ok"`)
	kinds := b.eval(`[...new Set([...document.querySelectorAll("dialog.evidence .article mark")].flatMap(m => [...m.classList]))].sort().join(" ")`).(string)
	t.Logf("article marks: %s", kinds)
	for _, k := range []string{"current", "date"} {
		if !strings.Contains(kinds, k) {
			t.Errorf("the article view marks no %s (marks: %s)", k, kinds)
		}
	}
	b.shot(shots, "04-article")
	// Escape closes the dialog, as for any modal. Chromium ignores a
	// dialog's cancel key that no user activation preceded (its close
	// watchers' abuse guard), and the article view has taken none, so
	// the key is pressed again while the dialog stays open.
	closed := `!document.querySelector("dialog.evidence").open && !new URLSearchParams(location.search).has("event")`
	for try := 0; ; try++ {
		b.do(chromedp.KeyEvent("\x1b"))
		if b.holds(closed, time.Second) || try == 2 {
			break
		}
	}
	b.poll(closed)

	// Keyboard: Enter on a focused row opens the same view.
	b.do(chromedp.Focus(chromedp.CSS(`.events tbody tr button.open`)))
	b.do(chromedp.KeyEvent("\r"))
	// Loaded before the close button is clicked: the content coming in
	// moves the button under a click aimed at it while it loads.
	b.poll(`document.querySelector("dialog.evidence").open && document.querySelector("dialog.evidence").dataset.state === "ok"`)
	b.do(chromedp.Click(chromedp.CSS(`dialog.evidence button.close`)))
	b.poll(`!document.querySelector("dialog.evidence").open`)

	// Brush the middle of the timeline to set the date range.
	box := b.eval(`(() => { window.scrollTo(0, 0); const r = document.querySelector(".timeline .chart").getBoundingClientRect();
		return [r.left, r.top, r.width, r.height]; })()`).([]any)
	x0, y0, w, h := box[0].(float64), box[1].(float64), box[2].(float64), box[3].(float64)
	y := y0 + h*0.6
	// Periods shown before brushing, to check that the range narrowed.
	shown := b.eval(`document.querySelector(".timeline").dataset.first + " " + document.querySelector(".timeline").dataset.last`).(string)
	b.do(chromedp.MouseEvent(chromedp.MouseMoved, x0+w*0.4, y))
	b.do(chromedp.MouseEvent(chromedp.MousePressed, x0+w*0.4, y, chromedp.ButtonLeft))
	for f := 0.45; f <= 0.65; f += 0.05 {
		b.do(chromedp.MouseEvent(chromedp.MouseMoved, x0+w*f, y, chromedp.ButtonLeft))
	}
	b.do(chromedp.MouseEvent(chromedp.MouseReleased, x0+w*0.65, y, chromedp.ButtonLeft))
	b.poll(`(() => { const p = new URLSearchParams(location.search); return p.has("from") && p.has("to"); })()`)
	b.waitPanels()
	rng := b.eval(`[new URLSearchParams(location.search).get("from"), new URLSearchParams(location.search).get("to")]`).([]any)
	from, to := rng[0].(string), rng[1].(string)
	t.Logf("brushed range %s to %s", from, to)
	if from > to {
		t.Errorf("brushed range runs backwards: %s > %s", from, to)
	}
	first, last, _ := strings.Cut(shown, " ")
	if len(first) == 7 { // a month
		first += "-01"
	}
	if from <= first && to >= last {
		t.Errorf("brushing the middle of the timeline chose %s..%s, all of the shown %s", from, to, shown)
	}
	if got := b.eval(`document.querySelector("input[name=from]").value + " " + document.querySelector("input[name=to]").value`); got != from+" "+to {
		t.Errorf("the filter bar shows %q, the URL %s %s", got, from, to)
	}
	for _, r := range b.tableRows() {
		if r.date != "undated" && len(r.date) == 10 && (r.date < from || r.date > to) {
			t.Errorf("row %v is outside the brushed range %s..%s", r, from, to)
		}
	}
	b.shot(shots, "05-brushed")

	// Export CSV from the page's link and check its rows against the API.
	href := b.eval(`document.querySelector(".export a[data-format=csv]").href`).(string)
	if !strings.Contains(href, "actor="+actor) || !strings.Contains(href, "from="+from) {
		t.Errorf("CSV export link %s does not carry the filter", href)
	}
	got := b.eval(fmt.Sprintf(`fetch(%q).then(r => r.ok ? r.text() : r.text().then(t => "HTTP " + r.status + " " + t))`, href),
		chromedp.EvalAwaitPromise).(string)
	rows, err := csv.NewReader(strings.NewReader(got)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("CSV export: %v; got %.300q", err, got)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for _, c := range []string{"id", "date", "source_code", "target_code", "code"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("CSV export has no %s column: %v", c, rows[0])
		}
	}
	ids := b.eval(fmt.Sprintf(`fetch("/api/events?limit=500&actor=%s&from=%s&to=%s").then(r => r.json()).then(p => p.events.map(e => e.id))`,
		actor, from, to), chromedp.EvalAwaitPromise).([]any)
	want := map[string]bool{}
	for _, id := range ids {
		want[id.(string)] = true
	}
	for _, r := range rows[1:] {
		id, d := r[col["id"]], r[col["date"]]
		src, tgt := r[col["source_code"]], r[col["target_code"]]
		if !strings.HasPrefix(src, actor) && !strings.HasPrefix(tgt, actor) {
			t.Errorf("CSV row %s: actors %s, %s, neither is %s", id, src, tgt, actor)
		}
		if d < from || d > to {
			t.Errorf("CSV row %s: date %s outside %s..%s", id, d, from, to)
		}
		if len(ids) < 500 && !want[id] {
			t.Errorf("CSV row %s is not among the API's events for the filter", id)
		}
	}
	if len(ids) < 500 && len(rows)-1 != len(ids) {
		t.Errorf("CSV export has %d rows, the API %d events for the filter", len(rows)-1, len(ids))
	}
	t.Logf("CSV export: %d rows", len(rows)-1)

	// Empty and error states are messages, not blank panels.
	b.do(chromedp.Navigate(base + "/?q=zzqxjvwk"))
	b.waitPanels()
	if msg := b.eval(`document.querySelector(".events .status").textContent`); msg != "No events match the filter." {
		t.Errorf("empty table says %q", msg)
	}
	b.shot(shots, "06-empty")
	b.do(chromedp.Navigate(base + "/?country=12"))
	b.poll(`document.querySelectorAll("main .panel[data-state=error]").length === 4`)
	if msg := b.eval(`document.querySelector(".events .status").textContent`).(string); !strings.Contains(msg, "country") {
		t.Errorf("error state does not name the bad parameter: %q", msg)
	}
	b.shot(shots, "07-error")

	// A phone-width screen: everything in one column, nothing wider than it.
	b.do(chromedp.EmulateViewport(390, 844))
	b.do(chromedp.Navigate(base + "/?actor=" + actor))
	b.waitPanels()
	if wide := b.eval(`document.documentElement.scrollWidth`).(float64); wide > 392 {
		t.Errorf("at 390 px the page is %v px wide", wide)
	}
	for _, sel := range []string{".timeline .chart", ".mapp .map", ".network .graph"} {
		if ht := b.eval(fmt.Sprintf(`document.querySelector(%q).getBoundingClientRect().height`, sel)).(float64); ht < 150 {
			t.Errorf("at 390 px %s is %v px high", sel, ht)
		}
	}
	b.shot(shots, "08-phone")
	t.Logf("screenshots in %s", shots)
	if errs := b.errors(); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}

// apiPlaces counts the places /api/places gives for a query, as the map
// asks for them (all of them).
func (b *browser) apiPlaces(query string) int {
	b.t.Helper()
	v := b.eval(fmt.Sprintf(`fetch("/api/places?limit=10000&%s").then(r => r.json()).then(p => p.places.length)`, query),
		chromedp.EvalAwaitPromise)
	return int(v.(float64))
}

// clickPlace clicks the first single place on the map that no other
// marker covers, as a person would, and checks that the filter, the
// table and the map then hold that place only.
func (b *browser) clickPlace(shots string) {
	b.t.Helper()
	// A marker the pointer can reach: single places carry a title, clusters
	// none. Where only clusters show, click one to zoom in, as a person
	// would, until a single place shows.
	find := func(sel string) map[string]any {
		m := b.eval(fmt.Sprintf(`(() => {
			document.querySelector(".mapp .map").scrollIntoView({block: "center"});
			for (const el of document.querySelectorAll(".mapp .leaflet-marker-icon.place-icon%s")) {
				const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
				if (el.contains(document.elementFromPoint(x, y))) return {x, y, title: el.title};
			}
			return null; })()`, sel))
		if m == nil {
			return nil
		}
		return m.(map[string]any)
	}
	var mk map[string]any
	for range 6 {
		if mk = find("[title]"); mk != nil {
			break
		}
		c := find(":not([title])")
		if c == nil {
			break
		}
		b.do(chromedp.MouseClickXY(c["x"].(float64), c["y"].(float64)))
		time.Sleep(100 * time.Millisecond) // the zoom animation starts
		b.poll(`!document.querySelector(".mapp .leaflet-zoom-anim, .mapp .leaflet-cluster-anim")`)
	}
	if mk == nil {
		b.t.Fatal("the map shows no single place to click")
	}
	title := mk["title"].(string)
	name, _, _ := strings.Cut(title, ":")
	name, _, _ = strings.Cut(name, " (")
	b.do(chromedp.MouseClickXY(mk["x"].(float64), mk["y"].(float64)))
	b.poll(`new URLSearchParams(location.search).has("place")`)
	b.waitPanels()
	place := b.eval(`new URLSearchParams(location.search).get("place")`).(string)
	got := b.counts()
	b.t.Logf("clicked %q: place=%s, panels %v", title, place, got)
	if got["places"] != 1 || got["rows"] == 0 {
		b.t.Errorf("after clicking %s the map shows %v places and the table %v rows, want 1 and some", name, got["places"], got["rows"])
	}
	if v := b.eval(`document.querySelector("input[name=place]").value`); v != place {
		b.t.Errorf("the filter bar shows place %q, the URL %q", v, place)
	}
	cells := b.eval(`[...document.querySelectorAll(".events tbody tr")].map(tr => tr.cells[4].textContent)`).([]any)
	for _, c := range cells {
		if !strings.HasPrefix(c.(string), name) {
			b.t.Errorf("after clicking %s a row is at %q", name, c)
		}
	}
	b.shot(shots, "01b-place")
}

// fixtureStore codes testdata/articles.jsonl with the standard pipeline and
// saves it in a store in a temporary directory, as khaldun ingest does.
func fixtureStore(ctx context.Context, t *testing.T) *sqlite.Store {
	t.Helper()
	p, err := engine.New(engine.Options{WithText: true})
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"))
	if err != nil {
		t.Fatal(err)
	}
	var coded []*khaldun.Coded
	for in, err := range source.Read(ctx, []string{filepath.Join("testdata", "articles.jsonl")}, source.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		doc, err := p.Process(ctx, in)
		if err != nil {
			t.Fatalf("%s: %v", in.Origin, err)
		}
		coded = append(coded, &khaldun.Coded{Doc: doc, Dictionary: "test", Pipeline: "test"})
	}
	if _, err := st.Save(ctx, coded...); err != nil {
		t.Fatal(err)
	}
	return st
}

// startServer serves the API and the dashboard as khaldun serve does.
func startServer(ctx context.Context, t *testing.T, store *sqlite.Store) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &khttp.Server{Store: store, Version: "test"}
	done := make(chan error, 1)
	sctx, stop := context.WithCancel(ctx)
	go func() { done <- s.ServeWith(sctx, l, s.WithPage(web.Handler())) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	})
	return "http://" + l.Addr().String()
}

// browser is one headless Chromium tab with the test's helpers.
type browser struct {
	t    *testing.T
	ctx  context.Context
	mu   sync.Mutex
	errs []string
}

func newBrowser(ctx context.Context, t *testing.T, exe string) *browser {
	t.Helper()
	// The flags keep a headless browser on a closed network from waiting on
	// connections it would make for updates, sync and the like.
	actx, cancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	t.Cleanup(cancel)
	b := &browser{t: t}
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	t.Cleanup(bcancel)
	b.ctx = bctx
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", exe, err)
	}
	return b
}

func (b *browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		b.errs = append(b.errs, "exception: "+msg)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			b.errs = append(b.errs, "console.error: "+strings.Join(parts, " "))
		}
	}
}

func (b *browser) errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.errs
}

const stepTimeout = 30 * time.Second

func (b *browser) do(a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, a); err != nil {
		b.t.Fatalf("browser: %v (page errors: %v)", err, b.errors())
	}
}

func (b *browser) eval(js string, opts ...chromedp.EvaluateOption) any {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js, opts...))
	if err != nil {
		b.t.Fatalf("evaluating %.80q: %v", js, err)
	}
	return v
}

// holds reports whether a JavaScript condition comes to hold within d.
func (b *browser) holds(cond string, d time.Duration) bool {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, d)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[any](cond, chromedp.WithPollingInterval(10*time.Millisecond)))
	return err == nil
}

// poll waits until a JavaScript condition holds.
func (b *browser) poll(cond string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[any](cond, chromedp.WithPollingInterval(10*time.Millisecond))); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("still false after %v", stepTimeout)
		}
		b.t.Fatalf("waiting for %s: %v (page errors: %v)", cond, err, b.errors())
	}
}

// waitPanels waits until every panel has answered its latest request.
func (b *browser) waitPanels() {
	b.t.Helper()
	b.poll(`(() => { const ps = [...document.querySelectorAll("main .panel")];
		return ps.length === 4 && ps.every(p => p.dataset.state === "ok" || p.dataset.state === "empty"); })()`)
}

// counts reads what each panel drew, as the views record it on the panel.
func (b *browser) counts() map[string]float64 {
	v := b.eval(`(() => ({rows: +document.querySelector(".events").dataset.rows || 0,
		periods: +document.querySelector(".timeline").dataset.periods || 0,
		places: +document.querySelector(".mapp").dataset.places || 0,
		dyads: +document.querySelector(".network").dataset.dyads || 0}))()`).(map[string]any)
	out := map[string]float64{}
	for k, x := range v {
		out[k] = x.(float64)
	}
	return out
}

type tableRow struct{ date, source, target string }

func (b *browser) tableRows() []tableRow {
	v := b.eval(`[...document.querySelectorAll(".events tbody tr")].map(tr => [...tr.cells].map(c => c.textContent))`).([]any)
	var rows []tableRow
	for _, r := range v {
		c := r.([]any)
		rows = append(rows, tableRow{date: c[0].(string), source: c[1].(string), target: c[3].(string)})
	}
	return rows
}

func (b *browser) shot(dir, name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
