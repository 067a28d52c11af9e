package imports

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding names how a file's bytes were read.
type Encoding string

const (
	UTF8        Encoding = "UTF-8"
	utf8BOM     Encoding = "UTF-8 with BOM"
	utf16LE     Encoding = "UTF-16LE"
	utf16BE     Encoding = "UTF-16BE"
	windows1252 Encoding = "Windows-1252"
)

// decode turns a file's bytes into text. A byte order mark decides; without
// one, UTF-16 is recognised by its zero bytes (text in a Latin script has
// one in every other byte), then UTF-8 by being valid; anything else is
// read as Windows-1252, what Excel on Windows saves as "CSV".
func decode(b []byte) (string, Encoding) {
	switch {
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return toValidUTF8(b[3:]), utf8BOM
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return fromUTF16(b[2:], binary.LittleEndian), utf16LE
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return fromUTF16(b[2:], binary.BigEndian), utf16BE
	}
	if len(b) >= 4 && len(b)%2 == 0 {
		even, odd := 0, 0
		n := min(len(b), 512)
		for i := 0; i < n; i += 2 {
			if b[i] == 0 {
				even++
			}
			if b[i+1] == 0 {
				odd++
			}
		}
		switch half := n / 4; {
		case odd > half && even == 0:
			return fromUTF16(b, binary.LittleEndian), utf16LE
		case even > half && odd == 0:
			return fromUTF16(b, binary.BigEndian), utf16BE
		}
	}
	if utf8.Valid(b) {
		return string(b), UTF8
	}
	return fromWindows1252(b), windows1252
}

func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return fromWindows1252(b)
}

func fromUTF16(b []byte, order binary.ByteOrder) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = order.Uint16(b[2*i:])
	}
	s := string(utf16.Decode(u))
	// A BOM repeated inside (files joined together) is not text.
	return strings.ReplaceAll(s, "\ufeff", "")
}

// cp1252 maps the bytes 0x80–0x9f of Windows-1252; the others are Latin-1.
var cp1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

func fromWindows1252(b []byte) string {
	var s strings.Builder
	s.Grow(len(b) + len(b)/4)
	for _, c := range b {
		switch {
		case c < 0x80:
			s.WriteByte(c)
		case c < 0xa0:
			s.WriteRune(cp1252[c-0x80])
		default:
			s.WriteRune(rune(c))
		}
	}
	return s.String()
}

// separator guesses the separator from the header line: the most frequent
// of comma, semicolon and tab outside quotes (a comma on a tie, and when
// there is none: a one-column file).
func separator(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if r == '\n' {
			break
		}
		if r == ',' || r == ';' || r == '\t' {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
