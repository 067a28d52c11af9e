package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/followup-tool/followup/layouts"
)

// runTheme copies the default theme into a project's layouts/, where
// every file of it overrides the built-in copy, ready to be edited. Files
// the project already has are left alone, so it can be run again after
// an upgrade to fetch what is new.
func runTheme(env *Env, args []string) error {
	fs, c := newFlags("theme", "", env)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	dir := filepath.Join(c.dir(), layouts.Dir)
	var made, kept []string
	for _, name := range layouts.Names() {
		if strings.HasSuffix(name, ".go") {
			continue
		}
		data, err := readTheme(name)
		if err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		switch err := writeNew(p, data); {
		case err == nil:
			made = append(made, name)
		case errors.Is(err, os.ErrExist):
			kept = append(kept, name)
		default:
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "Copied %s of the default theme into %s: edit them, and followup uses your copies.\n", plural(len(made), "file"), dir)
	for _, n := range made {
		fmt.Fprintf(env.Stdout, "  %s\n", n)
	}
	if len(kept) > 0 {
		fmt.Fprintf(env.Stdout, "Left your own %s as they are: %s\n", plural(len(kept), "file"), strings.Join(kept, ", "))
	}
	return nil
}

func readTheme(name string) ([]byte, error) { return fs.ReadFile(layouts.FS, name) }
