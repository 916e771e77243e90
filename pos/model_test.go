package pos

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func trainTiny(t *testing.T) *Model {
	t.Helper()
	sents, err := ReadCoNLLUFile("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), sents, TrainOptions{Iterations: 5, Seed: 7, DictMinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func saved(t *testing.T, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainDeterministic(t *testing.T) {
	a, b := saved(t, trainTiny(t)), saved(t, trainTiny(t))
	if !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed wrote different files")
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := trainTiny(t)
	data := saved(t, m)
	m2, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(saved(t, m2), data) {
		t.Error("load+save changed the model")
	}
	// A model learns its own training data.
	sents, _ := ReadCoNLLUFile("testdata/tiny.conllu")
	if acc := NewTagger(m2).Evaluate(sents); acc.POS() < 0.9 {
		t.Errorf("training-set accuracy %.2f", acc.POS())
	}
}

func TestTrainCancelled(t *testing.T) {
	sents, _ := ReadCoNLLUFile("testdata/tiny.conllu")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, sents, TrainOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), nil, TrainOptions{}); err == nil {
		t.Error("no error for empty training data")
	}
	bad := []Sentence{{ID: "s1", Words: []Word{{Form: "x", XPOS: "_"}}}}
	if _, err := Train(context.Background(), bad, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "s1") {
		t.Errorf("err = %v, want one naming the sentence", err)
	}
}

func TestLoadErrors(t *testing.T) {
	good := saved(t, trainTiny(t))
	raw := gunzip(t, good)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("hello"), "not a gzip'd model"},
		{"bad magic", gz(t, []byte("something else entirely")), "not a khaldun POS model"},
		{"truncated", gz(t, raw[:len(raw)/2]), "EOF"},
		{"no trailer", gz(t, raw[:len(raw)-2]), "trailer"},
		{"garbage after", gz(t, append(append([]byte{}, raw...), 'x')), "garbage"},
		{"future version", gz(t, append([]byte(fileMagic), 9)), "version 9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(bytes.NewReader(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func gz(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gunzip(t testing.TB, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzLoad feeds the decoder corrupt models (gzip'd, so the fuzzer reaches
// past the gzip header) and tags with whatever loads: neither may panic.
func FuzzLoad(f *testing.F) {
	sents, err := ReadCoNLLUFile("testdata/tiny.conllu")
	if err != nil {
		f.Fatal(err)
	}
	m, err := Train(context.Background(), sents, TrainOptions{Iterations: 2})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(gunzip(f, buf.Bytes()))
	f.Add([]byte(fileMagic + "\x01\x01\x02NN\x00\x00\x00\x00\x00end\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := Load(bytes.NewReader(gz(t, raw)))
		if err != nil {
			return
		}
		toks := []khaldun.Token{{Text: "Rebels"}, {Text: "attacked"}, {Text: "“"}, {Text: "it"}, {Text: "”"}}
		NewTagger(m).Tag(toks)
	})
}
