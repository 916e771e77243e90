package entities

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/khaldun/khaldun/perceptron"
)

// Model file format, gzip-compressed:
//
//	"khaldun-ner\n" version(uvarint) ntags(uvarint)
//	weights: n, then n × (key delta, m, m × (tag byte, zigzag weight))
//	"end\n"
//
// Keys are feature hashes in increasing order, stored as deltas; integers
// are varints. The tag count guards against a file made for another tag
// set; the trailer catches truncation that still ends on a gzip member
// boundary. The gazetteer is not in the file: it is khaldun's lexicon,
// read at load time.
const (
	fileMagic   = "khaldun-ner\n"
	fileTrailer = "end\n"
	fileVersion = 1
	// maxKeys bounds the key count read from a file so that a corrupt
	// file cannot make Load allocate gigabytes.
	maxKeys = 1 << 23
)

// Save writes the model in the format read by Load.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("entities: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf []byte
	put := func(v uint64) { buf = binary.AppendUvarint(buf, v) }
	buf = append(buf, fileMagic...)
	put(fileVersion)
	put(nTags)
	put(uint64(len(m.keys)))
	prev := uint64(0)
	for i, k := range m.keys {
		put(k - prev)
		prev = k
		ws := m.weights[m.offs[i]:m.offs[i+1]]
		put(uint64(len(ws)))
		for _, w := range ws {
			buf = append(buf, byte(w>>16))
			buf = binary.AppendVarint(buf, int64(int16(w)))
		}
		if len(buf) > 1<<16 {
			if _, err := bw.Write(buf); err != nil {
				return fmt.Errorf("entities: save: %w", err)
			}
			buf = buf[:0]
		}
	}
	buf = append(buf, fileTrailer...)
	if _, err := bw.Write(buf); err != nil {
		return fmt.Errorf("entities: save: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("entities: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("entities: save: %w", err)
	}
	return nil
}

var errBadMagic = errors.New("not a khaldun entity model")

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("entities: load: not a gzip'd model: %w", err)
	}
	br := bufio.NewReader(zr)
	m, err := readModel(br)
	if err != nil {
		return nil, fmt.Errorf("entities: load: %w", err)
	}
	// Read to the end so that gzip verifies its checksum.
	if n, err := io.Copy(io.Discard, br); err != nil {
		return nil, fmt.Errorf("entities: load: %w", err)
	} else if n > 0 {
		return nil, fmt.Errorf("entities: load: %d bytes of garbage after the model", n)
	}
	return m, nil
}

func readModel(r *bufio.Reader) (*Model, error) {
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != fileMagic {
		return nil, errBadMagic
	}
	v, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if v != fileVersion {
		return nil, fmt.Errorf("version %d, this khaldun reads %d", v, fileVersion)
	}
	if n, err := binary.ReadUvarint(r); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	} else if n != nTags {
		return nil, fmt.Errorf("model has %d tags, this khaldun has %d", n, nTags)
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	if n > maxKeys {
		return nil, fmt.Errorf("weights: %d features, at most %d", n, maxKeys)
	}
	m := &Model{keys: make([]uint64, 0, n), offs: make([]uint32, 1, n+1)}
	var k uint64
	for i := range n {
		delta, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("weights: feature %d: %w", i, err)
		}
		if delta == 0 && i > 0 || k+delta < k {
			return nil, fmt.Errorf("weights: feature %d: keys not increasing", i)
		}
		k += delta
		cnt, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("weights: feature %d: %w", i, err)
		}
		if cnt == 0 || cnt > nTags {
			return nil, fmt.Errorf("weights: feature %d: %d weights, want 1 to %d", i, cnt, nTags)
		}
		if len(m.weights)+int(cnt) >= perceptron.MaxWeights {
			return nil, fmt.Errorf("weights: more than %d", perceptron.MaxWeights-1)
		}
		last := -1
		for range cnt {
			tag, err := r.ReadByte()
			if err != nil {
				return nil, fmt.Errorf("weights: feature %d: %w", i, err)
			}
			if int(tag) >= nTags || int(tag) <= last {
				return nil, fmt.Errorf("weights: feature %d: tag %d out of range or order", i, tag)
			}
			last = int(tag)
			w, err := binary.ReadVarint(r)
			if err != nil {
				return nil, fmt.Errorf("weights: feature %d: %w", i, err)
			}
			if w < -1<<15 || w >= 1<<15 {
				return nil, fmt.Errorf("weights: feature %d: weight %d out of int16 range", i, w)
			}
			m.weights = append(m.weights, perceptron.PackWeight(tag, int16(w)))
		}
		m.keys = append(m.keys, k)
		m.offs = append(m.offs, uint32(len(m.weights)))
	}
	end := make([]byte, len(fileTrailer))
	if _, err := io.ReadFull(r, end); err != nil || string(end) != fileTrailer {
		return nil, errors.New("missing end marker (truncated file?)")
	}
	m.buildTable()
	return m, nil
}
