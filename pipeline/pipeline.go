// Package pipeline runs the stages that turn one khaldun.Input into one
// khaldun.Document: normalisation, boilerplate removal, segmentation,
// tokenisation and tagging (the text layer), then the annotators that find
// events, entities, places, dates, quotes and counts.
//
// A Pipeline is safe for concurrent use; Run spreads a stream of inputs over
// several goroutines and hands results back in input order.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/boiler"
	"github.com/khaldun/khaldun/lang"
	"github.com/khaldun/khaldun/norm"
	"github.com/khaldun/khaldun/pos"
	"github.com/khaldun/khaldun/segment"
	"github.com/khaldun/khaldun/token"
)

// Options configure a Pipeline.
type Options struct {
	// Annotators run in order after the text layer.
	Annotators []khaldun.Annotator
	// WithText includes the analysed body and each sentence's text in the
	// document.
	WithText bool
	// KeepBoilerplate skips boilerplate removal, for clean inputs such as
	// evaluation sentences where a dropped line would be a lost item.
	KeepBoilerplate bool
	// AnyLanguage codes every input as English, for sets known to be
	// English whose short items a detector may misjudge.
	AnyLanguage bool
	// Timing, when set, is called after each stage of each input with the
	// stage's name (norm, boiler, lang, segment, token, pos, then each
	// annotator's package name) and the time it took; khaldun bench uses
	// it. It is called from the goroutine that processes the input.
	Timing func(stage string, took time.Duration)
}

// Pipeline holds the loaded models; build it once and reuse it.
type Pipeline struct {
	opts   Options
	tagger *pos.Tagger
	names  []string // the annotators' stage names, for Timing
}

// Stages lists the stage names Timing reports, in order.
func (p *Pipeline) Stages() []string {
	return append([]string{"norm", "boiler", "lang", "segment", "token", "pos"}, p.names...)
}

// stageName is an annotator's package name ("coder" for *coder.Coder),
// which is how people name the stages.
func stageName(a khaldun.Annotator) string {
	t := reflect.TypeOf(a)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	path := t.PkgPath()
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	if path == "" {
		return t.String()
	}
	return path
}

// stopwatch reports the time since its last lap to Options.Timing; it
// does nothing, not even read the clock, when Timing is nil.
type stopwatch struct {
	f    func(string, time.Duration)
	last time.Time
}

func (s *stopwatch) lap(stage string) {
	if s.f == nil {
		return
	}
	now := time.Now()
	s.f(stage, now.Sub(s.last))
	s.last = now
}

// ErrNoText is returned for an input with nothing left to analyse.
var ErrNoText = errors.New("no text to analyse")

// New loads the text-layer models.
func New(opts Options) (*Pipeline, error) {
	tagger, err := pos.Default()
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	names := make([]string, len(opts.Annotators))
	for i, a := range opts.Annotators {
		names[i] = stageName(a)
	}
	return &Pipeline{opts: opts, tagger: tagger, names: names}, nil
}

// Process analyses one input. A panic in any stage — a bug, since no stage
// may panic on input — becomes this input's error, so one article cannot
// take down a batch or an ingest with unsaved work.
func (p *Pipeline) Process(ctx context.Context, in khaldun.Input) (doc *khaldun.Document, err error) {
	return p.ProcessUnless(ctx, in, nil)
}

// ProcessUnless is Process that first asks known, when not nil, about the
// article's ID and returns ErrKnown without analysing it when known says
// so. The ID is only known after normalisation and boilerplate removal;
// asking here spares a caller such as ingest doing those twice.
func (p *Pipeline) ProcessUnless(ctx context.Context, in khaldun.Input, known func(id string) bool) (doc *khaldun.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%w: %v", ErrPanic, r)
		}
	}()
	return p.process(ctx, in, known)
}

// ErrKnown is returned by ProcessUnless for an article its caller already
// has.
var ErrKnown = errors.New("article already known")

// ErrPanic marks an input that made a stage panic.
var ErrPanic = errors.New("internal error while analysing (please report it with the input)")

