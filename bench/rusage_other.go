//go:build !unix

package bench

import "time"

// cpuTime is unknown here; rates per CPU-second are then left out.
func cpuTime() time.Duration { return 0 }

// peakRSS is unknown here.
func peakRSS() int64 { return 0 }
