package cli

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/imports"
	"github.com/followup-tool/followup/internal/zone"
)

// mapFlag collects --map COLUMN=FIELD.
type mapFlag map[string]string

func (m mapFlag) String() string { return "" }

func (m mapFlag) Set(s string) error {
	col, field, ok := strings.Cut(s, "=")
	col, field = strings.TrimSpace(col), strings.TrimSpace(field)
	if !ok || col == "" {
		return fmt.Errorf("want COLUMN=FIELD, not %q", s)
	}
	if field != "-" && !slices.Contains(imports.Fields, field) {
		return fmt.Errorf("%q: want one of %s, or - to leave the column out", field, strings.Join(imports.Fields, ", "))
	}
	m[col] = field
	return nil
}

func runImport(env *Env, args []string) error {
	fs, c := newFlags("import", " FILE.csv", env)
	format := fs.String("format", "", "linkedin, huntr or csv (default: detected from the header)")
	m := mapFlag{}
	fs.Var(m, "map", "place a column on a field, `COLUMN=FIELD` (repeatable); FIELD - leaves it out")
	dry := fs.Bool("dry-run", false, "print what would be created; write nothing")
	skipBad := fs.Bool("skip-bad", false, "import the valid rows even when others have problems")
	keep := fs.Bool("keep-answers", false, "keep LinkedIn's \"Question And Answers\" column in the notes (it can hold the salary you asked for)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"import: want one FILE.csv\nusage: followup import [flags] FILE.csv"}
	}
	switch imports.Format(*format) {
	case "", imports.LinkedIn, imports.Huntr, imports.CSV:
	default:
		return usageError{fmt.Sprintf("import: --format %q: want linkedin, huntr or csv", *format)}
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	l, err := load(env, c)
	if err != nil {
		return err
	}
	tz := l.Config.Timezone
	loc, err := zone.Load(tz)
	if err != nil {
		return err
	}
	f, errs := imports.Read(pos[0], data, imports.Options{Format: imports.Format(*format), Map: m, Loc: loc, KeepAnswers: *keep})
	recs, verrs := imports.Validate(pos[0], f.Records, f.Format, tz)
	errs = append(errs, verrs...)
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b imports.Error) int { return a.Line - b.Line })
		fmt.Fprintln(env.Stderr, errs.Error())
		if !*skipBad || f.Fatal {
			fmt.Fprintf(env.Stderr, "nothing imported: %d problem(s)", len(errs))
			if !f.Fatal {
				fmt.Fprint(env.Stderr, " (--skip-bad imports the other rows)")
			}
			fmt.Fprintln(env.Stderr)
			return contentError{len(errs)}
		}
	}
	dir := filepath.Join(c.dir(), content.Dir)
	onDisk := func(slug string) bool {
		_, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(slug)+".md"))
		return err == nil
	}
	plan := imports.MakePlan(recs, imports.ExistingOf(l.Project.Apps), onDisk, rand.Reader)
	source := filepath.Base(pos[0])
	verb := "created"
	if *dry {
		verb = "would create"
	}
	for _, p := range plan.Create {
		file := imports.FileOf(p, source, f.Format)
		if !*dry {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			base := p.Slug
			for n := 2; ; n++ {
				err := createFile(filepath.Join(dir, p.Slug+".md"), file, 0o644)
				if errors.Is(err, os.ErrExist) && n < 1000 {
					// Someone made the file since the plan: the next name.
					p.Slug = fmt.Sprintf("%s-%d", base, n)
					continue
				}
				if err != nil {
					return err
				}
				break
			}
		}
		fmt.Fprintf(env.Stdout, "%s %s (line %d: %s, %s)\n", verb, filepath.ToSlash(filepath.Join(c.dir(), content.Dir, p.Slug+".md")), p.Line, p.Company, p.Role)
	}
	for _, s := range plan.Skip {
		same := "repeats " + s.Same
		if !strings.HasPrefix(s.Same, "line ") {
			same = "already in " + filepath.ToSlash(filepath.Join(c.dir(), content.Dir, s.Same+".md"))
		}
		fmt.Fprintf(env.Stdout, "skipped line %d: %s, %s: %s\n", s.Line, s.Company, s.Role, same)
	}
	summary := "%d created, %d already there"
	if *dry {
		summary = "%d to create, %d already there (dry run: nothing written)"
	}
	fmt.Fprintf(env.Stdout, summary, len(plan.Create), len(plan.Skip))
	if n := badRows(errs); n > 0 {
		fmt.Fprintf(env.Stdout, ", %d row(s) with problems left out", n)
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

// badRows counts the rows left out (one or more problems each).
func badRows(errs imports.Errors) int {
	lines := map[int]bool{}
	for _, e := range errs {
		lines[e.Line] = true
	}
	return len(lines)
}
