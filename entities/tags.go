package entities

// Types are the entity types khaldun writes, in the order of their tag
// indices. CoNLL calls PERSON "PER"; khaldun.Entity uses the long name.
var Types = []string{"PERSON", "ORG", "LOC", "MISC"}

// typeIndex maps both the khaldun and the CoNLL spelling of a type to its
// index in Types.
func typeIndex(s string) (int, bool) {
	switch s {
	case "PERSON", "PER":
		return 0, true
	case "ORG":
		return 1, true
	case "LOC":
		return 2, true
	case "MISC":
		return 3, true
	}
	return 0, false
}

// Tags are BILOU: tag 0 is O, and type k has Begin, Inside, Last and Unit
// at 1+4k … 4+4k. BILOU beats BIO for greedy decoding (Ratinov and Roth
// 2009) because the tagger must decide where a name ends while it is still
// looking at the name's last word, when the evidence is there.
const (
	tagO    = 0
	nTags   = 1 + 4*4
	posB    = 0
	posI    = 1
	posL    = 2
	posU    = 3
	noMatch = -1
)

func tagOf(typ, pos int) uint8 { return uint8(1 + 4*typ + pos) }

// split returns the type and BILOU position of a tag other than O.
func split(t uint8) (typ, pos int) { return int(t-1) / 4, int(t-1) % 4 }

// tagName is for logs and tests.
func tagName(t uint8) string {
	if t == tagO {
		return "O"
	}
	typ, pos := split(t)
	return string("BILU"[pos]) + "-" + Types[typ]
}

// allowed reports whether tag t may follow prev (tagO at the start), with
// last saying whether t is the sentence's last tag: an open name must
// continue with its own type, and nothing may be left open at the end.
func allowed(prev, t uint8, last bool) bool {
	open := false
	var openTyp int
	if prev != tagO {
		typ, pos := split(prev)
		open = pos == posB || pos == posI
		openTyp = typ
	}
	if t == tagO {
		return !open
	}
	typ, pos := split(t)
	if open {
		return typ == openTyp && (pos == posL || pos == posI && !last)
	}
	return pos == posU || pos == posB && !last
}

// span is a typed, half-open range of token indices.
type span struct {
	typ        int
	start, end int
}

// encode writes the BILOU tags of spans over n tokens. Spans must not
// overlap; a later overlapping span is ignored.
func encode(spans []span, n int) []uint8 {
	tags := make([]uint8, n)
	for _, s := range spans {
		if s.start < 0 || s.end > n || s.start >= s.end {
			continue
		}
		free := true
		for i := s.start; i < s.end; i++ {
			free = free && tags[i] == tagO
		}
		if !free {
			continue
		}
		if s.end-s.start == 1 {
			tags[s.start] = tagOf(s.typ, posU)
			continue
		}
		tags[s.start] = tagOf(s.typ, posB)
		for i := s.start + 1; i < s.end-1; i++ {
			tags[i] = tagOf(s.typ, posI)
		}
		tags[s.end-1] = tagOf(s.typ, posL)
	}
	return tags
}

// decode reads spans from tags. It is lenient, since tags from a model
// without constraints may be inconsistent: a name runs from a B or U to the
// first L, U or change of type.
func decode(dst []span, tags []uint8) []span {
	cur := noMatch
	start := 0
	closeAt := func(i int) {
		if cur != noMatch {
			dst = append(dst, span{cur, start, i})
			cur = noMatch
		}
	}
	for i, t := range tags {
		if t == tagO {
			closeAt(i)
			continue
		}
		typ, pos := split(t)
		if pos == posB || pos == posU || typ != cur {
			closeAt(i)
			cur, start = typ, i
		}
		if pos == posL || pos == posU {
			closeAt(i + 1)
		}
	}
	closeAt(len(tags))
	return dst
}
