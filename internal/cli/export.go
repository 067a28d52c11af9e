package cli

import (
	"fmt"

	"github.com/followup-tool/followup/internal/export"
)

func runExport(env *Env, args []string) error {
	fs, c := newFlags("export", "", env)
	format := fs.String("format", "csv", "csv or json")
	private := fs.Bool("private", false, "add contacts' names, emails and phones, and the employer's address and phone")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	if *format != "csv" && *format != "json" {
		return usageError{fmt.Sprintf("export: --format %q: want csv or json", *format)}
	}
	l, err := load(env, c)
	if err != nil {
		return err
	}
	rows := export.Rows(l.Project.Apps, l.Plan, *private)
	if *format == "json" {
		return export.JSON(env.Stdout, rows)
	}
	return export.CSV(env.Stdout, rows, *private)
}
