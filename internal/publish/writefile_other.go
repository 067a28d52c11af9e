//go:build !unix

package publish

import "os"

func writeFile(path string, data []byte, reuse bool) error {
	return os.WriteFile(path, data, 0o644)
}
