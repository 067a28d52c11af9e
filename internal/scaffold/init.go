package scaffold

import (
	"bytes"
	"embed"
	"strconv"
	"strings"
	"text/template"
	"time"
)

//go:embed project
var projectFiles embed.FS

// NewProject is what `followup init` needs to know.
type NewProject struct {
	Timezone string    // IANA zone for followup.toml and the example
	Output   string    // the site's directory, for .gitignore and the workflow ("public")
	Today    time.Time // the example's dates are set around it, in Timezone
	Holidays string    // the holiday calendar proposed for Timezone ("US"), or ""
	// ExampleID is the example application's id (followup.NewID).
	ExampleID string
}

// File is one file of a new project.
type File struct {
	Path string // slash-separated, relative to the project
	Data []byte
}

// Project renders the files of a new search: the settings, one example
// application, a .gitignore for the built site, and a GitHub Actions
// workflow that rebuilds the public site daily and deploys it to Pages.
func Project(p NewProject) []File {
	if p.Output == "" {
		p.Output = "public"
	}
	today := p.Today
	day := func(n int) string { return today.AddDate(0, 0, n).Format("2006-01-02") }
	data := map[string]string{
		"Timezone": p.Timezone,
		"Holidays": p.Holidays,
		"Output":   p.Output,
		"Applied":  day(-10),
		"Heard":    day(-6),
		"Round":    day(-1) + " 16:00",
		"RoundDay": day(-1),
		"ID":       p.ExampleID,
	}
	render := func(name string) []byte {
		src, err := projectFiles.ReadFile("project/" + name)
		if err != nil {
			panic(err) // embedded; a failure is a bug
		}
		t := template.Must(template.New(name).Funcs(template.FuncMap{"quote": strconv.Quote}).Parse(string(src)))
		var b bytes.Buffer
		if err := t.Execute(&b, data); err != nil {
			panic(err)
		}
		return b.Bytes()
	}
	workflow, _ := projectFiles.ReadFile("project/workflow.yml")
	return []File{
		{"followup.toml", render("followup.toml.tmpl")},
		{"content/example-studio.md", render("example.md.tmpl")},
		{".gitignore", render("gitignore.tmpl")},
		{".github/workflows/followup.yml", []byte(strings.ReplaceAll(string(workflow), "OUTPUT_DIR", p.Output))},
	}
}
