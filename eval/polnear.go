package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/norm"
)

// The polnear suite scores quotations and their speakers against PolNeAR
// (political news attribution relations, BRAT standoff). Gold is a
// directory holding text/NAME.txt and attributions/NAME_ANNOTATOR.ann; each
// text is coded as one input and its Quotes compared with the attributions
// (Source, Cue, Content spans joined by an event line "E…").
//
// An attribution is direct when its content starts or ends with a quotation
// mark. PolNeAR's Source is the speaker's mention ("he", "the spokesman",
// "Sen. Jane Roe"), not the person, so the speaker is scored where the coder
// says it is mentioned (Quote.SpeakerSpan); when a quote has no speaker
// span — its speaker was carried over from an earlier quotation — it is located as
// the occurrence of its name, or of a capitalised word of it, nearest to the
// quotation outside it. Either way it is right when that span overlaps the
// gold Source. The name-located figures are always reported too
// (source_*_direct_byname), so that runs with and without mentions compare.
func init() { register("polnear", runPolNeAR) }

type goldAttr struct {
	content []khaldun.Span // several when the annotator joined pieces
	source  []khaldun.Span
	direct  bool
}

type polnearDoc struct {
	id, text string
	attrs    []goldAttr
}

// readBrat reads an .ann file against its text. BRAT offsets count
// characters; they become byte offsets into the text as the pipeline will
// normalise it, which is the returned text.
func readBrat(text string, ann []byte) (string, []goldAttr, []string) {
	body, at := normMap(text)
	var errs []string
	spans := map[string][]khaldun.Span{}
	var events [][2]string
	for n, line := range strings.Split(string(ann), "\n") {
		f := strings.Split(line, "\t")
		switch {
		case len(f) >= 2 && strings.HasPrefix(f[0], "T"):
			_, rng, _ := strings.Cut(f[1], " ")
			var ss []khaldun.Span
			for _, r := range strings.Split(rng, ";") {
				a, b, _ := strings.Cut(strings.TrimSpace(r), " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(at) {
					errs = append(errs, fmt.Sprintf("line %d: bad span %q", n+1, r))
					ss = nil
					break
				}
				ss = append(ss, khaldun.Span{Start: at[s], End: at[e]})
			}
			if ss != nil {
				spans[f[0]] = ss
			}
		case len(f) >= 2 && strings.HasPrefix(f[0], "E"):
			events = append(events, [2]string{strconv.Itoa(n + 1), f[1]})
		}
	}
	var out []goldAttr
	for _, ev := range events {
		var g goldAttr
		for _, arg := range strings.Fields(ev[1]) {
			role, id, _ := strings.Cut(arg, ":")
			switch role {
			case "Content":
				g.content = spans[id]
			case "Source":
				g.source = spans[id]
			}
		}
		if len(g.content) == 0 {
			errs = append(errs, fmt.Sprintf("line %s: attribution without content", ev[0]))
			continue
		}
		g.direct = directContent(body, g.content)
		out = append(out, g)
	}
	return body, out, errs
}

// directContent reports whether content is a quotation: it opens with a
// mark, or ends with one before trailing punctuation.
func directContent(body string, content []khaldun.Span) bool {
	s := strings.TrimSpace(body[content[0].Start:content[0].End])
	e := strings.TrimRight(strings.TrimSpace(body[content[len(content)-1].Start:content[len(content)-1].End]), ".,;:—–- ")
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(e)
	return strings.ContainsRune("“\"‘", first) || strings.ContainsRune("”\"", last)
}

// normMap normalises text as the pipeline does and maps each character
// offset of text to a byte offset of the result. Characters normalise one
// at a time except for NFC composition, which joins a letter and its
// combining marks; those marks map to the end of the composed character.
func normMap(text string) (string, []int) {
	var b strings.Builder
	var at []int
	for _, r := range text {
		at = append(at, b.Len())
		b.WriteString(norm.Normalize([]byte(string(r))).Text)
	}
	at = append(at, b.Len())
	per := b.String()
	full := norm.Normalize([]byte(per)).Text
	if full == per {
		return full, at
	}
	fix := make([]int, len(per)+1) // byte of per → byte of full
	i, j := 0, 0
	for i < len(per) {
		r, n := utf8.DecodeRuneInString(per[i:])
		q, m := utf8.DecodeRuneInString(full[min(j, len(full)):])
		fix[i] = j
		i += n
		if r == q || j >= len(full) {
			j = min(j+m, len(full))
			continue
		}
		j = min(j+m, len(full))
		for i < len(per) {
			r2, n2 := utf8.DecodeRuneInString(per[i:])
			q2, _ := utf8.DecodeRuneInString(full[min(j, len(full)):])
			if !unicode.Is(unicode.Mn, r2) || r2 == q2 {
				break
			}
			fix[i] = j
			i += n2
		}
	}
	fix[len(per)] = len(full)
	for k := range at {
		at[k] = fix[at[k]]
	}
	return full, at
}

