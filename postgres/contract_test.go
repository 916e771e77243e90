package postgres

import (
	"os"
	"testing"

	"github.com/khaldun/khaldun/storetest"
)

// TestContract runs the behaviour every khaldun store shares, on a fresh
// schema per test.
func TestContract(t *testing.T) {
	if os.Getenv("KHALDUN_TEST_POSTGRES") == "" {
		t.Skip(skipMessage)
	}
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}
