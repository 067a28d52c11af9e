// Package layouts is followup's default theme: every page, the stylesheet,
// the script and every draft template. It is the only source of them; a
// project's own layouts/ directory overrides any file of it by name.
package layouts

import "embed"

// FS holds the theme as it sits in this directory: base.html, index.html,
// application.html, closed.html, style.css, site.js and drafts/<kind>.tmpl.
//
//go:embed *.html *.css *.js drafts/*.tmpl
var FS embed.FS
