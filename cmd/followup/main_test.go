package main

import (
	"flag"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/followup-tool/followup/internal/zone/zonetest"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the golden files (cmp targets) in testdata/script")

func TestMain(m *testing.M) {
	// Go's own zone data, so outputs do not depend on the machine's
	// zoneinfo. Set before any zone is loaded.
	zonetest.Pin()
	testscript.Main(m, map[string]func(){"followup": main})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "UTC")
			env.Setenv("ZONEINFO", os.Getenv("ZONEINFO"))
			env.Setenv("CI", os.Getenv("CI"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exitcode N cmd args... : run cmd and require exit status N
			// exactly (`! exec` only says "not zero"; docs/reference.md tells 1 from 2).
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: exitcode N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exitcode: %v", err)
				}
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				if err != nil {
					ee, ok := err.(*exec.ExitError)
					if !ok {
						ts.Fatalf("exitcode: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
		},
	})
}
