package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/khaldun/khaldun"
)

// The policeevents suite scores sentence-level questions of the
// IndiaPoliceEvents corpus (Halterman et al. 2021, data/final/sents.jsonl:
// one {"doc_id", "sent_id", "sent_labels", "sent_text"} object a line):
// "did police kill someone?" (KILL) and "did police arrest someone?"
// (ARREST). The other labels (FORCE, FAIL, ANY_ACTION) are not scored:
// counts say nothing about them.
//
// Predicted KILL: the sentence has a KILL count whose agent is a state
// force (Count.AgentRole COP or MIL, which package count reads from "shot
// dead by police", "killed in police firing", "police fired, killing two",
// "an encounter"), or a KILL count and an event of root 18–20 whose source
// is police or military, or a killing event (1823, 186, 202) by police or
// military, with or without a number ("people were killed in police
// firing"). The scorer reads nothing from the text itself.
// Predicted ARREST: an ARREST or DETAIN count, or an event coded 173
// (arrest, detain) — in this corpus arrests are the police's by definition.
//
// Metrics: kill_p, kill_r, kill_f1, arrest_p, arrest_r, arrest_f1.
func init() { register("policeevents", runPoliceEvents) }

type policeItem struct {
	id     string
	text   string
	kill   bool
	arrest bool
	line   int
}

type policeRecord struct {
	DocID  *int     `json:"doc_id"`
	SentID *int     `json:"sent_id"`
	Labels []string `json:"sent_labels"`
	Text   *string  `json:"sent_text"`
}

func readPoliceEvents(name string, data []byte) ([]policeItem, []string) {
	var out []policeItem
	var errs []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 4<<20)
	for ln := 1; sc.Scan(); ln++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var r policeRecord
		if err := json.Unmarshal(line, &r); err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", name, ln, err))
			continue
		}
		if r.DocID == nil || r.SentID == nil || r.Text == nil {
			errs = append(errs, fmt.Sprintf("%s:%d: want doc_id, sent_id and sent_text", name, ln))
			continue
		}
		it := policeItem{id: fmt.Sprintf("%d-%d", *r.DocID, *r.SentID), text: strings.Join(strings.Fields(*r.Text), " "), line: ln}
		for _, l := range r.Labels {
			it.kill = it.kill || l == "KILL"
			it.arrest = it.arrest || l == "ARREST"
		}
		// An empty sentence cannot be coded; it is kept so that n matches
		// the corpus, and scores as a sentence with no prediction.
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Sprintf("%s: %v", name, err))
	}
	return out, errs
}

// predictPolice decides both questions for one coded sentence from the
// pipeline's output alone. KILL: a KILL count whose agent is a state force
// (Count.AgentRole COP or MIL: "shot dead by police", "killed in police
// firing", "police fired, killing two", "an encounter"); or a KILL count
// beside an event of root 18–20 whose source role is COP or MIL; or an
// event that is a killing (1823, 186, 202) by such a source, which needs
// no number ("policemen who killed a devotee", and through the coder's
// caused-death rule "people were killed in police firing", "fell to police
// bullets"). ARREST: an ARREST or
// DETAIN count, or an event coded 173.
func predictPolice(d *khaldun.Document) (kill, arrest bool) {
	if d == nil {
		return false, false
	}
	killCount := false
	for _, c := range d.Counts {
		switch c.Type {
		case "KILL":
			killCount = true
			kill = kill || stateForce(c.AgentRole)
		case "ARREST", "DETAIN":
			arrest = true
		}
	}
	for _, e := range d.Events {
		if strings.HasPrefix(e.Code, "173") {
			arrest = true
		}
		if !stateForce(e.Source.Role) {
			continue
		}
		if r := cameoRoot(e.Code); (r == "18" || r == "19" || r == "20") && killCount || killings[e.Code] {
			kill = true
		}
	}
	return kill, arrest
}

// killings are the CAMEO codes whose event is a death: kill by physical
// assault, assassinate, engage in mass killings.
var killings = map[string]bool{"1823": true, "186": true, "202": true}

func stateForce(role string) bool { return role == "COP" || role == "MIL" }

func runPoliceEvents(ctx context.Context, opt Options, c Coder) (*Report, error) {
	raw, err := os.ReadFile(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval policeevents: %w", err)
	}
	golds, readErrs := readPoliceEvents(opt.Gold, raw)
	golds = limit(golds, opt)
	items := make([]item, len(golds))
	for i, g := range golds {
		items[i] = item{id: g.id, text: g.text, line: g.line}
	}
	res, err := codeAll(ctx, "policeevents", opt, c, items)
	if err != nil {
		return nil, err
	}
	var kill, arrest prf
	for i, g := range golds {
		k, a := predictPolice(res[i].doc)
		kill.add(tally(g.kill, k))
		arrest.add(tally(g.arrest, a))
	}
	rep := newReport("policeevents", opt)
	rep.N = len(golds)
	for name, m := range map[string]prf{"kill": kill, "arrest": arrest} {
		rep.Metrics[name+"_p"] = m.p()
		rep.Metrics[name+"_r"] = m.r()
		rep.Metrics[name+"_f1"] = m.f1()
		rep.Counts[name+"_gold"] = m.gold
		rep.Counts[name+"_pred"] = m.pred
		rep.Counts[name+"_match"] = m.match
	}
	rep.Notes = []string{
		"KILL predicted = a KILL count of the sentence whose agent_role is COP or MIL (named, or implied for armed men killed with no one named); or a KILL count beside an event of root 18–20 whose source role is COP or MIL; or an event coded 1823, 186 or 202 whose source role is COP or MIL. Nothing is read from the text but the pipeline's output",
		"ARREST predicted = an ARREST or DETAIN count, or an event coded 173",
		"sentence labels FORCE, FAIL and ANY_ACTION are not scored",
	}
	rep.ReadErrors = readErrs
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}

func tally(gold, pred bool) prf {
	var p prf
	if gold {
		p.gold = 1
	}
	if pred {
		p.pred = 1
	}
	if gold && pred {
		p.match = 1
	}
	return p
}
