package site

import (
	"bufio"
	"bytes"
	"html/template"
	"strconv"
	"sync"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// prefixAttr carries a document's id prefix from Markdown to the footnote
// renderer, so one goldmark instance serves every page.
var prefixAttr = []byte("followup-id-prefix")

// md renders notes. The renderer is goldmark's safe default: raw HTML is
// dropped and javascript:, vbscript: and data: (except images) links become
// empty. Never add html.WithUnsafe(): it turns the URL filter off as well.
// The Typographer is for notes only; drafts and mailto: bodies stay plain
// text.
var md = goldmark.New(
	goldmark.WithExtensions(
		extension.GFM,
		extension.Typographer,
		extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(func(n ast.Node) []byte {
			if d := n.OwnerDocument(); d != nil {
				if v, ok := d.AttributeString(string(prefixAttr)); ok {
					if b, ok := v.([]byte); ok {
						return b
					}
				}
			}
			return nil
		})),
	),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// markdown renders a note to HTML. prefix starts every id the note
// creates (headings, footnotes), so notes never collide with the page's
// own ids or with each other.
func markdown(src []byte, prefix string) (template.HTML, error) {
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{prefix: prefix, used: map[string]bool{}}))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	doc.OwnerDocument().SetAttributeString(string(prefixAttr), []byte(prefix))
	out := outs.Get().(*mdOut)
	defer outs.Put(out)
	out.b.Reset()
	out.w.Reset(&out.b)
	if err := md.Renderer().Render(out.w, src, doc); err != nil {
		return "", err
	}
	// Safe: goldmark's default renderer escapes text and drops raw HTML
	// and dangerous URLs; no other string is ever converted to HTML.
	return template.HTML(out.b.String()), nil
}

// mdOut is where a note is rendered before it becomes a string. Reused:
// at 100,000 applications a fresh buffer and bufio.Writer for every note
// were 0.5 GB of the build's 10.9 GB of garbage.
type mdOut struct {
	b bytes.Buffer
	w *bufio.Writer // goldmark wraps any other io.Writer in a new one
}

var outs = sync.Pool{New: func() any {
	o := &mdOut{}
	o.w = bufio.NewWriterSize(&o.b, 4096)
	return o
}}

// headingIDs makes heading ids that keep letters of every script (goldmark's
// default keeps ASCII only, so "# 日本" would get an empty id).
type headingIDs struct {
	prefix string
	used   map[string]bool
	next   map[string]int // base -> the next suffix to try
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b bytes.Buffer
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	base := h.prefix + b.String()
	if b.Len() == 0 {
		base = h.prefix + "heading"
	}
	id := base
	if h.used[id] {
		// From the last suffix this base was given: counting from 1 for
		// every repeat made 20,000 headings of one name take 48 s.
		n := max(h.next[base], 1)
		for id = base + "-" + strconv.Itoa(n); h.used[id]; n++ {
			id = base + "-" + strconv.Itoa(n+1)
		}
		if h.next == nil {
			h.next = map[string]int{}
		}
		h.next[base] = n + 1
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
