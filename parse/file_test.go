package parse

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
)

func tinyModel(t testing.TB) *Model {
	t.Helper()
	sents, err := ReadCoNLLUFile("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), sents, TrainOptions{Iterations: 3, MinWeight: 1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func save(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestModelRoundTrip(t *testing.T) {
	m := tinyModel(t)
	data := save(t, m)
	loaded, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(save(t, loaded), data) {
		t.Error("saving the loaded model gives different bytes")
	}
	if !bytes.Equal(save(t, tinyModel(t)), data) {
		t.Error("training is not deterministic")
	}
	toks := []khaldun.Token{{Text: "Rebels", POS: "NNS"}, {Text: "attacked", POS: "VBD"},
		{Text: "the", POS: "DT"}, {Text: "convoy", POS: "NN"}}
	a, b := NewParser(m).Parse(toks), NewParser(loaded).Parse(toks)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("in memory %v, loaded %v", a, b)
	}
	// The model learnt its sentence: a check that training does train.
	if a[1].Head != -1 || a[0] != (Arc{1, "nsubj"}) || a[3] != (Arc{1, "obj"}) {
		t.Errorf("training sentence parsed as %v", a)
	}
}

func gz(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.Bytes()
}

func TestLoadErrors(t *testing.T) {
	good := save(t, tinyModel(t))
	var raw bytes.Buffer
	zr, _ := gzip.NewReader(bytes.NewReader(good))
	raw.ReadFrom(zr)
	body := raw.String()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a gzip"},
		{"not gzip", []byte("hello"), "not a gzip"},
		{"magic", gz("khaldun-pos\n\x01"), "not a khaldun parser model"},
		{"version", gz(fileMagic + "\x09"), "version 9"},
		{"labels", gz(fileMagic + "\x01\x01\x03dep"), `"root"`},
		{"truncated", gz(body[:len(body)/2]), "weights"},
		{"no trailer", gz(strings.TrimSuffix(body, fileTrailer)), "trailer"},
		{"garbage", gz(body + "x"), "garbage"},
		{"gzip cut", good[:len(good)-6], "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(bytes.NewReader(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

func FuzzLoad(f *testing.F) {
	good := save(f, tinyModel(f))
	f.Add(good)
	var raw bytes.Buffer
	zr, _ := gzip.NewReader(bytes.NewReader(good))
	raw.ReadFrom(zr)
	// Fuzzing the compressed bytes mostly tests gzip's checksum; fuzzing
	// the content reaches the decoder.
	f.Add(raw.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, gz(string(data))} {
			m, err := Load(bytes.NewReader(in))
			if err != nil {
				continue
			}
			// A model that loads must parse without panicking.
			toks := []khaldun.Token{{Text: "a", POS: "DT"}, {Text: "b", POS: "NN"}, {Text: "c", POS: "VBD"}}
			checkArcs(t, NewParser(m).Parse(toks), len(toks))
		}
	})
}
