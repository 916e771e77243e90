package engine

import (
	"strings"

	"github.com/khaldun/khaldun/dict"
)

func dictSeq(s string) dict.Seq { return dict.Seq{Words: strings.Fields(s)} }
