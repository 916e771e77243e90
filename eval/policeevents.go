package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
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
// Predicted KILL: the document has a KILL count and the sentence names the
// police (or their firing) as the ones acting — the question is who killed,
// and the contract's counts carry no agent yet, so the agent comes from the
// sentence text (policeCue) or from an event whose source is police.
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

// policeCue finds the police, or the shooting only they do in these
// reports, acting in a sentence. Plain "police said" is not enough: most
// casualty figures in the corpus are attributed to the police, so the
// police must be the subject of a shooting verb within three words.
var policeCue = regexp.MustCompile(`(?i)\b(police|policem[ae]n|constables?|cops?|security forces?|troops|jawans|paramilitary|army|srp|crpf|bsf|sp)\b(\s+\S+){0,3}?\s+(fir(e|ed|ing)|open(ed|ing)? fire|shot|shoot|kill(ed|ing)?|gunned|clash(ed)?)\b` +
	`|\b(police|security|army|paramilitary|troops?)[ -]?(firing|fire|firng|bullets?|action|encounter|[a-z]+ clash)` +
	`|\b(in|by|during|of) (the )?(police )?(firing|encounter)|\bencounter\b|\b(open(ed|ing)?|ordered) fir(e|ing)\b` +
	`|\b(shot dead|killed|gunned down) by (the )?(police|cops?|security forces|army|troops)`)

// notPolice marks a killing the police did not do: the manner (police do
// not stab or burn) or a named other agent right after the count.
var notPolice = regexp.MustCompile(`(?i)(stabbed|hacked|burnt|burned|charred|lynched|beaten|bomb|blast|explosion)|\bby (the |a )?(rioters|mobs?|militants|terrorists|gunmen|miscreants|attackers|assailants|extremists)`)

// predictPolice decides both questions for one coded sentence. text is the
// gold sentence; count spans index the analysed body, which equals it but
// for normalisation, so they are clamped before use.
func predictPolice(text string, d *khaldun.Document) (kill, arrest bool) {
	if d == nil {
		return false, false
	}
	body := d.Article.Text
	if body == "" {
		body = text
	}
	killCount := false
	for _, c := range d.Counts {
		switch c.Type {
		case "KILL":
			s, e := min(max(c.Span.Start, 0), len(body)), min(max(c.Span.End, 0), len(body))
			if s < e && notPolice.MatchString(body[s:min(e+30, len(body))]) {
				continue
			}
			killCount = true
		case "ARREST", "DETAIN":
			arrest = true
		}
	}
	byPolice := policeCue.MatchString(text)
	for _, e := range d.Events {
		if strings.HasPrefix(e.Code, "173") {
			arrest = true
		}
		if r := cameoRoot(e.Code); (r == "18" || r == "19" || r == "20") && e.Source.Role == "COP" {
			byPolice = true
		}
	}
	return killCount && byPolice, arrest
}

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
		k, a := predictPolice(g.text, res[i].doc)
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
		"KILL predicted = a KILL count in the document and the police acting in the sentence (text cue, or an event of root 18–20 whose source role is COP)",
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
