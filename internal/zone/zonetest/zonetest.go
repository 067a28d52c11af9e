// Package zonetest pins the zone data tests see to Go's own copy, so
// goldens with VTIMEZONEs and offsets agree on every machine whatever its
// tzdata. Only tests import it.
package zonetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Pin sets ZONEINFO to $(go env GOROOT)/lib/time/zoneinfo.zip unless it is
// set already. Call it in TestMain, before any zone is loaded.
func Pin() {
	if os.Getenv("ZONEINFO") != "" {
		return
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return
	}
	zip := filepath.Join(strings.TrimSpace(string(out)), "lib", "time", "zoneinfo.zip")
	if _, err := os.Stat(zip); err == nil {
		os.Setenv("ZONEINFO", zip)
	}
}
