package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/khaldun/khaldun/bench"
)

func benchCmd() *cobra.Command {
	var (
		o          bench.Options
		dicts      dictFlags
		dbPath     string
		cpuProfile string
	)
	cmd := &cobra.Command{
		Use:   "bench [SOURCE...]",
		Short: "Measure the pipeline's speed and memory over a corpus",
		Long: `Bench codes a corpus (default: the AllSides shards of the shared sets) and
reports the start-up cost of the dictionaries and models, then per stage
the time spent and the sentences per CPU-second, and for the run the
articles and sentences per second of wall time and of CPU time, the CPU
time (user+sys) and the peak resident memory.

Stage times are wall-clock; on a shared machine the CPU time is shared out
among them in proportion, which is what the per-CPU-second rates use.
--workers 1 measures one core. --db also stores every article, as ingest
does, and reports the store as a stage.`,
		Example: `  khaldun bench --workers 1 --articles 1000
  khaldun bench ../shared/corpora/allsides/ --duration 30s --db /tmp/bench.db`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if len(o.Paths) == 0 {
				dir := sharedPath("corpora/allsides")
				if _, err := os.Stat(dir); err != nil {
					return fmt.Errorf("no SOURCE given and no shared AllSides corpus at %s (set KHALDUN_SHARED)", dir)
				}
				o.Paths = []string{dir}
			}
			o.Engine = dicts.opt
			o.Engine.Warnings = os.Stderr
			o.Engine.WithText = dbPath != ""
			if dbPath != "" {
				store, err := openStore(cmd.Context(), dbPath)
				if err != nil {
					return err
				}
				defer store.Close()
				o.Store = store
				o.Pipeline = version
				if o.Dictionary, err = dictionaryVersion(&dicts); err != nil {
					return err
				}
			}
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return fmt.Errorf("cpu profile %s: %w", cpuProfile, err)
				}
				defer pprof.StopCPUProfile()
			}
			rep, err := bench.Run(cmd.Context(), o)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "corpus: %s; GOMAXPROCS %d\n", filepath.Join(o.Paths...), runtime.GOMAXPROCS(0))
			return rep.WriteText(cmd.OutOrStdout())
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.Workers, "workers", 1, "articles coded in parallel (0: one per core)")
	fl.IntVar(&o.Articles, "articles", 0, "stop after this many articles (0: no limit)")
	fl.DurationVar(&o.Duration, "duration", 0, "stop after this long (0: no limit)")
	fl.StringVar(&dbPath, "db", "", "also store the articles in this SQLite file, as ingest does")
	fl.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of start-up and run to this file (go tool pprof)")
	fl.Int64Var(&o.Source.MaxBytes, "max-bytes", 32<<20, "largest article or JSON line accepted, in bytes")
	dicts.register(fl)
	return cmd
}
