package content

import (
	"errors"
	"io"
	"io/fs"
	"testing"
	"time"
)

// endless is a file that says it is small and regular but never ends, as
// a file still being written or a lying file system might: the limit is
// kept while reading, not judged from the size beforehand.
type endless struct{ read *int64 }

func (e endless) Open(string) (fs.File, error) { return endlessFile(e), nil }

type endlessFile endless

func (f endlessFile) Stat() (fs.FileInfo, error) { return smallInfo{}, nil }
func (f endlessFile) Read(b []byte) (int, error) {
	*f.read += int64(len(b))
	return len(b), nil
}
func (f endlessFile) Close() error { return nil }

type smallInfo struct{}

func (smallInfo) Name() string       { return "x.md" }
func (smallInfo) Size() int64        { return 10 }
func (smallInfo) Mode() fs.FileMode  { return 0o644 }
func (smallInfo) ModTime() time.Time { return time.Time{} }
func (smallInfo) IsDir() bool        { return false }
func (smallInfo) Sys() any           { return nil }

func TestReadRegularLimitWhileReading(t *testing.T) {
	var n int64
	_, err := ReadRegular(endless{&n}, "x.md", 1000)
	if !errors.Is(err, errTooBig) {
		t.Fatalf("err = %v, want ErrTooBig", err)
	}
	if n > 1000+512+1 {
		t.Errorf("read %d bytes for a limit of 1000", n)
	}
}

var _ io.Reader = endlessFile{}
