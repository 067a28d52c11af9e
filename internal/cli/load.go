package cli

import (
	"fmt"
	"os"

	"github.com/followup-tool/followup/internal/build"
)

// options are the build options of the project at --source, at --now.
func options(env *Env, c *common, public bool) (build.Options, error) {
	now, day, err := c.when(env)
	if err != nil {
		return build.Options{}, err
	}
	if st, err := os.Stat(c.dir()); err != nil || !st.IsDir() {
		return build.Options{}, usageError{fmt.Sprintf("--source %s: not a directory", c.source)}
	}
	return build.Options{
		Dir:     c.dir(),
		Prefix:  c.dir(),
		Now:     now,
		Day:     day,
		Public:  public,
		FeedKey: env.Getenv(build.FeedKeyEnv),
	}, nil
}

// load reads the project at --source and plans it at --now. Content
// problems come back as a followup.ErrorList, which exitCode prints.
func load(env *Env, c *common) (*build.Result, error) {
	opt, err := options(env, c, false)
	if err != nil {
		return nil, err
	}
	return build.Plan(opt)
}
