package sqlite

import (
	"testing"

	"github.com/khaldun/khaldun/storetest"
)

// TestContract runs the behaviour every khaldun store shares; the tests
// beside it are SQLite's own (migrations, the rollup, concurrent openers).
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
