package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/gazetteer"
)

// The geo suite scores toponym recognition and resolution. Gold is an XML
// corpus in the LGL / TR-News / GeoVirus / GeoWebNews-XML shapes (articles
// with <text> and <toponyms><toponym> or <locations><location>), or a
// directory of GeoWebNews BRAT files (N.txt + N.ann). Each article is one
// input; predictions are the document's Places, matched to gold toponyms by
// overlapping span.
//
// Metrics: recog_p/r/f1 (overlap), recog_strict_f1 (same span); over the
// gold toponyms a prediction overlaps: acc161 (error ≤ 161 km), mean_km,
// median_km, country_acc; acc161_all counts unrecognised gold toponyms as
// wrong. When the coder also implements SpanResolver, gold_acc161,
// gold_country_acc, gold_mean_km and gold_median_km score resolution of the
// gold spans themselves, the convention of Gritta et al.
func init() { register("geo", runGeo) }

// SpanResolver resolves given spans of an input, for scoring resolution
// apart from recognition. A nil place means the span was not resolved.
type SpanResolver interface {
	ResolveSpans(ctx context.Context, in khaldun.Input, spans []khaldun.Span) ([]*khaldun.Place, error)
}

type goldToponym struct {
	span     khaldun.Span
	name     string
	scored   bool // false: a region where predictions are neither right nor wrong
	lat, lon float64
	country  string // ISO3, "" when unknown
}

type geoDoc struct {
	id, date, text string
	line           int
	toponyms       []goldToponym
}

// GeoWebNews types that are not toponyms with a place to find: common nouns
// ("the city"), non-toponyms, demonyms without coordinates, languages.
var geoUnscored = map[string]bool{"Literal_Expression": true, "Non_Lit_Expression": true, "Non_Toponym": true,
	"Demonym": true, "Homonym": true, "Language": true}

type xmlToponym struct {
	Phrase     string `xml:"phrase"`
	Name       string `xml:"name"`
	Extracted  string `xml:"extractedName"`
	Type       string `xml:"type"`
	Start      string `xml:"start"`
	End        string `xml:"end"`
	Lat        string `xml:"lat"`
	Lon        string `xml:"lon"`
	Latitude   string `xml:"latitude"`
	Longitude  string `xml:"longitude"`
	GeonamesID string `xml:"geonamesID"`
	Gaz        struct {
		ID      string `xml:"geonameid,attr"`
		Lat     string `xml:"lat"`
		Lon     string `xml:"lon"`
		Country string `xml:"country"`
	} `xml:"gaztag"`
}

type xmlArticle struct {
	DocID     string       `xml:"docid,attr"`
	File      string       `xml:"file,attr"`
	Date      string       `xml:"dltime"`
	Text      string       `xml:"text"`
	Toponyms  []xmlToponym `xml:"toponyms>toponym"`
	Locations []xmlToponym `xml:"locations>location"`
}

