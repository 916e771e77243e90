package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/coder"
	"github.com/khaldun/khaldun/engine"
)

func explainCmd() *cobra.Command {
	var (
		date    string
		monadic bool
		dicts   dictFlags
	)
	cmd := &cobra.Command{
		Use:   "explain SENTENCE...",
		Short: "Show how the coder reads a sentence: tokens, actors, verbs, patterns, events",
		Long: `Explain codes the text given as arguments (joined by spaces) and prints
every step the coder took: the tokens with their tags and lemmas, the actor
and agent mentions with the dictionary lines that named them, the verbs and
event nouns found, every pattern tried in order and whether it matched, the
reasons a verb coded nothing, and the events. The steps come from the coder
itself (coder.Options.Trace), so what is shown is what ran.`,
		Example: `  khaldun explain "Israeli troops attacked Hamas in Gaza on Monday." --date 2024-05-02`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if date != "" {
				if _, err := time.Parse(time.DateOnly, date); err != nil {
					return fmt.Errorf("--date %q: want YYYY-MM-DD", date)
				}
			}
			out := bufio.NewWriter(os.Stdout)
			defer out.Flush()
			// The standard pipeline, as `code` runs it (places and dates
			// included), with the coder reporting its steps.
			o := dicts.opt
			o.Warnings = os.Stderr
			o.KeepBoilerplate, o.AnyLanguage = true, true
			o.Monadic = monadic
			o.Trace = func(e coder.TraceEvent) { writeTrace(out, e) }
			p, err := engine.New(o)
			if err != nil {
				return err
			}
			body := strings.Join(args, " ")
			t := p.Prepare(body, date)
			for _, s := range t.Sentences {
				fmt.Fprintf(out, "sentence %d tokens:\n", s.Index)
				for i, tk := range s.Tokens {
					fmt.Fprintf(out, "  %3d %-18s %-5s %s\n", i, tk.Text, tk.POS, tk.Lemma)
				}
			}
			doc, err := p.Process(cmd.Context(), khaldun.Input{Meta: khaldun.Article{Published: date}, Body: []byte(body)})
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%d event(s)\n", len(doc.Events))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&date, "date", "", "publication date, YYYY-MM-DD (dates people's offices and relative dates)")
	fl.BoolVar(&monadic, "monadic", false, "keep events without a target")
	dicts.register(fl)
	return cmd
}

func writeTrace(w io.Writer, e coder.TraceEvent) {
	switch e.Kind {
	case coder.TraceSentence:
		fmt.Fprintf(w, "── sentence %d: %s\n", e.Sentence, e.Text)
	case coder.TracePattern:
		mark := "  "
		if e.Matched {
			mark = "✔ "
		}
		fmt.Fprintf(w, "    %spattern %s\n", mark, e.Detail)
	case coder.TraceCoded:
		ev := e.Event
		tgt := "—"
		if ev.Target != nil {
			tgt = fmt.Sprintf("%s %q", ev.Target.Code, ev.Target.Text)
		}
		fmt.Fprintf(w, "  EVENT %s %q → %s  %s %s (%s)  date=%s\n        rule %s\n", ev.Source.Code, ev.Source.Text, tgt, ev.Code, ev.Name, ev.Plover, ev.Date, ev.Rule)
	default:
		fmt.Fprintf(w, "  %-8s %-30q %s\n", e.Kind, e.Text, e.Detail)
	}
}
