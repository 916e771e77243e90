// Package parse is a greedy transition-based dependency parser for the
// event coder: it gives every token a head and a Universal Dependencies
// relation (nsubj, obj, obl, xcomp, ccomp, ...), so that source and target
// can be read off the verb's arguments instead of guessed from word order.
//
// The parser is arc-eager (Nivre 2003) with the feature set of Zhang and
// Nivre (2011), an averaged perceptron over hashed features and the dynamic
// oracle of Goldberg and Nivre (2012). It reads tokens tagged by khaldun's
// own POS tagger, and it is trained on treebank words tagged by khaldun
// taggers that had not seen them (4-fold jackknifing), so that it learns
// from tags as wrong as the ones it will see at run time.
//
// The model, parse/model/en.bin.gz, is produced by TrainFiles from the UD
// English Web Treebank; see parse/model/README.md.
package parse