// readGeoXML reads the articles of an XML corpus; an article whose
// toponyms cannot be placed in its text is reported and skipped.
func readGeoXML(data []byte, g *gazetteer.Gazetteer) (docs []geoDoc, errs []string) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for n := 0; ; {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return docs, errs
		}
		if err != nil {
			line, _ := dec.InputPos()
			return docs, append(errs, fmt.Sprintf("line %d: %v", line, err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "article" {
			continue
		}
		line, _ := dec.InputPos()
		var a xmlArticle
		if err := dec.DecodeElement(&a, &se); err != nil {
			return docs, append(errs, fmt.Sprintf("line %d: %v", line, err))
		}
		n++
		d := geoDoc{id: firstOf(a.DocID, a.File, strconv.Itoa(n)), date: dctDate(strings.TrimSpace(a.Date)), text: a.Text, line: line}
		for _, t := range append(a.Toponyms, a.Locations...) {
			gt, err := t.gold(d.text, g)
			if err != nil {
				errs = append(errs, fmt.Sprintf("line %d: article %s: %v", line, d.id, err))
				continue
			}
			d.toponyms = append(d.toponyms, gt)
		}
		docs = append(docs, d)
	}
}

func (t xmlToponym) gold(text string, g *gazetteer.Gazetteer) (goldToponym, error) {
	name := strings.TrimSpace(firstOf(t.Phrase, t.Extracted, t.Name))
	start, err1 := strconv.Atoi(strings.TrimSpace(t.Start))
	end, err2 := strconv.Atoi(strings.TrimSpace(t.End))
	if err1 != nil || err2 != nil || start < 0 || end <= start {
		return goldToponym{}, fmt.Errorf("toponym %q: bad offsets %q-%q", name, t.Start, t.End)
	}
	span, ok := placeSpan(text, name, start, end)
	if !ok {
		return goldToponym{}, fmt.Errorf("toponym %q not at %d-%d", name, start, end)
	}
	gt := goldToponym{span: span, name: name}
	lat, lon := firstOf(t.Gaz.Lat, t.Lat, t.Latitude), firstOf(t.Gaz.Lon, t.Lon, t.Longitude)
	id, _ := strconv.Atoi(firstOf(t.Gaz.ID, t.GeonamesID))
	gt.lat, gt.lon, gt.scored = coords(lat, lon)
	gt.scored = gt.scored && !geoUnscored[t.Type]
	gt.country = goldCountry(g, strings.TrimSpace(t.Gaz.Country), id, gt)
	return gt, nil
}

// placeSpan turns gold offsets into byte offsets: the corpora count
// characters, but a corpus made with byte offsets is read too, and a name
// a few characters off (a stray space before it) is found nearby.
func placeSpan(text, name string, start, end int) (khaldun.Span, bool) {
	if start < 0 || end <= start {
		return khaldun.Span{}, false
	}
	bs, be := runeOffset(text, start), runeOffset(text, end)
	if bs >= 0 && be >= 0 && (name == "" || text[bs:be] == name) {
		return khaldun.Span{Start: bs, End: be}, true
	}
	if end <= len(text) && text[start:end] == name {
		return khaldun.Span{Start: start, End: end}, true
	}
	if name == "" || bs < 0 {
		return khaldun.Span{}, false
	}
	lo := max(bs-20, 0)
	hi := min(bs+20+len(name), len(text))
	if i := strings.Index(text[lo:hi], name); i >= 0 {
		return khaldun.Span{Start: lo + i, End: lo + i + len(name)}, true
	}
	return khaldun.Span{}, false
}

// runeOffset is the byte offset of the n-th character of s, -1 past its end.
func runeOffset(s string, n int) int {
	i := 0
	for b := range s {
		if i == n {
			return b
		}
		i++
	}
	if i == n {
		return len(s)
	}
	return -1
}

func coords(lat, lon string) (float64, float64, bool) {
	la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
	lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
	if err1 != nil || err2 != nil || math.Abs(la) > 90 || math.Abs(lo) > 180 {
		return 0, 0, false
	}
	return la, lo, true
}

// goldCountry is the gold toponym's country: the one the corpus names, else
// that of its GeoNames id, else that of the nearest gazetteer place.
func goldCountry(g *gazetteer.Gazetteer, name string, id int, t goldToponym) string {
	if g == nil {
		return ""
	}
	if name != "" {
		for _, m := range g.Lookup(name) {
			if m.Kind == gazetteer.Country {
				return m.Country
			}
		}
	}
	if e := g.ByID(id); id != 0 && e != nil {
		return e.Country
	}
	if !t.scored {
		return ""
	}
	// A continent's point lies in some country, which is not its country.
	for _, m := range g.Lookup(t.name) {
		if m.Kind == gazetteer.Continent {
			return ""
		}
	}
	if e := nearest(g, t.lat, t.lon); e != nil {
		return e.Country
	}
	return ""
}

// readGeoBRAT reads a GeoWebNews directory: N.txt is the article, N.ann
// its annotations, whose notes give coordinates ("lat, lon") or a GeoNames
// id, looked up in khaldun's gazetteer.
func readGeoBRAT(dir string, g *gazetteer.Gazetteer) (docs []geoDoc, errs []string, err error) {
	anns, err := filepath.Glob(filepath.Join(dir, "*.ann"))
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(anns)
	for _, ann := range anns {
		base := strings.TrimSuffix(ann, ".ann")
		text, err1 := os.ReadFile(base + ".txt")
		raw, err2 := os.ReadFile(ann)
		if err := errors.Join(err1, err2); err != nil {
			errs = append(errs, err.Error())
			continue
		}
		d := geoDoc{id: filepath.Base(base), text: string(text)}
		var bad []string
		d.toponyms, bad = readAnn(d.text, raw, g)
		for _, b := range bad {
			errs = append(errs, ann+":"+b)
		}
		docs = append(docs, d)
	}
	return docs, errs, nil
}

func readAnn(text string, raw []byte, g *gazetteer.Gazetteer) (tops []goldToponym, errs []string) {
	type tb struct {
		typ  string
		gt   goldToponym
		line int
	}
	byID := map[string]*tb{}
	var order []string
	notes := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case len(f) >= 3 && strings.HasPrefix(f[0], "T"):
			head := strings.Fields(strings.ReplaceAll(f[1], ";", " "))
			if len(head) < 3 {
				errs = append(errs, fmt.Sprintf("%d: bad text-bound annotation", line))
				continue
			}
			s, err1 := strconv.Atoi(head[1])
			e, err2 := strconv.Atoi(head[len(head)-1])
			span, ok := placeSpan(text, f[2], s, e)
			if err1 != nil || err2 != nil || s < 0 || e <= s || !ok {
				errs = append(errs, fmt.Sprintf("%d: %q not at %s", line, f[2], f[1]))
				continue
			}
			byID[f[0]] = &tb{typ: head[0], gt: goldToponym{span: span, name: f[2]}, line: line}
			order = append(order, f[0])
		case len(f) >= 3 && strings.HasPrefix(f[0], "#"):
			if h := strings.Fields(f[1]); len(h) == 2 && h[0] == "AnnotatorNotes" {
				notes[h[1]] = strings.TrimSpace(f[2])
			}
		}
	}
	for _, id := range order {
		t := byID[id]
		note, id := notes[id], 0
		if la, lo, ok := strings.Cut(note, ","); ok {
			t.gt.lat, t.gt.lon, t.gt.scored = coords(la, lo)
		} else if n, err := strconv.Atoi(note); err == nil && g != nil {
			id = n
			if e := g.ByID(n); e != nil {
				t.gt.lat, t.gt.lon, t.gt.scored = e.Lat, e.Lon, true
			}
		}
		t.gt.scored = t.gt.scored && !geoUnscored[t.typ]
		t.gt.country = goldCountry(g, "", id, t.gt)
		tops = append(tops, t.gt)
	}
	sort.SliceStable(tops, func(i, j int) bool { return tops[i].span.Start < tops[j].span.Start })
	return tops, errs
}

