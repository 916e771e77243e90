// Package entities finds named entities — PERSON, ORG, LOC, MISC — in
// analysed text, codes the ones khaldun's dictionaries know, and links
// later mentions of a name to its first ("Haniyeh" after "Ismail
// Haniyeh", "PA" after "Palestinian Authority (PA)").
//
// The tagger is a greedy left-to-right averaged perceptron over BILOU tags
// (Collins 2002; Ratinov and Roth 2009 for the tag scheme), built like
// package pos: features are 64-bit hashes, weights are averaged,
// quantised to int16 and stored sparsely, and decoding only considers tags
// that continue the previous one. Features are the word, its case and
// shape, prefixes and suffixes, two words either side, the POS tags
// khaldun's own tagger gives (so training and run time see the same tags),
// the previous two predictions, and gazetteer features from khaldun's
// dictionaries (lexicon/data: countries, organisations, people, agents).
// Greedy decoding was kept because, with BILOU, Viterbi gains little for
// NER (Ratinov and Roth report 0.1 F1) and greedy allows features of the
// previous tags conjoined with the word.
//
// Training text is rebuilt from the CoNLL tokens and tokenised by
// khaldun's tokenizer, with the gold names projected onto its tokens by
// byte overlap, so the model learns on the tokens it will see.
//
// The shipped model, model/en.bin.gz, is trained on CoNLL-2003 English
// (Tjong Kim Sang and De Meulder 2003) by
//
//	khaldun train ner --train conll2003/train.txt --dev conll2003/dev.txt --out entities/model/en.bin.gz
//
// which calls TrainFiles. Training is deterministic, but the gazetteer
// features come from the lexicon as it is at training time, so the bytes
// are reproduced only with the same dictionaries. On CoNLL-2003 dev it
// scores 0.881 span F1 over four types and 0.887 over PERSON, ORG and LOC.
package entities
