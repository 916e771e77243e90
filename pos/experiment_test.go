package pos

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"

	"github.com/khaldun/khaldun"
)

func TestExperiment(t *testing.T) {
	if os.Getenv("KHALDUN_EXP") == "" {
		t.Skip()
	}
	d := "/work/shared/data/ud/"
	train, _ := ReadCoNLLUFile(d + "en_ewt-ud-train.conllu")
	dev, _ := ReadCoNLLUFile(d + "en_ewt-ud-dev.conllu")
	it, _ := strconv.Atoi(os.Getenv("KHALDUN_EXP"))
	mw, _ := strconv.Atoi(os.Getenv("KHALDUN_MW"))
	dc, _ := strconv.Atoi(os.Getenv("KHALDUN_DC"))
	m, err := Train(context.Background(), train, TrainOptions{Iterations: it, MinWeight: mw, DictMinCount: dc})
	if err != nil {
		t.Fatal(err)
	}
	tg := NewTagger(m)
	acc := tg.Evaluate(dev)
	fmt.Printf("POS %.2f lemma %.2f feats %d weights %d\n", 100*acc.POS(), 100*acc.Lemma(), len(m.keys), len(m.weights))
	conf := map[string]int{}
	lemErr := map[string]int{}
	for _, s := range dev {
		var toks []khaldun.Token
		for _, w := range s.Words {
			toks = append(toks, khaldun.Token{Text: w.Form})
		}
		tg.Tag(toks)
		for i, w := range s.Words {
			if toks[i].POS != w.XPOS {
				conf[w.XPOS+"→"+toks[i].POS]++
			}
			if toks[i].Lemma != lowerForm(w.Lemma) {
				lemErr[w.Form+"/"+toks[i].POS+" "+toks[i].Lemma+"≠"+lowerForm(w.Lemma)]++
			}
		}
	}
	top(conf, 25)
	if os.Getenv("KHALDUN_LEM") != "" {
		top(lemErr, 60)
	}
}

func top(m map[string]int, n int) {
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range m {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
	for i := 0; i < n && i < len(l); i++ {
		fmt.Printf("%5d %s\n", l[i].v, l[i].k)
	}
}
