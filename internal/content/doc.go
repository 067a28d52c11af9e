// Package content reads a job search: every content/**/*.md file of an
// fs.FS becomes a followup.Application.
//
// A file is YAML front matter between two "---" lines, then markdown notes.
// The front matter is split here rather than by a library, so that a UTF-8
// BOM and CRLF line endings are accepted, an unclosed "---" is an error at
// 1:1 instead of silently becoming body text, and YAML line numbers are
// counted from the top of the file. Decoding is strict (go.yaml.in/yaml/v4
// with known fields), and every problem of every file is reported at once
// with the line and column of the offending value, including the semantic
// ones of docs/rules.md: content that contradicts itself.
package content
