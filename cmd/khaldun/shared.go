package main

import (
	"os"
	"path/filepath"
)

// sharedPath locates a file of the shared evaluation sets: under
// $KHALDUN_SHARED when set, else ../shared beside the working directory,
// where a checkout next to the sets finds them.
func sharedPath(rel string) string {
	dir := os.Getenv("KHALDUN_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "shared")
	}
	return filepath.Join(dir, filepath.FromSlash(rel))
}
