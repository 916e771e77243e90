package eval

// The ecbplus suite measures cross-article aggregation (issue 5) on ECB+:
// 43 topics, each holding articles on two different real events (the
// subtopics "Necb" and "Necbplus"). Every article is coded through the
// coder, saved into a temporary SQLite store as `khaldun ingest` saves it,
// and then each pair of articles is judged "merged" or not from what the
// store holds:
//
//   - merge: the two articles share at least one aggregate event;
//   - dup:   the store linked them as near-duplicates;
//   - union: either of the two.
//
// Gold "same event" is "same subtopic". Pairwise precision and recall are
// taken over the pairs within a topic, where the two events look alike;
// merges across topics are counted separately over all pairs.

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/sqlite"
)

func init() { register("ecbplus", runECBPlus) }

// ecbDoc is one line of the derived ECB+ documents file.
type ecbDoc struct {
	ID       string `json:"doc_id"`
	Topic    int    `json:"topic"`
	Subtopic string `json:"subtopic"`
	Text     string `json:"text"`
}

// readECBPlus reads the JSON Lines documents, gzipped when the name ends
// in .gz. A bad line is a read error and the rest is read.
func readECBPlus(path string) ([]ecbDoc, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		defer z.Close()
		r = z
	}
	var (
		docs   []ecbDoc
		errs   []string
		lineNo int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lineNo++
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		var d ecbDoc
		switch err := json.Unmarshal(line, &d); {
		case err != nil:
			errs = append(errs, fmt.Sprintf("%s:%d: %v", path, lineNo, err))
		case d.ID == "" || d.Subtopic == "" || strings.TrimSpace(d.Text) == "":
			errs = append(errs, fmt.Sprintf("%s:%d: doc_id, subtopic and text are required", path, lineNo))
		default:
			docs = append(docs, d)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s:%d: %w", path, lineNo+1, err)
	}
	return docs, errs, nil
}

// pairTally counts one way of deciding "merged" against gold.
type pairTally struct {
	tp, fp, fn int // within topics
	crossTopic int // merged pairs from different topics
}

func (t pairTally) precision() float64 { return ratio(t.tp, t.tp+t.fp) }
func (t pairTally) recall() float64    { return ratio(t.tp, t.tp+t.fn) }

// scorePairs judges every unordered pair of docs: merged(i, j) says
// whether the system put documents i and j together. All pairs are
// visited (ECB+ has under half a million), so nothing is sampled.
func scorePairs(docs []ecbDoc, merged func(i, j int) bool) (t pairTally, sameEvent int) {
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := &docs[i], &docs[j]
			m := merged(i, j)
			if a.Topic != b.Topic {
				if m {
					t.crossTopic++
				}
				continue
			}
			same := a.Subtopic == b.Subtopic
			if same {
				sameEvent++
			}
			switch {
			case m && same:
				t.tp++
			case m:
				t.fp++
			case same:
				t.fn++
			}
		}
	}
	return t, sameEvent
}

// ecbStored is what the store says about one coded document.
type ecbStored struct {
	article string          // the store's article ID ("" when coding failed)
	events  map[string]bool // aggregate event IDs its mentions belong to
	dups    map[string]bool // articles it is linked to as a near-duplicate
}

