package edit

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func day(t *testing.T, s string) followup.Date {
	t.Helper()
	d, err := followup.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGolden edits hand-formatted files (testdata/golden/NAME.md) and
// compares the result byte for byte with NAME.want.md, or, for a file that
// cannot be edited safely, the message with NAME.problem.txt. go test
// -update rewrites them; read the diff before committing.
func TestGolden(t *testing.T) {
	at := func(s string) followup.LocalTime {
		lt, err := followup.ParseLocalTime(s)
		if err != nil {
			t.Fatal(err)
		}
		return lt
	}
	round := func(r NewRound) Change {
		c, err := round(r, "added a round")
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	cases := []struct {
		name, file string
		change     Change
	}{
		{"spec-thanked", "spec.md", thanked(0, 0, false, day(t, "2026-11-21"), "thanked Ms. Jane Schmoe")},
		{"spec-posted", "spec.md", thanked(0, 1, true, day(t, "2026-11-21"), "posted")},
		{"spec-nudge", "spec.md", log(followup.LogEntry{On: day(t, "2026-12-14"), Sent: followup.Nudge, By: followup.Phone}, "nudge")},
		{"spec-round", "spec.md", round(NewRound{At: at("2026-12-15 10:00"), Length: "45m", Kind: followup.VideoRound, Timeline: "10 business days", With: []string{"Dr. Ana Núñez", "Lee: the CTO"}})},
		{"four-space-thanked", "four-space.md", thanked(0, 1, false, day(t, "2027-01-12"), "thanked")},
		{"four-space-heard", "four-space.md", log(followup.LogEntry{On: day(t, "2027-01-15"), Heard: "Next round: a panel #2", Next: day(t, "2027-01-20")}, "heard")},
		{"four-space-round", "four-space.md", round(NewRound{At: at("2027-01-20 15:00"), With: []string{"Rosa Diaz"}})},
		{"crlf-bom-thanked", "crlf-bom.md", thanked(0, 0, false, day(t, "2027-02-10"), "thanked")},
		{"crlf-bom-outcome", "crlf-bom.md", log(followup.LogEntry{On: day(t, "2027-02-12"), Outcome: followup.Offer, Deadline: day(t, "2027-02-19"), Note: "base 80k"}, "offer")},
		{"log-middle", "log-middle.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Outcome: followup.Rejected}, "rejected")},
		{"log-middle-round", "log-middle.md", round(NewRound{At: at("2027-01-08 09:00"), Kind: followup.PhoneRound})},
		{"log-empty", "log-empty.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Heard: "They will call"}, "heard")},
		{"log-flow-empty", "log-flow-empty.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Outcome: followup.Withdrawn}, "withdrawn")},
		{"log-flow-empty-bare", "log-flow-empty-bare.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Outcome: followup.Withdrawn}, "withdrawn")},
		{"log-absent", "log-absent.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Outcome: followup.Withdrawn}, "withdrawn")},
		{"log-absent-skip", "log-absent.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Skipped: "log-absent/withdrawal/1", Note: "they never answered"}, "skipped")},
		{"inline-interviewer", "inline-interviewer.md", thanked(0, 0, false, day(t, "2027-01-12"), "thanked")},
		{"flow-log", "flow-log.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Outcome: followup.Withdrawn}, "withdrawn")},
		{"anchor", "anchor.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Outcome: followup.Withdrawn}, "withdrawn")},
		{"block-scalar", "block-scalar.md", log(followup.LogEntry{On: day(t, "2027-01-06"), Outcome: followup.Withdrawn}, "withdrawn")},
		{"quoted-thanked", "quoted.md", thanked(0, 0, false, day(t, "2027-02-10"), "thanked")},
		{"quoted-posted", "quoted.md", thanked(0, 1, true, day(t, "2027-02-11"), "posted")},
		{"quoted-heard", "quoted.md", log(followup.LogEntry{On: day(t, "2027-02-12"), Heard: "'soon', they said", Next: day(t, "2027-02-20")}, "heard")},
		{"before-previous", "log-middle.md", log(followup.LogEntry{On: day(t, "2027-01-04"), Outcome: followup.Rejected}, "rejected")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", "golden", c.file))
			if err != nil {
				t.Fatal(err)
			}
			slug := strings.TrimSuffix(c.file, ".md")
			out, applyErr := Apply("content/"+c.file, slug, in, "UTC", c.change)
			err = applyErr
			wantFile := filepath.Join("testdata", "golden", c.name+".want.md")
			probFile := filepath.Join("testdata", "golden", c.name+".problem.txt")
			var got []byte
			var golden string
			var p *Problem
			switch {
			case err == nil:
				got, golden = out, wantFile
			case errors.As(err, &p):
				got, golden = []byte(p.Error()+"\n"), probFile
			default:
				t.Fatalf("unexpected error: %v", err)
			}
			if *update {
				os.Remove(wantFile)
				os.Remove(probFile)
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
			if applyErr == nil {
				checkOnlyInserted(t, in, out)
			}
		})
	}
}

// checkOnlyInserted: every line of the input is in the output, in order
// (an edit adds lines or changes a value on one line).
func checkOnlyInserted(t *testing.T, in, out []byte) {
	t.Helper()
	a := strings.SplitAfter(string(in), "\n")
	b := strings.SplitAfter(string(out), "\n")
	changed := 0
	j := 0
	for _, l := range a {
		for j < len(b) && b[j] != l {
			j++
		}
		if j == len(b) {
			changed++
			j = 0
			continue
		}
		j++
	}
	if changed > 1 {
		t.Errorf("%d lines of the input changed; at most one value should", changed)
	}
}
