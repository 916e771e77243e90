package eval

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/khaldun/khaldun/engine"
	"github.com/khaldun/khaldun/internal/sharedtest"
)

// TestPoliceEventsDump writes, for every sentence that is labelled KILL or
// has a KILL count, the label, the prediction, the counts and the text to
// the file named by $KHALDUN_POLICE_DUMP. It is a debugging aid for the
// count rules (text layer and count only; with $KHALDUN_POLICE_DUMP_FULL
// set, the CLI's whole pipeline) and is skipped without the variable.
func TestPoliceEventsDump(t *testing.T) {
	out := os.Getenv("KHALDUN_POLICE_DUMP")
	if out == "" {
		t.Skip("set KHALDUN_POLICE_DUMP=file to dump KILL sentences")
	}
	p := sharedtest.Path(t, "data/events/india_police_events/data/final/sents.jsonl")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	golds, _ := readPoliceEvents(p, raw)
	items := make([]item, len(golds))
	for i, g := range golds {
		items[i] = item{id: g.id, text: g.text, line: g.line}
	}
	var c Coder = newCountCoder(t)
	if os.Getenv("KHALDUN_POLICE_DUMP_FULL") != "" { // the CLI's pipeline, with the event coder
		p, err := engine.New(engine.Options{KeepBoilerplate: true, AnyLanguage: true}) // as khaldun eval runs
		if err != nil {
			t.Fatal(err)
		}
		c = timexCoder{p}
	}
	res, err := codeAll(context.Background(), "policeevents", Options{}, c, items)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, g := range golds {
		d := res[i].doc
		if d == nil {
			continue
		}
		k, _ := predictPolice(d)
		var counts string
		anyKill := false
		for _, c := range d.Counts {
			if c.Type != "KILL" {
				continue
			}
			anyKill = true
			counts += fmt.Sprintf("[%s %d %q agent=%q/%s] ", c.Type, c.Number, c.Object, c.Agent, c.AgentRole)
		}
		var events string
		for _, e := range d.Events {
			if r := cameoRoot(e.Code); r == "18" || r == "19" || r == "20" {
				target := ""
				if e.Target != nil {
					target = e.Target.Role
				}
				events += fmt.Sprintf("<%s %s→%s> ", e.Code, e.Source.Role, target)
			}
		}
		if !g.kill && !anyKill && !k && events == "" {
			continue
		}
		counts += events
		fmt.Fprintf(f, "gold=%v pred=%v\t%s\t%s\t%s\n", g.kill, k, g.id, counts, g.text)
	}
}
