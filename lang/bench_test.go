package lang

import (
	"strings"
	"testing"
)

// BenchmarkDetect measures detection on an English article longer than
// the sample Detect reads, as most news articles are.
func BenchmarkDetect(b *testing.B) {
	para := "Negotiators from the two provinces met in the port city on Wednesday to settle the dispute over fishing rights, " +
		"officials said, adding that a draft agreement could be signed before the end of the month.\n\n"
	body := strings.Repeat(para, 4*sample/len(para)+1)
	b.SetBytes(sample)
	for b.Loop() {
		if code, _ := Detect(body); code != "en" {
			b.Fatalf("detected %q", code)
		}
	}
}
