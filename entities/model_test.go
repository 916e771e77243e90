package entities

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func tinyModel(t testing.TB) (*Model, []Sentence) {
	t.Helper()
	sents, err := ReadCoNLLFile("testdata/tiny.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), sents, TrainOptions{Iterations: 5, MinWeight: 1})
	if err != nil {
		t.Fatal(err)
	}
	return m, sents
}

func TestModelRoundTrip(t *testing.T) {
	m, sents := tinyModel(t)
	var a bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	back, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.keys, back.keys) || !slices.Equal(m.offs, back.offs) || !slices.Equal(m.weights, back.weights) {
		t.Fatal("loaded model differs from the saved one")
	}
	var b bytes.Buffer
	if err := back.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("saving a loaded model gives other bytes")
	}
	// The tiny model learns its own training set.
	sc, err := back.Evaluate(sents)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, f := sc.PRF(); f < 0.99 {
		t.Errorf("tiny model on its training set: F1 %.3f", f)
	}
}

func TestTrainDeterministic(t *testing.T) {
	dir := t.TempDir()
	var outs [2][]byte
	for i := range outs {
		out := filepath.Join(dir, "m.bin.gz")
		var log bytes.Buffer
		if err := TrainFiles(context.Background(), "testdata/tiny.txt", "testdata/tiny.txt", out, &log); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(log.String(), "4-type") {
			t.Errorf("log lacks the dev score:\n%s", log.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = b
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two trainings on the same data gave different files")
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), nil, TrainOptions{}); err == nil {
		t.Error("training on nothing: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sents, _ := ReadCoNLLFile("testdata/tiny.txt")
	if _, err := Train(ctx, sents, TrainOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled training: %v", err)
	}
	err := TrainFiles(context.Background(), "testdata/missing.txt", "testdata/tiny.txt", filepath.Join(t.TempDir(), "m"), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing training file: %v", err)
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestLoadErrors(t *testing.T) {
	m, _ := tinyModel(t)
	var good bytes.Buffer
	if err := m.Save(&good); err != nil {
		t.Fatal(err)
	}
	raw, err := gzip.NewReader(bytes.NewReader(good.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	plain.ReadFrom(raw)
	p := plain.Bytes()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("hello"), "not a gzip'd model"},
		{"other magic", gz([]byte("khaldun-pos\n\x01")), "not a khaldun entity model"},
		{"version", gz([]byte(fileMagic + "\x09")), "version 9"},
		{"tag count", gz([]byte(fileMagic + "\x01\x05")), "5 tags"},
		{"truncated", gz(p[:len(p)-10]), "entities: load"},
		{"no trailer", gz(p[:len(p)-len(fileTrailer)]), "missing end marker"},
		{"garbage", gz(append(slices.Clone(p), 'x')), "garbage"},
		{"huge count", gz([]byte(fileMagic + "\x01\x11\xff\xff\xff\xff\x0f")), "features, at most"},
	}
	for _, c := range cases {
		_, err := Load(bytes.NewReader(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func FuzzLoad(f *testing.F) {
	m, _ := tinyModel(f)
	var good bytes.Buffer
	if err := m.Save(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add(gz([]byte(fileMagic + "\x01\x11\x01\x05\x01\x03\x07end\n")))
	text := prepareText(f, "Ana Lee met the Board of Omra in Velk.", "")
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever loads must tag without panicking.
		a, err := NewWithModel(m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Mentions(context.Background(), text); err != nil {
			t.Fatal(err)
		}
	})
}

func TestDefaultModelLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.keys) < 50000 {
		t.Errorf("shipped model has only %d features", len(m.keys))
	}
}
