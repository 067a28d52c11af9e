// Command followup turns a folder of job applications written in markdown
// into an agenda of follow-ups, a static pipeline site and a calendar feed.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"
	_ "time/tzdata" // zones work on machines without zoneinfo (Windows, scratch images)

	"github.com/followup-tool/followup/internal/cli"
)

func main() {
	// A build keeps the whole search in memory and makes several times
	// as much garbage around it: with the collector's default headroom it
	// collected the same live heap over and over (docs/performance.md).
	// GOGC, when set, wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	// FOLLOWUP_CPUPROFILE=file writes a CPU profile of the whole run, so
	// a slow build on a user's machine can be looked at with go tool pprof.
	if path := os.Getenv("FOLLOWUP_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "followup:", err)
			os.Exit(2)
		}
		pprof.StartCPUProfile(f)
		code := cli.Main(os.Args[1:], &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now})
		pprof.StopCPUProfile()
		f.Close()
		if m, err := os.Create(path + ".allocs"); err == nil {
			pprof.Lookup("allocs").WriteTo(m, 0)
			m.Close()
		}
		os.Exit(code)
	}
	os.Exit(cli.Main(os.Args[1:], &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now}))
}