// readPolNeAR reads the gold directory. A text annotated twice is scored
// once, with the first annotator's file in name order.
func readPolNeAR(dir string, rep *Report) []polnearDoc {
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	sort.Strings(anns)
	seen := map[string]bool{}
	var docs []polnearDoc
	for _, a := range anns {
		name := strings.TrimSuffix(filepath.Base(a), ".ann")
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			name = name[:i]
		}
		if seen[name] {
			rep.Counts["duplicate_annotations_skipped"]++
			continue
		}
		seen[name] = true
		text, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			rep.ReadErrors = append(rep.ReadErrors, fmt.Sprintf("%s: %v", a, err))
			continue
		}
		ann, err := os.ReadFile(a)
		if err != nil {
			rep.ReadErrors = append(rep.ReadErrors, fmt.Sprintf("%s: %v", a, err))
			continue
		}
		body, attrs, errs := readBrat(string(text), ann)
		for _, e := range errs {
			rep.ReadErrors = append(rep.ReadErrors, a+": "+e)
		}
		docs = append(docs, polnearDoc{id: name, text: body, attrs: attrs})
	}
	return docs
}

func runPolNeAR(ctx context.Context, opt Options, c Coder) (*Report, error) {
	rep := newReport("polnear", opt)
	docs := limit(readPolNeAR(opt.Gold, rep), opt)
	if len(docs) == 0 && len(rep.ReadErrors) == 0 {
		return nil, fmt.Errorf("eval polnear: no attributions/*.ann under %s", opt.Gold)
	}
	items := make([]item, len(docs))
	for i, d := range docs {
		items[i] = item{id: d.id, text: d.text}
	}
	res, err := codeAll(ctx, "polnear", opt, c, items)
	if err != nil {
		return nil, err
	}
	var t quoteTally
	for i, d := range docs {
		var pred []khaldun.Quote
		var mentions []khaldun.Span
		if doc := res[i].doc; doc != nil {
			pred = doc.Quotes
			mentions = make([]khaldun.Span, len(pred))
			for k, q := range pred {
				if q.SpeakerSpan != nil {
					mentions[k] = *q.SpeakerSpan
				}
			}
		}
		t.add(d, pred, mentions)
	}
	rep.N = len(docs)
	t.fill(rep)
	rep.Notes = []string{
		"one input per text; gold character offsets mapped to byte offsets of the normalised text",
		"direct = gold content opening with a quotation mark or ending with one (before trailing punctuation)",
		"content: a prediction is right when it overlaps any gold content (partial quotations inside indirect content count); recall over direct gold; _exact = same span once the gold's marks and edge spaces are trimmed",
		"source: the speaker is located at its mention when the coder reports mentions (count pred_speakers_by_mention), else as the nearest occurrence, outside the quotation, of its name or of a capitalised word of it; right when it overlaps the gold Source of a gold content the quotation overlaps (_exact: same span); P over quotations with a speaker, R over gold with a Source (direct, or all for source_*_all)",
		"source_*_direct_byname: as source_*_direct but always located by name, the rule for coders without mentions",
		"source_*_direct_resolved compares names, not spans: a gold Source that is a pronoun stands for the last gold Source before it with a capitalised word; right when the speaker and that source share a capitalised word of 3+ letters",
		"a text annotated twice is scored once (first .ann in name order); 0/0 = 0",
	}
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}

// hits counts one metric: predictions and how many were right, gold items
// and how many were found.
type hits struct{ pred, predHit, gold, goldHit int }

