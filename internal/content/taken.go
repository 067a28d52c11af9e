package content

import (
	"bufio"
	"bytes"
	"io/fs"
	"strings"
)

// Taken lists the identities in use under content/ of fsys, for followup
// new to draw an id no other file has: every file's id: and every file's
// path under content/ (a file without an id is identified by its path).
// It reads the front matter's top-level id: line only, so it is quick at
// any size of search and works on files that do not check.
func Taken(fsys fs.FS) map[string]bool {
	files, _ := Find(fsys, Dir)
	taken := map[string]bool{}
	for _, f := range files {
		taken[f.Slug] = true
		data, err := fs.ReadFile(fsys, f.Path)
		if err != nil {
			continue
		}
		if id := frontID(data); id != "" {
			taken[id] = true
		}
	}
	return taken
}

// frontID is the value of the top-level id: line of a front matter, or "".
func frontID(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	sc.Buffer(nil, 1<<20)
	for n := 0; sc.Scan(); n++ {
		l := strings.TrimRight(sc.Text(), " \t\r")
		if n == 0 {
			if l != "---" {
				return ""
			}
			continue
		}
		if l == "---" {
			return ""
		}
		if v, ok := strings.CutPrefix(l, "id:"); ok {
			v, _, _ = strings.Cut(v, " #")
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}
