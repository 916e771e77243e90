package parse

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// TestTrainShippedModel rebuilds model/en.bin.gz. It runs only when asked,
// as it takes minutes:
//
//	KHALDUN_PARSE_TRAIN=1 go test -run TestTrainShippedModel -timeout 30m -v ./parse/
func TestTrainShippedModel(t *testing.T) {
	if os.Getenv("KHALDUN_PARSE_TRAIN") == "" {
		t.Skip("set KHALDUN_PARSE_TRAIN=1 to retrain the shipped model")
	}
	ud := sharedtest.Path(t, "data/ud")
	err := TrainFiles(context.Background(),
		filepath.Join(ud, "en_ewt-ud-train.conllu"), filepath.Join(ud, "en_ewt-ud-dev.conllu"),
		filepath.Join("model", "en.bin.gz"), tlog{t})
	if err != nil {
		t.Fatal(err)
	}
}

// tlog sends training progress to the test log.
type tlog struct{ t *testing.T }

func (l tlog) Write(p []byte) (int, error) {
	l.t.Log(string(p[:len(p)-min(len(p), 1)]))
	return len(p), nil
}
