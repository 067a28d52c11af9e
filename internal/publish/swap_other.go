//go:build !linux

package publish

func swap(tmp, out string) (string, error) { return swapRenames(tmp, out) }
