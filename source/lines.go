package source

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// tooLong is a line or body over Options.MaxBytes. It has been read past
// and thrown away, so the next item can still be read. A size of max+1
// means the reading stopped there and the true size is not known.
type tooLong struct{ size, max int64 }

func (e *tooLong) Error() string {
	if e.size == e.max+1 {
		return fmt.Sprintf("over the limit of %d bytes: skipped", e.max)
	}
	return fmt.Sprintf("%d bytes, over the limit of %d: skipped", e.size, e.max)
}

// next returns the next line without its line ending, valid until the
// following call. A line over s.max is read through to its newline in
// buffer-sized pieces and dropped, so that a 200 MB line costs 64 KiB of
// memory rather than 200 MB; next then returns a *tooLong. At the end of
// input it returns io.EOF; on a read error it returns that error and the
// partial line is lost (a damaged line is not an article).
func (s *stream) next() ([]byte, error) {
	s.buf = s.buf[:0]
	s.lineNo++
	var n int64
	over, ended := false, false
	for {
		chunk, err := s.in.ReadSlice('\n')
		n += int64(len(chunk))
		s.off += int64(len(chunk))
		if !over {
			// Two bytes of slack for the line ending.
			if int64(len(s.buf)+len(chunk)) > s.max+2 {
				over, s.buf = true, s.buf[:0]
			} else {
				s.buf = append(s.buf, chunk...)
			}
		}
		switch err {
		case nil:
			ended = true
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if n == 0 {
				s.lineNo--
				return nil, io.EOF
			}
		default:
			return nil, s.readErr(err)
		}
		break
	}
	line := bytes.TrimSuffix(bytes.TrimSuffix(s.buf, []byte("\n")), []byte("\r"))
	if over || int64(len(line)) > s.max {
		if ended {
			n-- // the newline is not part of the line
		}
		return nil, &tooLong{size: n, max: s.max}
	}
	return line, nil
}
