package content

import (
	"bytes"
	"unicode/utf8"
)

var bom = []byte("\xef\xbb\xbf")

// split separates front matter from the body. front excludes both fence
// lines and keeps its line endings; bodyLine is the 1-based line where the
// body starts. ok is false when the file does not open with a "---" line
// or never closes it.
func split(data []byte) (front, body []byte, bodyLine int, problem string) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, 0, "empty file: want front matter between --- lines, then notes"
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, nil, 0, "not UTF-8 text: want a markdown file with front matter between --- lines"
	}
	line, rest, _ := cutLine(data)
	if string(line) != "---" {
		return nil, nil, 0, "file must start with a --- line opening the front matter"
	}
	start := len(data) - len(rest)
	n := 1
	for len(rest) > 0 {
		var l []byte
		pos := len(data) - len(rest)
		l, rest, _ = cutLine(rest)
		n++
		if string(l) == "---" {
			return data[start:pos], rest, n + 1, ""
		}
	}
	return nil, nil, 0, "front matter opened with --- is never closed by a --- line"
}

// cutLine returns the first line without its terminator (\n or \r\n).
func cutLine(b []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return bytes.TrimSuffix(b, []byte("\r")), nil, false
	}
	return bytes.TrimSuffix(b[:i], []byte("\r")), b[i+1:], true
}
