package eval

import (
	"strings"

	"github.com/khaldun/khaldun"
)

// prf holds the three counts precision, recall and F1 are made of.
type prf struct{ gold, pred, match int }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c prf) p() float64 { return ratio(c.match, c.pred) }
func (c prf) r() float64 { return ratio(c.match, c.gold) }
func (c prf) f1() float64 {
	p, r := c.p(), c.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *prf) add(o prf) { c.gold += o.gold; c.pred += o.pred; c.match += o.match }

// triple is one (source, target, event) coding after compound expansion.
// Root is the event at the coarse level: the 2-digit CAMEO root for CAMEO
// suites, the category itself for PLOVER.
type triple struct{ src, tgt, code, root string }

// noActor is how every suite writes a missing source or target. PETRARCH
// writes "---" and PLOVER leaves the field out; both become "" so that an
// event without a target matches another one without a target.
const noActor = ""

// normActor makes actor codes comparable across gold formats.
func normActor(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	// PETRARCH writes an isolated agent as "~GOV" in some files; its
	// validation program reads it as "---GOV".
	code = strings.ReplaceAll(code, "~", "---")
	if code == "---" {
		return noActor
	}
	return code
}

// cameoRoot is the 2-digit root of a CAMEO event code ("0311" → "03").
func cameoRoot(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// expand turns an event with compound actors into one triple per
// (source, target) pair; no sources or no targets count as one empty actor,
// so 2 sources × 1 target give 2 triples and 0 × 0 give 1.
func expand(sources, targets []string, code, root string) []triple {
	if len(sources) == 0 {
		sources = []string{noActor}
	}
	if len(targets) == 0 {
		targets = []string{noActor}
	}
	out := make([]triple, 0, len(sources)*len(targets))
	for _, s := range sources {
		for _, t := range targets {
			out = append(out, triple{normActor(s), normActor(t), code, root})
		}
	}
	return out
}

// cameoTriples reads a coder's events as CAMEO triples. khaldun writes one
// event per (source, target) pair already, so there is nothing to expand.
func cameoTriples(evs []khaldun.Event) []triple {
	out := make([]triple, 0, len(evs))
	for _, e := range evs {
		tgt := noActor
		if e.Target != nil {
			tgt = e.Target.Code
		}
		code := strings.TrimSpace(e.Code)
		out = append(out, triple{normActor(e.Source.Code), normActor(tgt), code, cameoRoot(code)})
	}
	return out
}

// Event scoring levels.
const (
	levelExact    = iota // (source, target, code)
	levelHeadline        // (source[:3], target[:3], root)
	levelRoot            // (root)
	nLevels
)

var levelNames = [nLevels]string{"exact", "headline", "root"}

func head3(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

func (t triple) key(level int) string {
	switch level {
	case levelExact:
		return t.src + "\x00" + t.tgt + "\x00" + t.code
	case levelHeadline:
		return head3(t.src) + "\x00" + head3(t.tgt) + "\x00" + t.root
	default:
		return t.root
	}
}

// matchMultiset counts matches between two multisets: a gold item matches
// at most one predicted item, so predicting the same triple twice when the
// gold has it once is one hit and one false positive.
func matchMultiset(gold, pred []triple, level int) prf {
	counts := map[string]int{}
	for _, g := range gold {
		counts[g.key(level)]++
	}
	m := 0
	for _, p := range pred {
		k := p.key(level)
		if counts[k] > 0 {
			counts[k]--
			m++
		}
	}
	return prf{gold: len(gold), pred: len(pred), match: m}
}

// eventTally accumulates event scores over sentences; it is shared by every
// suite whose gold is (source, target, event) codings.
type eventTally struct {
	sentences int
	level     [nLevels]prf
	// Sentences whose gold has no event, those of them on which the coder
	// produced at least one event, and how many triples it produced there.
	nullSents, nullHit, nullFalse int
}

// add scores one sentence. Predictions on a sentence whose gold has no event
// stay in the precision denominators (they are false positives) and are also
// counted on their own.
func (t *eventTally) add(gold, pred []triple) {
	t.sentences++
	for l := range nLevels {
		t.level[l].add(matchMultiset(gold, pred, l))
	}
	if len(gold) == 0 {
		t.nullSents++
		if len(pred) > 0 {
			t.nullHit++
			t.nullFalse += len(pred)
		}
	}
}

func (t *eventTally) merge(o eventTally) {
	t.sentences += o.sentences
	for l := range nLevels {
		t.level[l].add(o.level[l])
	}
	t.nullSents += o.nullSents
	t.nullHit += o.nullHit
	t.nullFalse += o.nullFalse
}

// falseOnNull is the share of null-gold sentences on which the coder
// produced any event: a share rather than a count so that sets of different
// sizes (or a --limit run) compare. 0 when the set has no null sentence.
func (t *eventTally) falseOnNull() float64 { return ratio(t.nullHit, t.nullSents) }

// fill writes the event metrics and their raw counts into r.
func (t *eventTally) fill(r *Report) {
	for l := range nLevels {
		c, n := t.level[l], levelNames[l]
		r.Metrics[n+"_p"] = c.p()
		r.Metrics[n+"_r"] = c.r()
		r.Metrics[n+"_f1"] = c.f1()
	}
	r.Metrics["false_on_null"] = t.falseOnNull()
	r.Counts["gold_triples"] = t.level[levelExact].gold
	r.Counts["pred_triples"] = t.level[levelExact].pred
	r.Counts["exact_matches"] = t.level[levelExact].match
	r.Counts["null_sentences"] = t.nullSents
	r.Counts["null_sentences_with_false_event"] = t.nullHit
	r.Counts["false_triples_on_null"] = t.nullFalse
}

var eventNotes = []string{
	"event scoring per sentence over multisets of (source, target, event) triples; compound actors expand to one triple per source×target pair",
	"exact = full codes; headline = first 3 characters of each actor code + event root; root = event root only; P, R, F1 micro-averaged over the set",
	"a missing actor is \"\" (PETRARCH's \"---\" is read as \"\") on both sides",
	"false_on_null = share of gold-null sentences on which the coder produced at least one event; those events also count as false positives in every precision",
	"0/0 = 0: empty prediction has precision 0, empty gold recall 0",
}