func (p *Pipeline) process(ctx context.Context, in khaldun.Input, known func(string) bool) (*khaldun.Document, error) {
	start := time.Now()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sw := stopwatch{f: p.opts.Timing, last: start}
	n := norm.Normalize(in.Body)
	sw.lap("norm")
	body, dropped := n.Text, []khaldun.Dropped{}
	if !p.opts.KeepBoilerplate {
		body, dropped = boiler.Strip(body)
		if in.BodyLine > 1 {
			for i := range dropped {
				dropped[i].Line += in.BodyLine - 1
			}
		}
		sw.lap("boiler")
	}
	if strings.TrimSpace(body) == "" {
		return nil, ErrNoText
	}
	id := ID(body)
	if known != nil && known(id) {
		return nil, ErrKnown
	}
	art := in.Meta
	// The input's own id (a corpus id) is kept beside the content hash,
	// which is what identifies the article from now on.
	if art.InputID == "" {
		art.InputID = art.ID
	}
	art.ID = id
	art.Dropped = dropped
	art.Language = language(art.Language, body)
	sw.lap("lang")
	if p.opts.WithText {
		art.Text = body
	}
	if art.Language != "en" && !p.opts.AnyLanguage {
		// khaldun's tagger, models and dictionaries are English; coding
		// other text would produce confident nonsense. The article is
		// still written, so a run accounts for every input.
		art.Skipped = "language " + art.Language
		doc := khaldun.NewDocument(art)
		doc.Article.Stats.InvalidUTF8 = n.Invalid
		doc.Article.Stats.Milliseconds = float64(time.Since(start).Microseconds()) / 1000
		return doc, nil
	}
	text := p.prepare(body, art.Published, &sw)
	doc := khaldun.NewDocument(art)
	for _, s := range text.Sentences {
		ref := khaldun.SentRef{Span: s.Span, Paragraph: s.Paragraph}
		if p.opts.WithText {
			ref.Text = body[s.Span.Start:s.Span.End]
		}
		doc.Sentences = append(doc.Sentences, ref)
		doc.Article.Stats.Tokens += len(s.Tokens)
	}
	for i, a := range p.opts.Annotators {
		if err := a.Annotate(ctx, text, doc); err != nil {
			return nil, err
		}
		sw.lap(p.names[i])
	}
	doc.Article.Stats.Sentences = len(text.Sentences)
	doc.Article.Stats.InvalidUTF8 = n.Invalid
	doc.Article.Stats.Milliseconds = float64(time.Since(start).Microseconds()) / 1000
	return doc, nil
}

// Prepare runs the text layer on an already normalised body: sentences,
// tokens, tags and lemmas.
func (p *Pipeline) Prepare(body, published string) *khaldun.Text {
	return p.prepare(body, published, &stopwatch{})
}

func (p *Pipeline) prepare(body, published string, sw *stopwatch) *khaldun.Text {
	sents := segment.Sentences(body)
	sw.lap("segment")
	// One backing array for all tokens of the article keeps allocation
	// proportional to articles, not sentences. News English runs at about
	// 5.4 bytes a token and no AllSides article below 4.5, so this
	// capacity is rarely outgrown; growing from nothing allocated several
	// times the final array (large slices grow by a quarter).
	all := make([]khaldun.Token, 0, len(body)*2/9+16)
	ends := make([]int, len(sents))
	for i, s := range sents {
		all = token.AppendTokens(all, body, s.Span)
		ends[i] = len(all)
	}
	sw.lap("token")
	begin := 0
	for i := range sents {
		sents[i].Tokens = all[begin:ends[i]:ends[i]]
		p.tagger.Tag(sents[i].Tokens)
		begin = ends[i]
	}
	sw.lap("pos")
	return &khaldun.Text{Body: body, Sentences: sents, Published: published}
}

// language decides an article's language: the detector's answer when it is
// sure, else what the input declared, else English, the language khaldun
// codes (short texts give the detector too little to go on).
func language(declared, body string) string {
	if code, conf := lang.Detect(body); conf >= lang.Sure {
		return code
	}
	if len(declared) >= 2 {
		return strings.ToLower(declared[:2])
	}
	return "en"
}

// ID is the stable identifier of an analysed body: the same text gives the
// same ID whatever file, feed or archive it came from.
func ID(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:8])
}
