package redact_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/build"
)

// hostile writes a secret into every free-text field an application
// file has: an address, a phone number and a video link's password.
const hostile = `---
company: Acme me@x.example +1 617 555 0102
role: Designer me@x.example +1 617 555 0102
posting: https://user:pass@jobs.example/42?email=me@x.example&pwd=S3CRETQ#pwd=S3CRETF
location: Boston me@x.example +1 617 555 0102
applied: 2026-11-02
address: 1 Elm Rd, Boston me@x.example
phone: +1 617 555 0199
tz: America/New_York
contact:
  name: Jane Schmoe me@x.example +1 617 555 0102
  title: Ms. me@x.example
  email: me@x.example
  phone: +1 617 555 0102
rounds:
  - at: 2026-11-20 14:00
    kind: video
    where: https://zoom.example/j/1?pwd=S3CRETW call +1 617 555 0102 me@x.example
    timeline: 2 weeks
    learned: Learned me@x.example +1 617 555 0102
    interviewers:
      - name: Lee Park me@x.example +1 617 555 0102
        title: Dr. me@x.example
        email: me@x.example
        phone: +1 617 555 0102
        learned: Learned of Lee me@x.example
      - name: Ann Fox
  - at: 2026-12-01 10:00
    kind: onsite
    where: 1 Main St, buzz +1 617 555 0102
    interviewers:
      - name: Bo Chan
        email: me@x.example
log:
  - on: 2026-11-10
    heard: Heard me@x.example +1 617 555 0102
    note: Note me@x.example +1 617 555 0102
---
# Notes me@x.example

Call +1 617 555 0102, pwd S3CRETN.
`

const config = `title = "Search of me@x.example +1 617 555 0102"
timezone = "America/New_York"
base_url = "https://sam.example/jobs/"

[owner]
name = "Sam Rivera"
email = "me@x.example"
`

var secrets = []string{"me@x.example", "x.example", "617", "555 0102", "0102", "S3CRET", "pwd", "user:pass",
	"Jane", "Schmoe", "Lee Park", "Ann Fox", "Bo Chan", "Learned", "Heard me", "Note me", "Notes me", "1 Main St", "1 Elm Rd", "0199"}

func project(t *testing.T, cfg string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{"followup.toml": cfg, "content/acme.md": hostile} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var now = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

// TestPublicBuildPublishesNoSecret builds the public site and feeds of
// an application with a secret in every free-text field and greps every
// file it makes. Each secret is caught by one mask: without the posting
// filter "S3CRETQ" and "pwd" leak, without where: "S3CRETW" and "1 Main
// St", without the text masks the address and number in company, role,
// location and the site title, without the names the people.
func TestPublicBuildPublishesNoSecret(t *testing.T) {
	dir := project(t, config)
	files, _, err := build.Files(build.Options{Dir: dir, Now: now, Public: true, FeedKey: "key-of-16-chars!"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("only %d files", len(files))
	}
	var all strings.Builder
	for name, data := range files {
		text := string(data)
		all.WriteString(text)
		for _, s := range secrets {
			if i := strings.Index(text, s); i >= 0 {
				t.Errorf("%s publishes %q: …%s…", name, s, text[max(0, i-40):min(len(text), i+40)])
			}
		}
	}
	// What is published instead.
	for _, s := range []string{"[email]", "[phone]", "the recruiter", "interviewer 1", "interviewer 2", "https://jobs.example/42", "video", "onsite"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no file shows %q", s)
		}
	}
	// The private build of the same project shows them: the test data
	// does hold every secret.
	private, _, err := build.Files(build.Options{Dir: dir, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var mine strings.Builder
	for _, data := range private {
		mine.Write(data)
	}
	for _, s := range []string{"S3CRETW", "Lee Park", "Jane Schmoe", "S3CRETQ", "Learned me", "S3CRETN", "Heard me", "1 Main St"} {
		if !strings.Contains(mine.String(), s) {
			t.Errorf("the private build does not show %q: the test proves nothing for it", s)
		}
	}
}

// TestPublicNames: public_names = true publishes names, still masked,
// and never an email or a phone number.
func TestPublicNames(t *testing.T) {
	dir := project(t, config+"\n") // keep the order: public_names is a top-level key
	os.WriteFile(filepath.Join(dir, "followup.toml"), []byte("public_names = true\n"+config), 0o644)
	files, _, err := build.Files(build.Options{Dir: dir, Now: now, Public: true, FeedKey: "key-of-16-chars!"})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for name, data := range files {
		all.Write(data)
		for _, s := range []string{"me@x.example", "555 0102", "S3CRET"} {
			if strings.Contains(string(data), s) {
				t.Errorf("%s publishes %q", name, s)
			}
		}
	}
	for _, s := range []string{"Lee Park [email] [phone]", "Ann Fox", "Jane Schmoe"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("public_names = true: no file shows %q", s)
		}
	}
}
