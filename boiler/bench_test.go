package boiler

import (
	"strings"
	"testing"
)

// benchBody is a scraped article of about 5 KB: paragraphs of news with
// the page furniture boiler drops around them.
func benchBody() string {
	var b strings.Builder
	b.WriteString("Reading Time: 3 minutes\n\n")
	para := "Negotiators from the two provinces met in the port city on Wednesday to settle the dispute over fishing rights, " +
		"officials said, adding that a draft agreement could be signed before the end of the month.\n\n"
	for b.Len() < 5000 {
		b.WriteString(para)
	}
	b.WriteString("Share this article\n\nRelated: Port strike ends\nRelated: Quotas cut again\nRelated: Ministers meet\n")
	return b.String()
}

func BenchmarkStrip(b *testing.B) {
	body := benchBody()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, dropped := Strip(body); len(dropped) == 0 {
			b.Fatal("no boilerplate dropped")
		}
	}
}
