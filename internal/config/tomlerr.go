package config

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/pelletier/go-toml/v2"
)

// This file is the adapter between go-toml's errors and followup's
// messages: the only place that reads the library's wording. Positions
// come from the library's DecodeError (converted from bytes to
// characters); the wording is matched only to say what went wrong in a
// job seeker's words. TestTOMLErrorShapes feeds the library real
// mistakes and fails when a new release words one of them differently.

var (
	reType      = regexp.MustCompile(`^cannot decode TOML (.+?) into struct field \S+ of type (\S+)$`)
	reDuplicate = regexp.MustCompile(`^key (\S+) is already defined$`)
)

// tomlError is go-toml's error about the document data (named display
// in messages) at its place: a DecodeError's, else the file's start.
func tomlError(data []byte, display string, err error) *followup.Error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return &followup.Error{Pos: followup.Pos{Path: display, Line: max(row, 1), Col: runeColumn(data, row, col)}, Msg: decodeMessage(de)}
	}
	return &followup.Error{Pos: followup.Pos{Path: display, Line: 1, Col: 1}, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

// decodeMessage rewrites go-toml's decoding errors, which name Go types.
func decodeMessage(de *toml.DecodeError) string {
	key := strings.Join(de.Key(), ".")
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	if m := reType.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s: want %s, not %s", key, goTypeName(m[2], key), tomlKindName(m[1]))
	}
	if m := reDuplicate.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s: written twice; keep one", m[1])
	}
	if msg == "basic strings cannot have new lines" {
		return `text in quotes must end on the same line: add the closing "`
	}
	if key != "" {
		return key + ": " + msg
	}
	return msg
}

func goTypeName(t, key string) string {
	switch strings.TrimPrefix(t, "*") {
	case "string":
		return "text in quotes"
	case "int":
		return "a whole number"
	case "bool":
		return "true or false"
	}
	if strings.HasPrefix(strings.TrimPrefix(t, "*"), "config.raw") {
		return fmt.Sprintf("a table ([%s] followed by its keys)", key)
	}
	return "another kind of value"
}

// runeColumn turns go-toml's column, counted in bytes, into one counted
// in characters, as every other position is ("title = "éé" was placed
// past the end of its line; found by FuzzParse).
func runeColumn(data []byte, row, col int) int {
	lines := bytes.Split(data, []byte("\n"))
	if row < 1 || row > len(lines) || col < 1 {
		return max(col, 1)
	}
	line := bytes.TrimSuffix(lines[row-1], []byte("\r"))
	end := min(col-1, len(line))
	for end > 0 && end < len(line) && !utf8.RuneStart(line[end]) {
		end-- // a column inside a character is that character's
	}
	return utf8.RuneCount(line[:end]) + 1
}