// nearest is the gazetteer place closest to a point, for the country of a
// gold toponym given only by coordinates. A linear scan: the suite calls it
// a few thousand times.
func nearest(g *gazetteer.Gazetteer, lat, lon float64) *gazetteer.Entry {
	var best *gazetteer.Entry
	bd := math.Inf(1)
	for i := range g.Entries {
		e := &g.Entries[i]
		if math.Abs(e.Lat-lat) > 3 || e.Kind != gazetteer.City {
			continue
		}
		if d := km(lat, lon, e.Lat, e.Lon); d < bd {
			best, bd = e, d
		}
	}
	return best
}

// km is the great-circle distance.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

func firstOf(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// geoTally accumulates one way of resolving gold toponyms.
type geoTally struct {
	errsKM                  []float64
	within, country, withCC int
}

func (t *geoTally) add(g goldToponym, p *khaldun.Place) {
	d := km(g.lat, g.lon, p.Lat, p.Lon)
	t.errsKM = append(t.errsKM, d)
	if d <= 161 {
		t.within++
	}
	if g.country != "" {
		t.withCC++
		if p.Country == g.country {
			t.country++
		}
	}
}

func (t *geoTally) fill(r *Report, prefix string) {
	n := len(t.errsKM)
	r.Metrics[prefix+"acc161"] = ratio(t.within, n)
	r.Metrics[prefix+"country_acc"] = ratio(t.country, t.withCC)
	mean, median := 0.0, 0.0
	if n > 0 {
		sort.Float64s(t.errsKM)
		for _, d := range t.errsKM {
			mean += d
		}
		mean /= float64(n)
		median = t.errsKM[n/2]
		if n%2 == 0 {
			median = (t.errsKM[n/2-1] + t.errsKM[n/2]) / 2
		}
	}
	r.Metrics[prefix+"mean_km"], r.Metrics[prefix+"median_km"] = mean, median
	r.Counts[prefix+"resolved"], r.Counts[prefix+"within_161km"] = n, t.within
}

// scoreGeo matches one document's predictions to its gold toponyms.
func scoreGeo(d geoDoc, pred []khaldun.Place, rec, strict *prf, res *geoTally, gold *int) {
	for _, p := range pred {
		hitScored, hitAny, exact := false, false, false
		for _, g := range d.toponyms {
			if overlap(p.Span, g.span) > 0 {
				hitAny = true
				hitScored = hitScored || g.scored
				exact = exact || (g.scored && g.span == p.Span)
			}
		}
		// A prediction on an unscored annotation ("the city") is neither
		// right nor wrong.
		if hitScored || !hitAny {
			rec.pred++
			strict.pred++
		}
		if hitScored {
			rec.match++
		}
		if exact {
			strict.match++
		}
	}
	for _, g := range d.toponyms {
		if !g.scored {
			continue
		}
		*gold++
		best, most := -1, 0
		for i, p := range pred {
			if o := overlap(p.Span, g.span); o > most {
				best, most = i, o
			}
		}
		if best >= 0 {
			res.add(g, &pred[best])
		}
	}
}

func runGeo(ctx context.Context, opt Options, c Coder) (*Report, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("eval geo: %w", err)
	}
	rep := newReport("geo", opt)
	var docs []geoDoc
	if st, err := os.Stat(opt.Gold); err != nil {
		return nil, fmt.Errorf("eval geo: %w", err)
	} else if st.IsDir() {
		docs, rep.ReadErrors, err = readGeoBRAT(opt.Gold, g)
		if err != nil {
			return nil, fmt.Errorf("eval geo: %w", err)
		}
	} else {
		raw, err := os.ReadFile(opt.Gold)
		if err != nil {
			return nil, fmt.Errorf("eval geo: %w", err)
		}
		docs, rep.ReadErrors = readGeoXML(raw, g)
	}
	docs = limit(docs, opt)
	items := make([]item, len(docs))
	for i, d := range docs {
		items[i] = item{id: d.id, date: d.date, text: d.text, line: d.line}
	}
	res, err := codeAll(ctx, "geo", opt, c, items)
	if err != nil {
		return nil, err
	}
	var rec, strict prf
	var found geoTally
	gold := 0
	for i, d := range docs {
		var pred []khaldun.Place
		if res[i].doc != nil {
			pred = res[i].doc.Places
		}
		scoreGeo(d, pred, &rec, &strict, &found, &gold)
	}
	strict.gold = gold
	rep.N = len(docs)
	p, r := rec.p(), ratio(len(found.errsKM), gold)
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	rep.Metrics["recog_p"], rep.Metrics["recog_r"], rep.Metrics["recog_f1"] = p, r, f1
	rep.Metrics["recog_strict_f1"] = strict.f1()
	found.fill(rep, "")
	rep.Metrics["acc161_all"] = ratio(found.within, gold)
	rep.Counts["gold_toponyms"], rep.Counts["predicted_places"] = gold, rec.pred
	if sr, ok := c.(SpanResolver); ok {
		if err := goldSpans(ctx, sr, docs, rep); err != nil {
			return nil, err
		}
	}
	rep.Notes = []string{
		"gold toponyms are those with coordinates; GeoWebNews common nouns, non-toponyms, demonyms without coordinates, homonyms and languages are not scored, and a prediction overlapping only them is neither right nor wrong",
		"recognition by span overlap (recog_*) and identical span (recog_strict_f1); recog_r counts each gold toponym once",
		"acc161, mean_km, median_km, country_acc are over the gold toponyms a prediction overlaps (the most-overlapping prediction); acc161_all counts the others as wrong",
		"gold country: the corpus's, else the GeoNames id's in khaldun's gazetteer, else the country of the nearest gazetteer town",
		"gold_* metrics resolve the gold spans themselves (only when the coder is a SpanResolver)",
	}
	rep.CoderErrors = coderErrors(items, res)
	return rep, nil
}

// goldSpans scores resolution on the gold spans, apart from recognition.
func goldSpans(ctx context.Context, sr SpanResolver, docs []geoDoc, rep *Report) error {
	var t geoTally
	unresolved := 0
	for _, d := range docs {
		var spans []khaldun.Span
		var golds []goldToponym
		for _, g := range d.toponyms {
			if g.scored {
				spans, golds = append(spans, g.span), append(golds, g)
			}
		}
		in := khaldun.Input{Meta: khaldun.Article{ID: d.id, Published: d.date}, Body: []byte(d.text)}
		places, err := sr.ResolveSpans(ctx, in, spans)
		if ctx.Err() != nil {
			return fmt.Errorf("eval geo: %w", ctx.Err())
		}
		for i, g := range golds {
			if err != nil || i >= len(places) || places[i] == nil {
				unresolved++
				continue
			}
			t.add(g, places[i])
		}
	}
	rep.Counts["gold_unresolved"] = unresolved
	t.fill(rep, "gold_")
	// Over every gold span: one the resolver leaves open is wrong.
	rep.Metrics["gold_acc161"] = ratio(t.within, len(t.errsKM)+unresolved)
	return nil
}
