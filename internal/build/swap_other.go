//go:build !linux

package build

func swap(tmp, out string) (string, error) { return swapRenames(tmp, out) }
