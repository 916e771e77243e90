package storedoc

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/khaldun/khaldun"
)

// The sentences column holds one JSON array per sentence:
// [start, end, paragraph, tone]. An array rather than an object keeps the
// column small, and the paragraph stays at index 2, where SQL reads it
// (sqlite's export asks json_extract for $[i][2]). Rows written before
// sentences kept their tone hold three elements and read back with tone
// 0, which is what those documents had when they were read back.
//
// The column is written and read without a JSON method per sentence,
// which made encoding and decoding a 200-sentence article 3.5 times
// slower (BenchmarkEncodeDecode). Rows decode as [][]float64 so that a
// row of the wrong length is refused rather than cut or padded.

// encodeSentences gives the sentences column of d.
func encodeSentences(sents []khaldun.SentRef) string {
	b := make([]byte, 0, 2+len(sents)*24)
	b = append(b, '[')
	for i, s := range sents {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(s.Span.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.Span.End), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.Paragraph), 10)
		b = append(b, ',')
		tone := s.Tone
		if math.IsNaN(tone) || math.IsInf(tone, 0) {
			// JSON has no such number; one bad tone must not cost the
			// row its sentences.
			tone = 0
		}
		// The shortest form that parses back to the same float64.
		b = strconv.AppendFloat(b, tone, 'g', -1, 64)
		b = append(b, ']')
	}
	b = append(b, ']')
	return string(b)
}

// decodeSentences reads a sentences column back into sentences without
// their text.
func decodeSentences(column string) ([]khaldun.SentRef, error) {
	var rows [][]float64
	if err := json.Unmarshal([]byte(column), &rows); err != nil {
		return nil, fmt.Errorf("sentences: %w", err)
	}
	sents := make([]khaldun.SentRef, len(rows))
	for i, r := range rows {
		if len(r) != 3 && len(r) != 4 {
			return nil, fmt.Errorf("sentence %d: %d elements, want [start, end, paragraph, tone]", i, len(r))
		}
		var n [3]int
		for k := range n {
			if r[k] != math.Trunc(r[k]) || math.Abs(r[k]) > 1<<53 {
				return nil, fmt.Errorf("sentence %d: element %d is %v, not an integer", i, k, r[k])
			}
			n[k] = int(r[k])
		}
		sents[i] = khaldun.SentRef{Span: khaldun.Span{Start: n[0], End: n[1]}, Paragraph: n[2]}
		if len(r) == 4 {
			sents[i].Tone = r[3]
		}
	}
	return sents, nil
}
