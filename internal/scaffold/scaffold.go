// Package scaffold writes new files for the user: an application from
// `followup new`, and a whole new search from `followup init`.
package scaffold

import (
	"bytes"
	_ "embed"
	"strconv"
	"strings"
	"text/template"
)

//go:embed application.md.tmpl
var applicationTmpl string

var app = template.Must(template.New("application").Funcs(template.FuncMap{"yaml": quote}).Parse(applicationTmpl))

// NewApplication is what `followup new` asks for, and what `followup
// import` reads from a row.
type NewApplication struct {
	ID                                   string // followup.NewID: names it in calendar UIDs
	Company, Role, Posting, Location, TZ string
	Applied                              string // YYYY-MM-DD; omitted when empty
	Via, Address, Phone                  string // optional fields of the employer
	ContactName, ContactEmail            string // a contact block when ContactName is set
	ContactPhone                         string
	Notes                                string // the body; a prompt when empty
}

// Application renders a new application file.
func Application(n NewApplication) []byte {
	var b bytes.Buffer
	if err := app.Execute(&b, n); err != nil {
		panic(err) // the template is ours and fixed; a failure is a bug
	}
	return b.Bytes()
}

// quote writes s as a YAML scalar, quoted only when it has to be.
func quote(s string) string {
	if s == "" || strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`\\\n") || strings.TrimSpace(s) != s ||
		strings.HasPrefix(s, "-") || strings.HasPrefix(s, "?") {
		return strconv.Quote(s)
	}
	switch strings.ToLower(s) {
	case "yes", "no", "true", "false", "on", "off", "null", "~":
		return strconv.Quote(s)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.Quote(s)
	}
	return s
}
