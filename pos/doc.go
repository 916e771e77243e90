// Package pos tags tokens with Penn Treebank part-of-speech tags and
// lower-case lemmas.
//
// The tagger is a greedy left-to-right averaged perceptron (Collins 2002;
// the design popularised by Honnibal's "A good part-of-speech tagger in
// about 200 lines of Python"): features are hashed to 64 bits instead of
// being built as strings, frequent unambiguous words are tagged from a
// dictionary, and each word's ambiguity class (the tags it had in training)
// gives a cheap view of the words to the right, which greedy decoding has
// not tagged yet. The lemmatiser undoes regular inflection with suffix
// rules and stores whatever the rules get wrong on the treebank as
// exceptions.
//
// The shipped model, model/en.bin.gz, is trained on the Universal
// Dependencies English Web Treebank (Silveira et al. 2014; UD_English-EWT,
// CC BY-SA 4.0) by
//
//	khaldun train pos --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu --out pos/model/en.bin.gz
//
// which calls TrainFiles and is deterministic: it rewrites the same bytes.
package pos
