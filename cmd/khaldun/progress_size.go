package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/source"
)

// sizeEstimate estimates how many articles the inputs hold from how far
// the run is through their bytes, so the progress bar can show an ETA
// without a second pass that reads and parses everything (costly for HTML
// and WARC). The work is taken to be proportional to the uncompressed
// bytes: the file system gives the sizes and a gzip file's trailer its
// uncompressed size, so compressed and plain files weigh alike. Within
// the file being read, the share done is the body bytes seen against the
// file's size, corrected by the ratio of body to raw bytes of the files
// already finished.
//
// It is fed results in input order from one goroutine and needs no lock.
type sizeEstimate struct {
	raw   map[string]int64 // uncompressed where known, else on disk, by the name source gives in Origin
	total int64            // raw bytes of all files

	articles int   // inputs seen
	done     int64 // raw bytes of the files finished
	cur      string
	curBody  int64
	// Bodies and raw sizes of the finished files, for the ratio.
	doneBody, doneRaw int64
}

// newSizeEstimate sizes the files of paths as source.Read will read them:
// directories walked, hidden entries skipped. It returns nil when there
// is nothing to go on (standard input, nothing readable).
func newSizeEstimate(paths []string) *sizeEstimate {
	e := &sizeEstimate{raw: map[string]int64{}}
	add := func(p string, fi fs.FileInfo) {
		if !fi.Mode().IsRegular() || fi.Size() == 0 {
			return
		}
		if _, dup := e.raw[p]; dup {
			return
		}
		n := rawSize(p, fi.Size())
		e.raw[p] = n
		e.total += n
	}
	for _, p := range paths {
		if p == "-" {
			return nil
		}
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			add(p, fi)
			continue
		}
		_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if skip, err := source.Skip(p, q, d); skip {
				return err
			}
			if fi, err := os.Stat(q); err == nil {
				add(q, fi)
			}
			return nil
		})
	}
	if e.total == 0 {
		return nil
	}
	return e
}

// rawSize is a file's uncompressed size: the gzip trailer's ISIZE for a
// gzip file when it is plausible (it is the size modulo 4 GiB, and of the
// last member only), else the size on disk.
func rawSize(path string, size int64) int64 {
	if !strings.HasSuffix(strings.ToLower(path), ".gz") || size < 18 {
		return size
	}
	f, err := os.Open(path)
	if err != nil {
		return size
	}
	defer f.Close()
	var tail [4]byte
	if _, err := f.ReadAt(tail[:], size-4); err != nil && !errors.Is(err, io.EOF) {
		return size
	}
	// ISIZE is little-endian.
	if n := int64(tail[0]) | int64(tail[1])<<8 | int64(tail[2])<<16 | int64(tail[3])<<24; n >= size {
		return n
	}
	return size
}

// see records one input (or read error) and returns the estimated number
// of articles in all the inputs, 0 while there is too little to go on.
func (e *sizeEstimate) see(r khaldun.Input, err error) int64 {
	file := r.Origin.File
	var se *source.Error
	if err != nil && errors.As(err, &se) {
		file = se.Pos.File
	}
	e.articles++
	if _, ok := e.raw[file]; ok && file != e.cur {
		e.finish()
		e.cur = file
	}
	if file == e.cur {
		e.curBody += int64(len(r.Body))
	}
	share := float64(e.done)
	if e.cur != "" {
		ratio := 1.0
		if e.doneRaw > 0 {
			ratio = float64(e.doneBody) / float64(e.doneRaw)
		}
		in := float64(e.curBody) / (float64(e.raw[e.cur]) * ratio)
		share += float64(e.raw[e.cur]) * min(in, 0.99)
	}
	f := share / float64(e.total)
	if f < 0.005 {
		return 0
	}
	return max(int64(float64(e.articles)/f+0.5), int64(e.articles))
}

// finish counts the current file as read.
func (e *sizeEstimate) finish() {
	if e.cur == "" {
		return
	}
	e.done += e.raw[e.cur]
	e.doneBody += e.curBody
	e.doneRaw += e.raw[e.cur]
	e.cur, e.curBody = "", 0
}
