// Package perceptron holds the averaged-perceptron machinery shared by the
// pos tagger, the entity tagger and the dependency parser: hashed feature
// keys, the read-only weight table used at run time, the averaged weights
// used while training, and the atomic write of a trained model file.
//
// Everything here is part of the shipped model files' meaning: the hash
// functions define the feature keys stored in them and the table defines
// how those keys are found again, so none of it may change without
// retraining every model.
package perceptron
