package edit

import (
	"os/exec"
	"path/filepath"
	"strings"
)

// commit commits the one file with the user's own git and says what
// happened; the file is written whatever git says.
func commit(path, msg string) string {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return "not committed: git is not installed (the file is written)"
	}
	if out, err := exec.Command(git, "-C", dir, "rev-parse", "--is-inside-work-tree").CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "true" {
		return "not committed: " + dir + " is not in a git repository (the file is written)"
	}
	if out, err := exec.Command(git, "-C", dir, "add", "--", name).CombinedOutput(); err != nil {
		return "not committed: git add: " + strings.TrimSpace(string(out))
	}
	// Only this file, whatever else is staged.
	if out, err := exec.Command(git, "-C", dir, "commit", "-q", "-m", msg, "--", name).CombinedOutput(); err != nil {
		return "not committed: git commit: " + strings.TrimSpace(string(out))
	}
	return "committed: " + msg
}
