package postgres

import (
	"testing"

	"github.com/khaldun/khaldun/storetest"
)

// BenchmarkSave is the sqlite store's BenchmarkSave on PostgreSQL.
func BenchmarkSave(b *testing.B) {
	storetest.BenchSave(b, openTest(b))
}

// BenchmarkSaveParallel saves from four goroutines at once, as workers do.
func BenchmarkSaveParallel(b *testing.B) {
	b.SetParallelism(2) // with GOMAXPROCS 2: four writers
	storetest.BenchSaveParallel(b, openTest(b))
}

// BenchmarkExplore times the API's common reads over 2,000 stored articles
// (32,000 mentions); the sqlite store runs the same.
func BenchmarkExplore(b *testing.B) {
	storetest.BenchExplore(b, openTest(b), 2000)
}
