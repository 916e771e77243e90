package pos

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// TestTrainFilesReproducesShipped retrains from the treebank and checks
// that the result is byte-for-byte the embedded model, i.e. that the
// documented training command reproduces it. It takes a minute or two, so
// it only runs with KHALDUN_TRAIN=1.
func TestTrainFilesReproducesShipped(t *testing.T) {
	if os.Getenv("KHALDUN_TRAIN") == "" {
		t.Skip("set KHALDUN_TRAIN=1 to retrain and compare with the shipped model")
	}
	ud := sharedtest.Path(t, "data/ud")
	out := filepath.Join(t.TempDir(), "en.bin.gz")
	var log bytes.Buffer
	err := TrainFiles(context.Background(),
		filepath.Join(ud, "en_ewt-ud-train.conllu"), filepath.Join(ud, "en_ewt-ud-dev.conllu"), out, &log)
	t.Log(log.String())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, defaultModel) {
		t.Errorf("retrained model (%d bytes) differs from the shipped one (%d bytes)", len(got), len(defaultModel))
	}
}
