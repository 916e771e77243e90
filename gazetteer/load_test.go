package gazetteer

import (
	"bytes"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func TestDefaultLoads(t *testing.T) {
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start, cpu := time.Now(), cpuTime()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	took, used := time.Since(start), cpuTime()-cpu
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("%d entries, %d names, loaded in %v (%v of CPU), heap %.1f MB", len(g.Entries), len(g.names), took, used, float64(after.HeapAlloc-before.HeapAlloc)/1e6)
	if took > 2*time.Second {
		t.Errorf("load took %v", took)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		g, err := Load(bytes.NewReader(embedded), true)
		if err != nil {
			b.Fatal(err)
		}
		if err := g.mergeLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the CPU the process has used, which unlike wall time does not
// grow when the machine is shared.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
