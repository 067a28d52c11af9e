// Command followup turns a folder of job applications written in markdown
// into an agenda of follow-ups, a static pipeline site and a calendar feed.
package main

import (
	"os"
	"time"
	_ "time/tzdata" // zones work on machines without zoneinfo (Windows, scratch images)

	"github.com/followup-tool/followup/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now}))
}
