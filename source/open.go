package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/khaldun/khaldun"
)

const (
	bufSize  = 64 << 10
	sniffLen = 8 << 10
)

var gzipMagic = []byte{0x1f, 0x8b}

// path reads one argument: "-", a directory or anything openable.
func (r *reader) path(p string) bool {
	if !r.live() {
		return false
	}
	if p == "-" {
		in := r.opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return r.stream("-", in)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return r.fail(khaldun.Position{File: p}, pathErr(err))
	}
	if fi.IsDir() {
		return r.dir(p)
	}
	return r.file(p)
}

// Skip says whether Read passes over an entry met walking the directory
// root, for a caller that must see the same files (the progress estimate
// of khaldun ingest): directories themselves, and hidden entries below
// the root. err is what a filepath.WalkDirFunc returns for it:
// filepath.SkipDir for a hidden directory, so that nothing in it is read.
func Skip(root, path string, d fs.DirEntry) (skip bool, err error) {
	if path != root && strings.HasPrefix(d.Name(), ".") {
		if d.IsDir() {
			return true, filepath.SkipDir
		}
		return true, nil
	}
	return d.IsDir(), nil
}

// dir reads every regular file under root in lexical order. Hidden entries
// are skipped because they are editor backups, VCS metadata and the like,
// never articles; symbolic links to directories are not followed so that a
// loop cannot make the walk endless.
func (r *reader) dir(root string) bool {
	ok := true
	stop := func() error { ok = false; return filepath.SkipAll }
	// WalkDir does not follow a root that is itself a symbolic link; a
	// trailing separator makes it, and Join in WalkDir cleans it off again.
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator)
	}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if !r.live() {
			return stop()
		}
		if err != nil {
			// WalkDir goes on with the rest of the tree when we return nil.
			if !r.fail(khaldun.Position{File: p}, pathErr(err)) {
				return stop()
			}
			return nil
		}
		if skip, err := Skip(root, p, d); skip {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				if !r.fail(khaldun.Position{File: p}, pathErr(err)) {
					return stop()
				}
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, devices, pipes: reading one could block
		}
		if !r.file(p) {
			return stop()
		}
		return nil
	})
	return ok
}

func (r *reader) file(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return r.fail(khaldun.Position{File: p}, pathErr(err))
	}
	defer f.Close()
	return r.stream(p, f)
}

// pathErr drops the path from a *fs.PathError, which Error already names.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// stream is one opened, decompressed input being read by a format.
type stream struct {
	*reader
	name   string
	in     *bufio.Reader
	gzip   bool
	max    int64
	lineNo int    // number of the line last returned by next
	off    int64  // decompressed bytes consumed
	buf    []byte // reused line buffer
}

// stream decompresses, sniffs and hands rd to the format that claims it.
func (r *reader) stream(name string, rd io.Reader) bool {
	br := bufio.NewReaderSize(rd, bufSize)
	s := &stream{reader: r, name: name, in: br, max: r.opt.MaxBytes}
	base := name
	if magic, _ := br.Peek(len(gzipMagic)); bytes.Equal(magic, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.fail(khaldun.Position{File: name}, fmt.Errorf("gzip header: %w", err))
		}
		defer zr.Close()
		s.in, s.gzip = bufio.NewReaderSize(zr, bufSize), true
		if e := ext(base); e == ".gz" || e == ".gzip" {
			base = strings.TrimSuffix(base, filepath.Ext(base))
		}
	}
	head, err := s.in.Peek(sniffLen)
	if len(head) == 0 {
		if err != nil && err != io.EOF {
			return r.fail(khaldun.Position{File: name}, s.readErr(err))
		}
		return r.fail(khaldun.Position{File: name}, errors.New("empty input"))
	}
	f := pick(base, head)
	// A WARC carries binary payloads (images, fonts) among its pages; its
	// reader skips and counts those records itself.
	if _, isWARC := f.(warcFile); !isWARC && binary(head) {
		return r.fail(khaldun.Position{File: name}, errors.New("binary content, not text"))
	}
	return f.read(s, r.emit)
}

// pick asks formats by extension first, then by content.
func pick(name string, head []byte) format {
	for _, byName := range []bool{true, false} {
		for _, f := range formats {
			if f.claims(name, head, byName) {
				return f
			}
		}
	}
	return formats[len(formats)-1]
}

// binary reports content no text format should read: any NUL byte, or more
// than one control byte in ten. Bytes above 0x7f do not count, so Latin-1
// and broken UTF-8 still pass as text.
func binary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// readErr gives a read failure its byte position, which for a damaged gzip
// is where the damage was found.
func (s *stream) readErr(err error) error {
	if s.gzip {
		return fmt.Errorf("gzip stream damaged after %d decompressed bytes: %w", s.off, err)
	}
	return fmt.Errorf("read failed after byte %d: %w", s.off, err)
}

// ext is name's extension, lower-cased.
func ext(name string) string { return strings.ToLower(filepath.Ext(name)) }
