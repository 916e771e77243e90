package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Report is the result of one suite run. Its JSON form is fixed for every
// suite — suite, gold, n, metrics — so that tools comparing runs never have
// to know which suite they read; everything else is for the text report.
type Report struct {
	Suite   string             `json:"suite"`
	Gold    string             `json:"gold"`
	N       int                `json:"n"` // items scored
	Metrics map[string]float64 `json:"metrics"`

	// Counts are raw tallies behind the metrics (gold triples, skipped
	// records, …), shown in the text report only.
	Counts map[string]int `json:"-"`
	// Tables are per-category or per-class breakdowns.
	Tables []Table `json:"-"`
	// Notes state the conventions the numbers depend on.
	Notes []string `json:"-"`
	// ReadErrors are gold records that could not be read, as "file:line: why";
	// the run goes on without them.
	ReadErrors []string `json:"-"`
	// CoderErrors are items the coder failed on, as "id: error"; they were
	// scored as empty predictions.
	CoderErrors []string `json:"-"`
}

// Table is a breakdown printed under the metrics.
type Table struct {
	Title  string
	Header []string
	Rows   [][]string
}

func newReport(suite string, opt Options) *Report {
	return &Report{Suite: suite, Gold: opt.Gold, Metrics: map[string]float64{}, Counts: map[string]int{}}
}

// WriteText writes the human-readable report.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "suite  %s\ngold   %s\nn      %d\n\n", r.Suite, r.Gold, r.N)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, k := range sortedKeys(r.Metrics) {
		fmt.Fprintf(tw, "%s\t%s\n", k, num(r.Metrics[k], strings.HasSuffix(k, "_pct")))
	}
	tw.Flush()
	if len(r.Counts) > 0 {
		b.WriteString("\ncounts\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, k := range sortedKeys(r.Counts) {
			fmt.Fprintf(tw, "  %s\t%d\n", k, r.Counts[k])
		}
		tw.Flush()
	}
	for _, t := range r.Tables {
		fmt.Fprintf(&b, "\n%s\n", t.Title)
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "%s\t\n", strings.Join(t.Header, "\t"))
		for _, row := range t.Rows {
			fmt.Fprintf(tw, "%s\t\n", strings.Join(row, "\t"))
		}
		tw.Flush()
	}
	if len(r.Notes) > 0 {
		b.WriteString("\nconventions\n")
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "  - %s\n", n)
		}
	}
	listErrors(&b, "unreadable gold records", r.ReadErrors)
	listErrors(&b, "coder errors (scored as empty predictions)", r.CoderErrors)
	_, err := io.WriteString(w, b.String())
	return err
}

// listErrors prints at most 20 errors: enough to act on, short enough to read.
func listErrors(b *strings.Builder, title string, errs []string) {
	if len(errs) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s: %d\n", title, len(errs))
	for i, e := range errs {
		if i == 20 {
			fmt.Fprintf(b, "  … %d more\n", len(errs)-20)
			break
		}
		fmt.Fprintf(b, "  %s\n", e)
	}
}

func num(v float64, pct bool) string {
	if pct {
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.4f", v)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
