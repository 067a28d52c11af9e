package cli

import (
	"errors"
	"fmt"

	"github.com/followup-tool/followup/internal/build"
	"github.com/followup-tool/followup/internal/followup"
)

func runBuild(env *Env, args []string) error {
	fs, c := newFlags("build", "", env)
	public := fs.Bool("public", false, "build for the open web: no contacts' emails or phones, drafts or notes (needs a feed key)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, pos); err != nil {
		return err
	}
	opt, err := options(env, c, *public)
	if err != nil {
		return err
	}
	res, err := build.Build(opt)
	var el followup.ErrorList
	switch {
	case errors.As(err, &el), errors.Is(err, build.ErrNoFeedKey), errors.Is(err, build.ErrShortFeedKey):
		return err
	case err != nil:
		return fmt.Errorf("build failed, the last good site is unchanged: %w", err)
	}
	if p := res.Config.FeedKeyPos; p.Line != 0 {
		fmt.Fprintf(env.Stderr, "%s: warning: feed_key is written in followup.toml, which is committed with the project: "+
			"anyone who can read the repository can read the public feed; set the %s environment variable instead\n",
			p, build.FeedKeyEnv)
	}
	kind := "private"
	if res.Config.Public {
		kind = "public"
	}
	fmt.Fprintf(env.Stdout, "%s: %s, %s, %s (%s build)\n", res.Out, plural(res.Files, "file"),
		plural(len(res.Project.Apps), "application"), plural(len(res.Plan.Actions), "open action"), kind)
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
