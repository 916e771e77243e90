package parse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/khaldun/khaldun/perceptron"
)

// Model file format, gzip-compressed:
//
//	"khaldun-parse\n" version(uvarint)
//	labels:  n, then n × (len, bytes); the first is "root"
//	weights: n, then n × (key delta, m, m × (class byte, zigzag weight))
//	"end\n"
//
// Keys are feature hashes in increasing order, stored as deltas; integers
// are varints. The trailer catches truncation that happens to end on a
// gzip member boundary.
const (
	fileMagic   = "khaldun-parse\n"
	fileTrailer = "end\n"
	fileVersion = 1
	maxLabels   = 126 // classes 2+2×126 must fit in a byte
)

// Save writes the model in the format read by Load.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("parse: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(binary.AppendUvarint(buf[:0], v)) }
	bw.WriteString(fileMagic)
	uv(fileVersion)
	uv(uint64(len(m.labels)))
	for _, l := range m.labels {
		uv(uint64(len(l)))
		bw.WriteString(l)
	}
	uv(uint64(len(m.keys)))
	prev := uint64(0)
	for i, k := range m.keys {
		uv(k - prev)
		prev = k
		ws := m.weights[m.offs[i]:m.offs[i+1]]
		uv(uint64(len(ws)))
		for _, w := range ws {
			bw.WriteByte(byte(w >> 16))
			bw.Write(binary.AppendVarint(buf[:0], int64(int16(w))))
		}
	}
	bw.WriteString(fileTrailer)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("parse: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("parse: save: %w", err)
	}
	return nil
}

// Load reads a model written by Save. A damaged file is an error naming
// the section where it went wrong, never a panic or a huge allocation.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("parse: load: not a gzip'd model: %w", err)
	}
	d := decoder{r: bufio.NewReader(zr)}
	m, err := d.model()
	if err != nil {
		return nil, fmt.Errorf("parse: load: %s: %w", d.section, err)
	}
	// Read to the end so that gzip verifies its checksum.
	if n, err := io.Copy(io.Discard, d.r); err != nil {
		return nil, fmt.Errorf("parse: load: %w", err)
	} else if n > 0 {
		return nil, fmt.Errorf("parse: load: %d bytes of garbage after the model", n)
	}
	return m, nil
}

type decoder struct {
	r       *bufio.Reader
	section string
}

var errBadMagic = errors.New("not a khaldun parser model")

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
	d.section = "labels"
	n, err := d.count(maxLabels)
	if err != nil {
		return nil, err
	}
	m.dep = -1
	for i := range n {
		l, err := d.str()
		if err != nil {
			return nil, err
		}
		if l == "dep" {
			m.dep = i
		}
		m.labels = append(m.labels, l)
	}
	if n == 0 || m.labels[rootLabel] != "root" {
		return nil, errors.New(`the first label must be "root"`)
	}
	if m.dep < 0 {
		return nil, errors.New(`no "dep" label`)
	}
	if err := d.weights(m); err != nil {
		return nil, err
	}
	d.section = "trailer"
	tr := make([]byte, len(fileTrailer))
	if _, err := io.ReadFull(d.r, tr); err != nil || string(tr) != fileTrailer {
		return nil, errors.New("missing trailer: truncated file?")
	}
	m.buildTable()
	return m, nil
}

func (d *decoder) weights(m *Model) error {
	d.section = "weights"
	n, err := d.count(perceptron.MaxWeights)
	if err != nil {
		return err
	}
	nc := m.nClasses()
	// Capacity from a count the file claims is capped: a corrupt count
	// must fail on the missing data, not on allocating for it.
	m.keys, m.offs = make([]uint64, 0, min(n, 1<<16)), make([]uint32, 1, min(n, 1<<16)+1)
	key := uint64(0)
	for i := range n {
		delta, err := binary.ReadUvarint(d.r)
		if err != nil {
			return unexpected(err)
		}
		if i > 0 && delta == 0 || key+delta < key {
			return errors.New("feature keys out of order")
		}
		key += delta
		cnt, err := d.count(perceptron.MaxRowCount)
		if err != nil {
			return err
		}
		if cnt == 0 || len(m.weights)+cnt > perceptron.MaxWeights {
			return fmt.Errorf("feature %d: bad weight count %d", i, cnt)
		}
		for range cnt {
			c, err := d.r.ReadByte()
			if err != nil {
				return unexpected(err)
			}
			if int(c) >= nc {
				return fmt.Errorf("class %d, the model has %d", c, nc)
			}
			w, err := binary.ReadVarint(d.r)
			if err != nil {
				return unexpected(err)
			}
			if w < math.MinInt16 || w > math.MaxInt16 {
				return fmt.Errorf("weight %d out of range", w)
			}
			m.weights = append(m.weights, perceptron.PackWeight(c, int16(w)))
		}
		m.keys = append(m.keys, key)
		m.offs = append(m.offs, uint32(len(m.weights)))
	}
	return nil
}

// count reads a count and checks it against limit, so that a corrupt file
// cannot make Load allocate gigabytes.
func (d *decoder) count(limit int) (int, error) {
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		return 0, unexpected(err)
	}
	if v > uint64(limit) {
		return 0, fmt.Errorf("count %d exceeds %d", v, limit)
	}
	return int(v), nil
}

func (d *decoder) str() (string, error) {
	n, err := d.count(64)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		return "", unexpected(err)
	}
	return string(b), nil
}

// unexpected turns a clean EOF inside the model into ErrUnexpectedEOF: the
// file ended where more was promised.
func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
