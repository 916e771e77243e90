package listing

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/khaldun/khaldun"
)

// EventCursor is where a page of events ended: the sort it belongs to,
// the sort value and the seq of the last event, which breaks ties. It is
// opaque to callers: JSON in unpadded base64url.
type EventCursor struct {
	Sort  khaldun.EventSort `json:"s"`
	Value string            `json:"v"`
	Seq   int64             `json:"q"`
}

// After is the cursor of a page whose last event is e, stored as seq.
func After(sort khaldun.EventSort, e *khaldun.AggregateEvent, seq int64) EventCursor {
	c := EventCursor{Sort: sort, Value: e.Date, Seq: seq}
	if sort == khaldun.ByMentions {
		c.Value = strconv.Itoa(e.NumMentions)
	}
	return c
}

func (c EventCursor) String() string { return encode(c) }

// ParseEventCursor decodes a cursor given by String.
func ParseEventCursor(s string) (EventCursor, error) {
	var c EventCursor
	return c, decode(s, &c)
}

// Resume decodes the cursor of a listing sorted by sort and returns the
// value to continue after (a string date, or an int count of mentions)
// and the seq that breaks ties. A cursor of another listing is refused
// with khaldun.ErrInvalid.
func Resume(cur string, sort khaldun.EventSort) (value any, seq int64, err error) {
	c, err := ParseEventCursor(cur)
	if err != nil || c.Sort != sort {
		return nil, 0, fmt.Errorf("cursor does not belong to this listing: %w", khaldun.ErrInvalid)
	}
	if sort != khaldun.ByMentions {
		return c.Value, c.Seq, nil
	}
	n, err := strconv.Atoi(c.Value)
	if err != nil {
		return nil, 0, fmt.Errorf("bad cursor: %w", khaldun.ErrInvalid)
	}
	return n, c.Seq, nil
}

// AnnotationCursor is where a page of quotes or counts ended: the
// article's publication date and seq, and the annotation's position in
// it.
type AnnotationCursor struct {
	Published string `json:"p"`
	Article   int64  `json:"a"`
	Ord       int    `json:"o"`
}

func (c AnnotationCursor) String() string { return encode(c) }

// ParseAnnotationCursor decodes a cursor given by String.
func ParseAnnotationCursor(s string) (AnnotationCursor, error) {
	var c AnnotationCursor
	return c, decode(s, &c)
}

func encode(v any) string {
	b, _ := json.Marshal(v) // structs of strings and numbers always encode
	return base64.RawURLEncoding.EncodeToString(b)
}

func decode(s string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		return fmt.Errorf("bad cursor %q: %w", s, khaldun.ErrInvalid)
	}
	return nil
}
