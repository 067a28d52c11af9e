// Package site renders the static site: index.html (the agenda and the
// pipeline) and one page per application at <slug>/index.html, plus the
// stylesheet and the small script they share. It works in memory: Render
// hands every file to an Emit callback and never touches the disk, so
// `build` writes the files and `serve` keeps them in a map.
//
// # Layouts
//
// The pages come from html/template files embedded in the binary
// (layouts/ in this package). A file of the same name under layouts/ in
// the project replaces one:
//
//	layouts/base.html         the document around every page, and the
//	                          shared parts: "action" (one follow-up with
//	                          its draft) and "subscribe" (the feed box)
//	layouts/index.html        defines "main" for index.html (IndexPage)
//	layouts/application.html  defines "main" for each application (AppPage)
//	layouts/style.css         the one stylesheet
//	layouts/site.js           re-buckets the agenda by the viewer's clock,
//	                          sorts the table, copies drafts
//
// The data each template receives is IndexPage or AppPage; their fields
// are the contract for overrides. Links are relative (Page.Root leads back
// to the site's root), so a site works from file://, at a domain root and
// under a subpath.
//
// # Privacy
//
// Notes and drafts are private. In a public build (Config.Public) the
// views are built without contacts' emails and phone numbers, drafts,
// mailto: links, what was learned in interviews, replies' text, log notes
// and the notes: the data never reaches a template, so no layout can show
// it by mistake. User text is escaped by html/template everywhere; the only
// HTML that is not escaped is goldmark's output for the notes, which is
// rendered safely (raw HTML dropped, javascript: links emptied).
//
// # Time
//
// Everything is computed at the plan's now, and the output is the same
// bytes for the same inputs. The agenda's buckets (overdue, today, this
// week, later) are computed at build time and again in the browser: each
// action carries its due instant, its day and its zone, so a page built on
// Monday is right when opened on Thursday.
package site
