package pos

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/khaldun/khaldun/perceptron"
)

// Model file format, gzip-compressed:
//
//	"khaldun-pos\n" version(uvarint)
//	tags:       n, then n × (len, bytes)
//	weights:    n, then n × (key delta, m, m × (tag byte, zigzag weight))
//	tag dict:   n, then n × (key delta, tag byte)
//	amb:        n, then n × (key delta, tag bit set)
//	exceptions: n, then n × (key delta, len, lemma bytes)
//	vocabulary: n, then n × key delta
//	"end\n"
//
// Keys are feature hashes in increasing order, stored as deltas. All
// integers are varints. The trailer catches truncation that still happens
// to end on a gzip member boundary.
const (
	fileMagic   = "khaldun-pos\n"
	fileTrailer = "end\n"
	fileVersion = 1
	// maxCount bounds every count read from a file so that a corrupt file
	// cannot make Load allocate gigabytes.
	maxCount = 1 << 24
)

// Save writes the model in the format read by Load.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("pos: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := encoder{w: bw}
	e.bytes([]byte(fileMagic))
	e.uvarint(fileVersion)

	e.uvarint(uint64(len(m.tags)))
	for _, t := range m.tags {
		e.str(t)
	}

	e.uvarint(uint64(len(m.keys)))
	prev := uint64(0)
	for i, k := range m.keys {
		e.uvarint(k - prev)
		prev = k
		ws := m.weights[m.offs[i]:m.offs[i+1]]
		e.uvarint(uint64(len(ws)))
		for _, w := range ws {
			e.byte(byte(w >> 16))
			e.varint(int64(int16(w)))
		}
	}

	keys := sortedKeys(m.tagDict)
	e.uvarint(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		e.uvarint(k - prev)
		prev = k
		e.byte(m.tagDict[k])
	}

	keys = sortedKeys(m.amb)
	e.uvarint(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		e.uvarint(k - prev)
		prev = k
		e.uvarint(m.amb[k])
	}

	keys = sortedKeys(m.lem.exceptions)
	e.uvarint(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		e.uvarint(k - prev)
		prev = k
		e.str(m.lem.exceptions[k])
	}

	keys = sortedKeys(m.lem.vocab)
	e.uvarint(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		e.uvarint(k - prev)
		prev = k
	}
	e.bytes([]byte(fileTrailer))

	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("pos: save: %w", e.err)
	}
	return nil
}

func sortedKeys[V any](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *encoder) byte(b byte) {
	if e.err == nil {
		e.err = e.w.WriteByte(b)
	}
}
func (e *encoder) uvarint(v uint64) { e.bytes(binary.AppendUvarint(e.buf[:0], v)) }
func (e *encoder) varint(v int64)   { e.bytes(binary.AppendVarint(e.buf[:0], v)) }
func (e *encoder) str(s string)     { e.uvarint(uint64(len(s))); e.bytes([]byte(s)) }

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("pos: load: not a gzip'd model: %w", err)
	}
	d := decoder{r: bufio.NewReader(zr)}
	m, err := d.model()
	if err != nil {
		return nil, fmt.Errorf("pos: load: %s: %w", d.section, err)
	}
	// Read to the end so that gzip verifies its checksum.
	if n, err := io.Copy(io.Discard, d.r); err != nil {
		return nil, fmt.Errorf("pos: load: %w", err)
	} else if n > 0 {
		return nil, fmt.Errorf("pos: load: %d bytes of garbage after the model", n)
	}
	return m, nil
}

type decoder struct {
	r       *bufio.Reader
	section string // for error messages
}

var errBadMagic = errors.New("not a khaldun POS model")

