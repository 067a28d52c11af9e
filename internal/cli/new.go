package cli

import (
	"bufio"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/scaffold"
	"github.com/followup-tool/followup/internal/zone"
)

func runNew(env *Env, args []string) error {
	fs, c := newFlags("new", " [slug]", env)
	n := scaffold.NewApplication{}
	fs.StringVar(&n.Company, "company", "", "the employer (asked for when missing)")
	fs.StringVar(&n.Role, "role", "", "the position (asked for when missing)")
	fs.StringVar(&n.Posting, "posting", "", "URL of the job posting")
	fs.StringVar(&n.Location, "location", "", "where the job is")
	fs.StringVar(&n.TZ, "tz", "", "IANA time zone of the application (default: the site's)")
	fs.StringVar(&n.Applied, "applied", "", "date applied, YYYY-MM-DD (default: today)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError{fmt.Sprintf("new: want at most one slug, got %q\nusage: followup new [flags] [slug]", pos)}
	}
	now, err := c.moment(env)
	if err != nil {
		return err
	}
	cfg, errs := config.Load(os.DirFS(c.dir()), config.File, filepath.Join(c.dir(), config.File))
	if errs = errs.Problems(); len(errs) > 0 {
		return errs.Err()
	}
	in := bufio.NewReader(env.Stdin)
	ask := func(label string, dst *string) error {
		for strings.TrimSpace(*dst) == "" {
			fmt.Fprintf(env.Stderr, "%s: ", label)
			line, err := in.ReadString('\n')
			*dst = strings.TrimSpace(line)
			if err != nil && *dst == "" {
				if errors.Is(err, io.EOF) {
					return usageError{fmt.Sprintf("new: %s is required (--%s)", strings.ToLower(label), strings.ToLower(label))}
				}
				return err
			}
		}
		return nil
	}
	if err := ask("Company", &n.Company); err != nil {
		return err
	}
	if err := ask("Role", &n.Role); err != nil {
		return err
	}
	if n.TZ != "" {
		if _, err := zone.Load(n.TZ); err != nil {
			return usageError{"new: --tz: " + err.Error()}
		}
	}
	loc, err := zone.Load(firstNonEmpty(n.TZ, cfg.Timezone))
	if err != nil {
		return usageError{"new: " + err.Error()}
	}
	if n.Applied == "" {
		n.Applied = followup.DateOf(now.In(loc)).String()
	} else if _, err := followup.ParseDate(n.Applied); err != nil {
		return usageError{"new: --applied: " + err.Error()}
	}
	slug := followup.Slugify(n.Company)
	if len(pos) == 1 {
		slug = strings.TrimSuffix(filepath.ToSlash(pos[0]), ".md")
		if strings.Contains(slug, "..") || strings.HasPrefix(slug, "/") || slug == "" {
			return usageError{fmt.Sprintf("new: slug %q must be a path inside content/", pos[0])}
		}
		for _, part := range strings.Split(slug, "/") {
			// The loader skips hidden files and editor lock files: the
			// application would be written and then never seen.
			if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "#") {
				return usageError{fmt.Sprintf("new: slug %q: a name starting with %q is hidden, and followup skips it; start it with a letter or digit", pos[0], part[:1])}
			}
			if strings.ContainsFunc(part, unicode.IsControl) {
				return usageError{fmt.Sprintf("new: slug %q holds a control character", pos[0])}
			}
		}
	}
	if slug == "" {
		slug = "application"
	}
	// The id names the application in calendar UIDs wherever the file
	// moves later; it only has to differ from every other file's.
	taken := content.Taken(os.DirFS(c.dir()))
	n.ID = followup.NewID(n.Company, func(id string) bool { return taken[id] }, env.random())
	path := filepath.Join(c.dir(), content.Dir, filepath.FromSlash(slug)+".md")
	err = writeNew(path, scaffold.Application(n))
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; not overwriting it (name another slug: followup new %s-2)", path, slug)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, path)
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// random is the source of new ids.
func (env *Env) random() io.Reader {
	if env.Rand != nil {
		return env.Rand
	}
	return rand.Reader
}