func runECBPlus(ctx context.Context, opt Options, c Coder) (*Report, error) {
	docs, readErrs, err := readECBPlus(opt.Gold)
	if err != nil {
		return nil, fmt.Errorf("eval ecbplus: %w", err)
	}
	docs = limit(docs, opt)
	items := make([]item, len(docs))
	for i, d := range docs {
		// ECB+ gives no publication date, so none is passed: an event is
		// dated only by a date its text states in full.
		items[i] = item{id: d.ID, text: d.Text}
	}
	res, err := codeAll(ctx, "ecbplus", opt, c, items)
	if err != nil {
		return nil, err
	}

	dir, err := os.MkdirTemp("", "khaldun-ecbplus-")
	if err != nil {
		return nil, fmt.Errorf("eval ecbplus: %w", err)
	}
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "ecbplus.db"))
	if err != nil {
		return nil, fmt.Errorf("eval ecbplus: %w", err)
	}
	defer store.Close()

	rep := newReport("ecbplus", opt)
	rep.ReadErrors = readErrs
	rep.CoderErrors = coderErrors(items, res)
	stored, saved, err := saveAndRead(ctx, store, items, res)
	if err != nil {
		return nil, fmt.Errorf("eval ecbplus: %w", err)
	}
	rep.N = len(docs)

	sharesEvent := func(i, j int) bool {
		a, b := &stored[i], &stored[j]
		if a.article == "" || b.article == "" {
			return false
		}
		if a.article == b.article {
			return true // the same text twice is one stored article
		}
		for id := range a.events {
			if b.events[id] {
				return true
			}
		}
		return false
	}
	linked := func(i, j int) bool {
		a, b := &stored[i], &stored[j]
		return a.article != "" && b.article != "" && (a.article == b.article || a.dups[b.article])
	}
	merge, sameEvent := scorePairs(docs, sharesEvent)
	dup, _ := scorePairs(docs, linked)
	union, _ := scorePairs(docs, func(i, j int) bool { return sharesEvent(i, j) || linked(i, j) })

	for name, t := range map[string]pairTally{"merge": merge, "dup": dup, "union": union} {
		rep.Metrics[name+"_p"] = t.precision()
		rep.Metrics[name+"_r"] = t.recall()
		rep.Counts[name+"_pairs_within_topic"] = t.tp + t.fp
		rep.Counts[name+"_cross_event"] = t.fp
	}
	// Counts, not fractions: a cross-topic merge is an error that should
	// read as a number of pairs whatever the size of the set.
	rep.Metrics["cross_topic_merges"] = float64(merge.crossTopic)
	rep.Metrics["cross_topic_dups"] = float64(dup.crossTopic)
	rep.Metrics["cross_topic_union"] = float64(union.crossTopic)

	topics := map[int]bool{}
	for _, d := range docs {
		topics[d.Topic] = true
	}
	rep.Counts["topics"] = len(topics)
	rep.Counts["same_event_pairs"] = sameEvent
	rep.Counts["stored_articles"] = saved.Articles
	rep.Counts["mentions"] = saved.Mentions
	rep.Counts["aggregate_events"] = saved.NewEvents
	rep.Counts["near_duplicate_links"] = saved.Duplicates
	// Only a dated event can join another article's (see the notes), so
	// how many are dated says how much merging was possible at all.
	for _, r := range res {
		for _, e := range r.events() {
			if e.Date != "" {
				rep.Counts["dated_mentions"]++
			}
		}
	}
	rep.Notes = []string{
		"each document is coded by the full pipeline and saved into a temporary SQLite store in file order, as khaldun ingest saves it",
		"gold: two documents report the same real event when they have the same ECB+ subtopic; merge_p/merge_r, dup_p/dup_r and union_p/union_r are pairwise over the pairs within one topic (each topic holds two different events)",
		"merge: the two articles share at least one aggregate event (an event of one article's mentions is an event of the other's); dup: the store linked them as near-duplicates; union: either",
		"cross_topic_* count merged pairs from different topics over all pairs (none sampled); they are counts, not fractions",
		"ECB+ has no publication dates: none is passed, so an event whose text gives no full date stays with its own article under the aggregation key (date, source, target, code, place), which bounds merge recall",
		"the same text under two doc_ids is one stored article and counts as merged; a document the coder failed on merges with nothing",
	}
	return rep, nil
}

// saveAndRead saves the coded documents in batches and reads back, for
// each, its aggregate events and near-duplicate links.
func saveAndRead(ctx context.Context, store *sqlite.Store, items []item, res []coded) ([]ecbStored, khaldun.SaveStats, error) {
	const batch = 100
	var (
		total   khaldun.SaveStats
		pending []*khaldun.Coded
	)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		st, err := store.Save(ctx, pending...)
		if err != nil {
			return err
		}
		total.Articles += st.Articles
		total.Skipped += st.Skipped
		total.Mentions += st.Mentions
		total.NewEvents += st.NewEvents
		total.Duplicates += st.Duplicates
		pending = pending[:0]
		return nil
	}
	out := make([]ecbStored, len(items))
	for i, r := range res {
		if r.doc == nil {
			continue
		}
		if r.doc.Article.Text == "" {
			return nil, total, fmt.Errorf("%s: the coder must keep the analysed text (engine.Options.WithText) for the store", items[i].id)
		}
		out[i].article = r.doc.Article.ID
		pending = append(pending, &khaldun.Coded{Doc: r.doc, Dictionary: "eval", Pipeline: "eval"})
		if len(pending) == batch {
			if err := flush(); err != nil {
				return nil, total, fmt.Errorf("save before %s: %w", items[i].id, err)
			}
		}
	}
	if err := flush(); err != nil {
		return nil, total, fmt.Errorf("save: %w", err)
	}
	for i := range out {
		s := &out[i]
		if s.article == "" {
			continue
		}
		var err error
		if s.events, err = articleEvents(ctx, store, s.article); err != nil {
			return nil, total, fmt.Errorf("%s: %w", items[i].id, err)
		}
		a, err := store.Article(ctx, s.article)
		if err != nil {
			return nil, total, fmt.Errorf("%s: %w", items[i].id, err)
		}
		s.dups = map[string]bool{}
		for _, l := range a.Duplicates {
			s.dups[l.Article] = true
		}
	}
	return out, total, nil
}

// articleEvents lists the IDs of the aggregate events an article's
// mentions belong to, following the listing's pages.
func articleEvents(ctx context.Context, store khaldun.Store, article string) (map[string]bool, error) {
	ids := map[string]bool{}
	f := khaldun.EventFilter{Article: article, Limit: 1000}
	for page := 0; ; page++ {
		p, err := store.Events(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("events of article %s (page %d): %w", article, page, err)
		}
		for _, e := range p.Events {
			ids[e.ID] = true
		}
		if p.Next == "" {
			return ids, nil
		}
		if p.Next == f.Cursor {
			return nil, errors.New("events of article " + article + ": cursor did not advance at page " + strconv.Itoa(page))
		}
		f.Cursor = p.Next
	}
}
