// Command khaldun turns news articles into structured political event data.
//
// The command is thin: each subcommand parses flags, builds the pipeline from
// the library packages and streams results. See docs/architecture.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// errSomeFailed reports that the run finished but some inputs failed; their
// errors were already printed, so main only sets the exit status.
var errSomeFailed = errors.New("some inputs failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := &cobra.Command{
		Use:           "khaldun",
		Short:         "Turn news into structured political event data",
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(codeCmd(), evalCmd(), trainCmd(), explainCmd(), ingestCmd(), extractCmd(), watchCmd(), serveCmd(), exportCmd(), benchCmd())
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
	case errors.Is(err, errSomeFailed):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "khaldun:", err)
		os.Exit(2)
	}
}
