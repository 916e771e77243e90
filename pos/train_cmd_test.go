package pos

import (
	"context"
	"os"
	"testing"
)

// TestTrainShipped regenerates the shipped model; run with
// KHALDUN_TRAIN=1 go test -run TestTrainShipped ./pos/
func TestTrainShipped(t *testing.T) {
	if os.Getenv("KHALDUN_TRAIN") == "" {
		t.Skip("set KHALDUN_TRAIN=1 to retrain")
	}
	d := "/work/shared/data/ud/"
	if err := TrainFiles(context.Background(), d+"en_ewt-ud-train.conllu", d+"en_ewt-ud-dev.conllu", "model/en.bin.gz", os.Stdout); err != nil {
		t.Fatal(err)
	}
}
