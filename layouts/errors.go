package layouts

import (
	"regexp"
	"strconv"

	"github.com/followup-tool/followup/internal/followup"
)

// The template packages report problems as text, in two shapes:
//
//	template: base.html:12: function "nope" not defined          (parse)
//	template: base.html:12:4: executing "main" at <.X>: ...      (execute)
//	html/template:base.html: ends in a non-text context: ...      (escaper)
//
// html/template prefixes "html/template:" to its escaper's messages. This
// is the one place that reads those strings; TestTemplateErrorShapes
// feeds it real errors from both packages, so a Go release that changes
// the wording fails a test instead of losing the positions.
var reTemplate = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+)(?::(\d+))?(?::(\d+))?: ?(.*)$`)

// TemplateError turns a template package's error into a positioned error
// at display, the file as messages name it (Theme.ReadFile). Without a
// position in the text, the error is placed at 1:1.
func TemplateError(display string, err error) *followup.Error {
	msg, line, col := err.Error(), 1, 1
	if m := reTemplate.FindStringSubmatch(msg); m != nil {
		if m[2] != "" {
			line, _ = strconv.Atoi(m[2])
		}
		if m[3] != "" {
			col, _ = strconv.Atoi(m[3])
		}
		msg = m[4]
	}
	return &followup.Error{Pos: followup.Pos{Path: display, Line: line, Col: col}, Msg: msg}
}

// TemplateName is the template file a template package's error names
// ("base.html" in "template: base.html:3: ..."), or "".
func TemplateName(err error) string {
	if m := reTemplate.FindStringSubmatch(err.Error()); m != nil {
		return m[1]
	}
	return ""
}