func (d *decoder) model() (*Model, error) {
	d.section = "header"
	magic := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(d.r, magic); err != nil || string(magic) != fileMagic {
		return nil, errBadMagic
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		return nil, err
	}
	if v != fileVersion {
		return nil, fmt.Errorf("version %d, this khaldun reads %d", v, fileVersion)
	}

	m := &Model{}
	d.section = "tags"
	n, err := d.count(255)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errors.New("no tags")
	}
	for range n {
		t, err := d.str()
		if err != nil {
			return nil, err
		}
		m.tags = append(m.tags, t)
	}
	if err := d.weights(m); err != nil {
		return nil, err
	}

	d.section = "tag dictionary"
	m.tagDict = map[uint64]uint8{}
	err = d.keyed(func(k uint64) error {
		t, err := d.tag(len(m.tags))
		m.tagDict[k] = t
		return err
	})
	if err != nil {
		return nil, err
	}

	d.section = "ambiguity classes"
	m.amb = map[uint64]uint64{}
	err = d.keyed(func(k uint64) error {
		mask, err := binary.ReadUvarint(d.r)
		if err != nil {
			return err
		}
		if len(m.tags) < maxAmbTags && mask>>uint(len(m.tags)) != 0 {
			return fmt.Errorf("tag set %#x has tags beyond the %d known", mask, len(m.tags))
		}
		m.amb[k] = mask
		return nil
	})
	if err != nil {
		return nil, err
	}

	d.section = "lemma exceptions"
	m.lem.exceptions = map[uint64]string{}
	err = d.keyed(func(k uint64) error {
		s, err := d.str()
		m.lem.exceptions[k] = s
		return err
	})
	if err != nil {
		return nil, err
	}

	d.section = "lemma vocabulary"
	m.lem.vocab = map[uint64]struct{}{}
	err = d.keyed(func(k uint64) error {
		m.lem.vocab[k] = struct{}{}
		return nil
	})
	if err != nil {
		return nil, err
	}

	d.section = "trailer"
	end := make([]byte, len(fileTrailer))
	if _, err := io.ReadFull(d.r, end); err != nil || string(end) != fileTrailer {
		return nil, errors.New("missing end marker (truncated file?)")
	}
	return m, nil
}

func (d *decoder) weights(m *Model) error {
	d.section = "weights"
	m.offs = []uint32{0}
	err := d.keyed(func(k uint64) error {
		n, err := d.count(len(m.tags))
		if err != nil {
			return err
		}
		if len(m.weights)+n >= perceptron.MaxWeights {
			return fmt.Errorf("more than %d weights", perceptron.MaxWeights-1)
		}
		for range n {
			tag, err := d.tag(len(m.tags))
			if err != nil {
				return err
			}
			v, err := binary.ReadVarint(d.r)
			if err != nil {
				return err
			}
			if v < -1<<15 || v >= 1<<15 {
				return fmt.Errorf("weight %d out of int16 range", v)
			}
			m.weights = append(m.weights, perceptron.PackWeight(tag, int16(v)))
		}
		m.keys = append(m.keys, k)
		m.offs = append(m.offs, uint32(len(m.weights)))
		return nil
	})
	if err != nil {
		return err
	}
	m.buildTable()
	return nil
}

// keyed reads a count and that many strictly increasing delta-coded keys,
// calling item after each key to read what follows it.
func (d *decoder) keyed(item func(k uint64) error) error {
	n, err := d.count(maxCount)
	if err != nil {
		return err
	}
	var k uint64
	for i := range n {
		delta, err := binary.ReadUvarint(d.r)
		if err != nil {
			return fmt.Errorf("entry %d: %w", i, err)
		}
		if delta == 0 && i > 0 || k+delta < k {
			return fmt.Errorf("entry %d: keys not increasing", i)
		}
		k += delta
		if err := item(k); err != nil {
			return fmt.Errorf("entry %d: %w", i, err)
		}
	}
	return nil
}

func (d *decoder) count(limit int) (int, error) {
	n, err := binary.ReadUvarint(d.r)
	if err != nil {
		return 0, err
	}
	if n > uint64(limit) {
		return 0, fmt.Errorf("count %d exceeds %d", n, limit)
	}
	return int(n), nil
}

func (d *decoder) tag(ntags int) (uint8, error) {
	b, err := d.r.ReadByte()
	if err != nil {
		return 0, err
	}
	if int(b) >= ntags {
		return 0, fmt.Errorf("tag index %d, only %d tags", b, ntags)
	}
	return b, nil
}

func (d *decoder) str() (string, error) {
	n, err := d.count(1 << 10)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		return "", err
	}
	return string(b), nil
}
