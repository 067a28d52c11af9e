package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/holiday"
	"github.com/followup-tool/followup/internal/scaffold"
	"github.com/followup-tool/followup/internal/zone"
)

func runInit(env *Env, args []string) error {
	fs, c := newFlags("init", " DIR", env)
	tz := fs.String("tz", "", "IANA time zone for followup.toml (default: this machine's)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"init: want one directory, e.g. followup init job-search\nusage: followup init [flags] DIR"}
	}
	dir := pos[0]
	now, err := c.moment(env)
	if err != nil {
		return err
	}
	tzName := *tz
	if tzName == "" {
		tzName = localZone(env)
	}
	loc, err := zone.Load(tzName)
	if err != nil {
		return usageError{fmt.Sprintf("init: --tz %q: want an IANA zone such as America/New_York", tzName)}
	}
	// The holiday calendar of the zone's place, proposed: check-ins then
	// move off its public holidays (followup.toml says so and how to change).
	files := scaffold.Project(scaffold.NewProject{Timezone: tzName, Output: "public", Today: now.In(loc),
		ExampleID: followup.NewID("Example Studio", nil, env.random()), Holidays: holiday.ForZone(tzName)})
	// Refuse before writing anything, so a second init leaves no mix.
	var exist []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if len(exist) > 0 {
		return fmt.Errorf("init: not overwriting %s; remove them or choose another directory", strings.Join(exist, ", "))
	}
	for _, f := range files {
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "Created a new search in %s (time zone %s):\n", dir, tzName)
	for _, f := range files {
		fmt.Fprintf(env.Stdout, "  %s\n", f.Path)
	}
	fmt.Fprintf(env.Stdout, `
Next:
  cd %s
  followup agenda            what is due
  followup new               add an application (or edit content/example-studio.md)
  followup build             the site in public/ (open public/index.html)

To publish on GitHub Pages, push to GitHub, set Settings → Pages → Source to
"GitHub Actions", and add the repository secret FOLLOWUP_FEED_KEY (e.g. from
openssl rand -hex 16). .github/workflows/followup.yml rebuilds the site daily.
`, dir)
	return nil
}

// writeNew creates path and its directory, never replacing a file
// (createFile: an error that is fs.ErrExist when it exists).
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return createFile(path, data, 0o644)
}

// localZone is this machine's IANA zone: $TZ, else the target of the
// /etc/localtime link, else /etc/timezone, else UTC. followup never uses
// the machine's zone when building (CI and laptops must agree); init
// only writes it into followup.toml, where the user sees it.
func localZone(env *Env) string {
	valid := func(z string) bool {
		_, err := zone.Load(z)
		return err == nil && !strings.HasPrefix(z, "/")
	}
	if z := strings.TrimPrefix(env.Getenv("TZ"), ":"); valid(z) {
		return z
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if _, z, ok := strings.Cut(target, "zoneinfo/"); ok && valid(z) {
			return z
		}
	}
	if b, err := fs.ReadFile(os.DirFS("/etc"), "timezone"); err == nil {
		if z := strings.TrimSpace(string(b)); valid(z) {
			return z
		}
	}
	return "UTC"
}
