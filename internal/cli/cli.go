// Package cli is the command line: it parses flags, reads the clock and
// the terminal, calls the packages that do the work, and maps errors to
// exit codes (0 success, 1 content or configuration errors, 2 usage). It is
// the only package that sees args, stdout, stderr or the clock.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/config"
	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/zone"
)

// Version is set at link time (-ldflags "-X …/cli.Version=v1.2.3"); go
// install fills it from the module version instead.
var Version = ""

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	Getenv func(string) string
	// Rand is the random source of new ids (followup new, init); nil
	// means crypto/rand.
	Rand io.Reader
	// Context ends long-running commands (serve); nil means until
	// Ctrl-C or SIGTERM.
	Context context.Context
}

type command struct {
	name  string
	short string
	run   func(env *Env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"check", "validate every file; print every problem as path:line:col: message", runCheck},
		{"agenda", "what is due: interviews, overdue, today, the next 7 days (--all, --json, --interviews)", runAgenda},
		{"show", "print one action's reason and draft, ready to paste (followup show ID)", runShow},
		{"new", "scaffold an application file (--company, --role)", runNew},
		{"build", "write the site to public/, atomically (--public for the open web)", runBuild},
		{"serve", "build, serve on 127.0.0.1, rebuild on save and reload the browser (--port)", runServe},
		{"init", "start a new search in DIR: settings, an example, a GitHub Pages workflow", runInit},
		{"done", "record actions as done: followup done ID… (a thank-you, a check-in, …)", runDone},
		{"skip", "record a decision not to send: followup skip ID… --why TEXT", runSkip},
		{"heard", "record a reply: followup heard APP TEXT [--next DATE]", runHeard},
		{"outcome", "record an offer, rejection, withdrawal or acceptance: followup outcome APP WHAT", runOutcome},
		{"round", "record an interview round: followup round APP --at \"YYYY-MM-DD HH:MM\" [--with NAME]…", runRound},
		{"theme", "copy the default theme into layouts/ to edit it (your files are kept)", runTheme},
		{"import", "bring applications in from LinkedIn, Huntr or any CSV (--dry-run)", runImport},
		{"export", "one row per application as CSV or JSON (--format, --private)", runExport},
		{"worklog", "every activity by week, for unemployment claims (--from, --to, --format md|csv|html)", runWorklog},
	}
}

// usageError is a bad command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// contentError means the problems were already printed: exit code 1.
type contentError struct{ n int }

func (e contentError) Error() string { return fmt.Sprintf("%d problem(s)", e.n) }

// Main runs the command line and returns the exit code.
func Main(args []string, env *Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env.Stdout)
		return 0
	case "-version", "--version", "version":
		fmt.Fprintf(env.Stdout, "followup %s\n", version())
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return exitCode(env, c.run(env, args[1:]))
		}
	}
	fmt.Fprintf(env.Stderr, "followup: unknown command %q\n", args[0])
	usage(env.Stderr)
	return 2
}

func exitCode(env *Env, err error) int {
	var ue usageError
	var ce contentError
	var el followup.ErrorList
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "followup: %s\n", ue.msg)
		return 2
	case errors.As(err, &ce):
		return 1
	case errors.As(err, &el):
		fmt.Fprintln(env.Stderr, safe(el.Error())) // messages quote content: no escape sequence reaches the terminal
		return 1
	}
	fmt.Fprintf(env.Stderr, "followup: %s\n", safe(err.Error()))
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "followup turns a folder of job applications in markdown into an agenda of follow-ups.\n\nUsage: followup <command> [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprintf(w, "\nEvery command takes --source DIR (the project, default .) and --now TIME (RFC 3339, or a date).\nRun 'followup <command> -h' for its flags. 'followup --version' prints the version.\n")
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// common holds the flags every command takes.
type common struct {
	source string
	now    string
}

func newFlags(name, args string, env *Env) (*flag.FlagSet, *common) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := &common{}
	fs.StringVar(&c.source, "source", ".", "project `dir`ectory holding content/, layouts/ and followup.toml")
	fs.StringVar(&c.now, "now", "", "the moment to plan for: RFC 3339 (`time`, e.g. 2026-11-21T09:00:00-05:00) or a date (2026-11-21: the start of that day in the site's zone); default: the clock")
	fs.Usage = func() {
		fmt.Fprintf(env.Stdout, "Usage: followup %s [flags]%s\n\nFlags:\n", name, args)
		fs.SetOutput(env.Stdout)
		fs.VisitAll(func(f *flag.Flag) {
			n, u := flag.UnquoteUsage(f)
			fmt.Fprintf(env.Stdout, "  --%s %s\n    \t%s\n", f.Name, n, u)
		})
		fs.SetOutput(io.Discard)
	}
	return fs, c
}

// parse parses flags anywhere among the arguments (the flag package stops
// at the first positional one) and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return nil, err
			}
			return nil, usageError{fmt.Sprintf("%s: %v\nusage: followup %s [flags] (see followup %s -h)", fs.Name(), err, fs.Name(), fs.Name())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func noArgs(fs *flag.FlagSet, pos []string) error {
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q\nusage: followup %s [flags]", fs.Name(), pos[0], fs.Name())}
	}
	return nil
}

// moment is --now, or the clock. --now is RFC 3339, or a date alone
// (2027-01-25): the first moment of that day in the site's zone (the
// timezone of followup.toml; UTC when it has none or cannot be read, and
// then loading the project reports why).
func (c *common) moment(env *Env) (time.Time, error) {
	t, d, err := c.when(env)
	if err != nil || d.IsZero() {
		return t, err
	}
	return d.In(siteZone(c.dir())), nil
}

// when is --now as written: a moment (or the clock), or a date whose
// moment depends on the site's zone (for commands that load the project,
// which then read followup.toml once: build.Options.Day).
func (c *common) when(env *Env) (time.Time, followup.Date, error) {
	if c.now == "" {
		return env.Now(), followup.Date{}, nil
	}
	t, err := time.Parse(time.RFC3339, c.now)
	if err == nil {
		if y := t.Year(); y < followup.MinYear || y > followup.MaxYear {
			// As for dates in content: outputs write four-digit years.
			return time.Time{}, followup.Date{}, usageError{fmt.Sprintf("--now %q: the year must be between %d and %d", c.now, followup.MinYear, followup.MaxYear)}
		}
		return t, followup.Date{}, nil
	}
	d, derr := followup.ParseDate(c.now)
	if derr == nil {
		return time.Time{}, d, nil
	}
	if strings.Contains(derr.Error(), "the year must be") {
		return time.Time{}, followup.Date{}, usageError{fmt.Sprintf("--now %q: the year must be between %d and %d", c.now, followup.MinYear, followup.MaxYear)}
	}
	return time.Time{}, followup.Date{}, usageError{fmt.Sprintf("--now %q: want a moment in RFC 3339, such as 2026-11-21T09:00:00-05:00, or a date, such as 2026-11-21 (the start of that day in the site's zone)", c.now)}
}

// siteZone is the timezone of the project's followup.toml.
func siteZone(dir string) *time.Location {
	cfg, errs := config.Load(os.DirFS(dir), config.File, config.File)
	if len(errs.Problems()) > 0 {
		return time.UTC
	}
	return zone.Or(cfg.Timezone)
}

func (c *common) dir() string { return strings.TrimSuffix(c.source, "/") }