func (h hits) p() float64 { return ratio(h.predHit, h.pred) }
func (h hits) r() float64 { return ratio(h.goldHit, h.gold) }
func (h hits) f1() float64 {
	p, r := h.p(), h.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

type quoteTally struct {
	content, contentExact, source, sourceExact, sourceAll hits
	resolved, byName                                      hits
	noSpeaker, located, byMention                         int
}

// add scores the quotations of one text; mentions, when not nil, holds the
// speaker mention of each.
func (t *quoteTally) add(d polnearDoc, pred []khaldun.Quote, mentions []khaldun.Span) {
	type found struct{ content, exact, source, sourceExact, resolved, byName bool }
	gf := make([]found, len(d.attrs))
	names := resolvedSources(d)
	for qi, q := range pred {
		t.content.pred++
		t.contentExact.pred++
		loc, ok := khaldun.Span{}, false
		named, namedOK := khaldun.Span{}, false
		if q.Speaker != "" {
			named, namedOK = locateSpeaker(d.text, q.Speaker, q.Span)
			loc, ok = named, namedOK
			if qi < len(mentions) && mentions[qi].Len() > 0 {
				loc, ok = mentions[qi], true
				t.byMention++
			}
			t.source.pred++
			t.sourceExact.pred++
			t.sourceAll.pred++
			t.byName.pred++
			if ok {
				t.located++
			}
		} else {
			t.noSpeaker++
		}
		var hit, exact, src, srcExact, res, byName bool
		for i, g := range d.attrs {
			if !overlapsAny(q.Span, g.content) {
				continue
			}
			hit = true
			gf[i].content = true
			if spanIn(q.Span, trimmedSpans(d.text, g.content)) {
				exact, gf[i].exact = true, true
			}
			if q.Speaker != "" && sharesName(q.Speaker, names[i]) {
				res, gf[i].resolved = true, true
			}
			if namedOK && overlapsAny(named, g.source) {
				byName, gf[i].byName = true, true
			}
			if ok && overlapsAny(loc, g.source) {
				src, gf[i].source = true, true
				if spanIn(loc, g.source) {
					srcExact, gf[i].sourceExact = true, true
				}
			}
		}
		t.content.predHit += b2i(hit)
		t.contentExact.predHit += b2i(exact)
		t.source.predHit += b2i(src)
		t.sourceAll.predHit += b2i(src)
		t.sourceExact.predHit += b2i(srcExact)
		t.resolved.predHit += b2i(res)
		t.byName.predHit += b2i(byName)
		t.resolved.pred += b2i(q.Speaker != "")
	}
	for i, g := range d.attrs {
		f := gf[i]
		if len(g.source) > 0 {
			t.sourceAll.gold++
			t.sourceAll.goldHit += b2i(f.source)
		}
		if !g.direct {
			continue
		}
		t.content.gold++
		t.content.goldHit += b2i(f.content)
		t.contentExact.gold++
		t.contentExact.goldHit += b2i(f.exact)
		if len(g.source) > 0 {
			t.source.gold++
			t.source.goldHit += b2i(f.source)
			t.sourceExact.gold++
			t.sourceExact.goldHit += b2i(f.sourceExact)
			t.resolved.gold++
			t.resolved.goldHit += b2i(f.resolved)
			t.byName.gold++
			t.byName.goldHit += b2i(f.byName)
		}
	}
}

func (t *quoteTally) fill(r *Report) {
	for _, m := range []struct {
		name string
		h    hits
	}{
		{"content_%s_direct", t.content}, {"content_%s_direct_exact", t.contentExact},
		{"source_%s_direct", t.source}, {"source_%s_direct_exact", t.sourceExact},
		{"source_%s_all", t.sourceAll}, {"source_%s_direct_resolved", t.resolved},
		{"source_%s_direct_byname", t.byName},
	} {
		r.Metrics[fmt.Sprintf(m.name, "p")] = m.h.p()
		r.Metrics[fmt.Sprintf(m.name, "r")] = m.h.r()
		r.Metrics[fmt.Sprintf(m.name, "f1")] = m.h.f1()
	}
	r.Counts["pred_quotes"] = t.content.pred
	r.Counts["pred_quotes_without_speaker"] = t.noSpeaker
	r.Counts["pred_speakers_located"] = t.located
	r.Counts["pred_speakers_by_mention"] = t.byMention
	r.Counts["gold_direct"] = t.content.gold
	r.Counts["gold_direct_with_source"] = t.source.gold
	r.Counts["gold_with_source"] = t.sourceAll.gold
	r.Counts["direct_found"] = t.content.goldHit
	r.Counts["direct_source_right"] = t.source.goldHit
	r.Counts["all_source_right"] = t.sourceAll.goldHit
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func overlapsAny(s khaldun.Span, ss []khaldun.Span) bool {
	for _, o := range ss {
		if overlap(s, o) > 0 {
			return true
		}
	}
	return false
}

func spanIn(s khaldun.Span, ss []khaldun.Span) bool {
	for _, o := range ss {
		if s == o {
			return true
		}
	}
	return false
}

// trimmedSpans strips quotation marks, trailing punctuation outside them
// and spaces from the edges of gold content, which annotators include and
// a Quote leaves out.
func trimmedSpans(body string, ss []khaldun.Span) []khaldun.Span {
	out := make([]khaldun.Span, 0, len(ss))
	for _, s := range ss {
		a, b := s.Start, s.End
		for a < b {
			r, n := utf8.DecodeRuneInString(body[a:b])
			if !unicode.IsSpace(r) && !strings.ContainsRune("“\"‘", r) {
				break
			}
			a += n
		}
		for a < b {
			r, n := utf8.DecodeLastRuneInString(body[a:b])
			if !unicode.IsSpace(r) && !strings.ContainsRune("”\"’.,;:", r) {
				break
			}
			if strings.ContainsRune("”\"’", r) {
				b -= n
				break
			}
			b -= n
		}
		out = append(out, khaldun.Span{Start: a, End: b})
	}
	return out
}

// locateSpeaker finds the occurrence of the speaker's name, or of one of
// its capitalised words (a surname standing for the full name), nearest to
// the quotation and outside it. Ties go to the longer text.
func locateSpeaker(body, speaker string, q khaldun.Span) (khaldun.Span, bool) {
	needles := []string{speaker}
	for _, w := range strings.Fields(speaker) {
		r, _ := utf8.DecodeRuneInString(w)
		if w != speaker && unicode.IsUpper(r) && utf8.RuneCountInString(w) >= 3 && w != "The" {
			needles = append(needles, strings.TrimRight(w, ",.’'"))
		}
	}
	best, dist := khaldun.Span{}, -1
	for _, n := range needles {
		for from := 0; n != "" && from < len(body); {
			i := strings.Index(body[from:], n)
			if i < 0 {
				break
			}
			s := khaldun.Span{Start: from + i, End: from + i + len(n)}
			from = s.End
			if overlap(s, q) > 0 || !wordEdge(body, s) {
				continue
			}
			d := max(q.Start-s.End, s.Start-q.End, 0)
			if dist < 0 || d < dist {
				best, dist = s, d
			}
		}
	}
	return best, dist >= 0
}

func wordEdge(body string, s khaldun.Span) bool {
	before, _ := utf8.DecodeLastRuneInString(body[:s.Start])
	after, _ := utf8.DecodeRuneInString(body[s.End:])
	return !unicode.IsLetter(before) && !unicode.IsLetter(after)
}

// resolvedSources gives each gold attribution the text of its source, a
// pronoun replaced by the last named source before it: PolNeAR marks the
// mention, not the person, and a speaker resolved to a name is right about
// the person even where no span can show it.
func resolvedSources(d polnearDoc) []string {
	type src struct {
		at   int
		text string
	}
	var named []src
	for _, g := range d.attrs {
		if len(g.source) > 0 {
			t := d.text[g.source[0].Start:g.source[0].End]
			if len(capitalised(t)) > 0 && !pronoun(t) {
				named = append(named, src{g.source[0].Start, t})
			}
		}
	}
	sort.Slice(named, func(i, j int) bool { return named[i].at < named[j].at })
	out := make([]string, len(d.attrs))
	for i, g := range d.attrs {
		if len(g.source) == 0 {
			continue
		}
		out[i] = d.text[g.source[0].Start:g.source[0].End]
		if pronoun(out[i]) {
			out[i] = ""
			for _, n := range named {
				if n.at < g.source[0].Start {
					out[i] = n.text
				}
			}
		}
	}
	return out
}

func pronoun(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "she", "they", "it", "we", "i", "him", "her":
		return true
	}
	return false
}

// capitalised lists the words of s that start with a capital and have
// three letters or more, without possessive endings.
func capitalised(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ",.()"), "’s"), "'s")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && utf8.RuneCountInString(w) >= 3 && w != "The" {
			out = append(out, w)
		}
	}
	return out
}

func sharesName(a, b string) bool {
	for _, x := range capitalised(a) {
		for _, y := range capitalised(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}
