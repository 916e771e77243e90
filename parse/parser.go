package parse

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/perceptron"
)

// Arc is the parse of one token: the index of its head within the
// sentence, -1 for the root of the sentence, and its UD relation.
type Arc struct {
	Head int
	Rel  string
}

// Parser assigns dependency trees to tagged sentences. It is safe for
// concurrent use.
type Parser struct {
	m    *Model
	pool sync.Pool // *scratch
}

// scratch is per-call working memory, pooled so that parsing allocates
// nothing but the result.
type scratch struct {
	st           state
	words, tags  []uint64
	feats, found []uint64
	scores       []int32
}

// NewParser returns a Parser using m.
func NewParser(m *Model) *Parser {
	p := &Parser{m: m}
	p.pool.New = func() any {
		return &scratch{
			feats:  make([]uint64, 0, maxFeatures),
			found:  make([]uint64, maxFeatures),
			scores: make([]int32, m.nClasses()),
		}
	}
	return p
}

// Model returns the model the parser uses.
func (p *Parser) Model() *Model { return p.m }

//go:embed model/en.bin.gz
var defaultModel []byte

var (
	defaultOnce   sync.Once
	defaultParser *Parser
	defaultErr    error
)

// Default returns the parser trained on the UD English Web Treebank that
// ships with khaldun. The model is decoded on first use only.
func Default() (*Parser, error) {
	defaultOnce.Do(func() {
		m, err := Load(bytes.NewReader(defaultModel))
		if err != nil {
			defaultErr = fmt.Errorf("parse: embedded model: %w", err)
			return
		}
		defaultParser = NewParser(m)
	})
	return defaultParser, defaultErr
}

// Parse returns one arc per token. toks must be one sentence tagged by
// khaldun's POS tagger (pos.Default), the tags the model was trained on.
func (p *Parser) Parse(toks []khaldun.Token) []Arc {
	return p.AppendParse(nil, toks)
}

// AppendParse appends the arcs of toks to dst, for callers that reuse one
// slice across sentences and so allocate nothing.
func (p *Parser) AppendParse(dst []Arc, toks []khaldun.Token) []Arc {
	if len(toks) == 0 {
		return dst
	}
	if len(p.m.labels) == 0 { // a zero Model knows no relations
		for range toks {
			dst = append(dst, Arc{Head: -1})
		}
		return dst
	}
	s := p.pool.Get().(*scratch)
	defer p.pool.Put(s)
	n := len(toks)
	s.words, s.tags = s.words[:0], s.tags[:0]
	for _, t := range toks {
		s.words = append(s.words, wordHash(t.Text))
		s.tags = append(s.tags, perceptron.HashString(t.POS))
	}
	s.words, s.tags = append(s.words, hRoot), append(s.tags, hRoot)
	p.run(s, n)
	for i := range n {
		h := int(s.st.head[i])
		if h == n {
			h = -1
		}
		dst = append(dst, Arc{Head: h, Rel: p.m.labels[s.st.rel[i]]})
	}
	return dst
}

// run parses the n words whose hashes are in s and leaves the tree in s.st.
func (p *Parser) run(s *scratch, n int) {
	st := &s.st
	st.reset(n)
	for !st.done() {
		s.feats = extract(s.feats[:0], st, s.words, s.tags)
		p.m.score(s.feats, s.found, s.scores)
		move, label := classMove(best(st, s.scores))
		st.apply(move, label)
	}
	st.finish(p.m.dep)
}
