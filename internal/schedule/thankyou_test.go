package schedule

import (
	"strings"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// docs/rules.md, thank-you: one per interviewer per round, including rounds still
// to come; due 24 hours of elapsed time after the round's end, starting at
// the end ([B], [C], [D], [E]).
func TestThankYou(t *testing.T) {
	interviewing := map[string]followup.Stage{"acme": followup.StageInterviewing}
	runCases(t, []planCase{
		{
			name: "thank-you due 24h after round end",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    length: 1h30m
    kind: onsite
    interviewers:
      - name: Jane Schmoe
        title: Ms.
      - name: Robert Lee
        title: Dr.
`)},
			now: "2026-11-20T18:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/jane-schmoe", kind: "thank-you", due: "2026-11-21T15:30:00-05:00", ch: "email", to: "Jane Schmoe",
					start: "2026-11-20T15:30:00-05:00", reason: []string{"Ms. Schmoe", "within 24 hours", "Nov 21 15:30"}},
				{id: "acme/thank-you/r1/robert-lee", kind: "thank-you", due: "2026-11-21T15:30:00-05:00", ch: "email", to: "Robert Lee",
					start: "2026-11-20T15:30:00-05:00", reason: []string{"Dr. Lee"}},
			},
			stage: interviewing,
		},
		{
			name: "thank-you per interviewer per round, future round listed ahead",
			files: []file{acme(`rounds:
  - at: 2026-11-10 10:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-10
      - name: Sam Park
  - at: 2026-11-30 09:00
    length: 45m
    interviewers:
      - name: Robert Lee
      - name: Ana Núñez
`)},
			now: "2026-11-21T09:00:00-05:00",
			// Default length 1h; no check-in while round 2 is to come.
			want: []act{
				{id: "acme/thank-you/r1/sam-park", kind: "thank-you", due: "2026-11-11T11:00:00-05:00", ch: "email", to: "Sam Park", overdue: true,
					start: "2026-11-10T11:00:00-05:00"},
				{id: "acme/thank-you/r2/ana-nunez", kind: "thank-you", due: "2026-12-01T09:45:00-05:00", ch: "email", to: "Ana Núñez",
					start: "2026-11-30T09:45:00-05:00"},
				{id: "acme/thank-you/r2/robert-lee", kind: "thank-you", due: "2026-12-01T09:45:00-05:00", ch: "email", to: "Robert Lee"},
			},
			stage: interviewing,
		},
		{
			// Clocks fall back on Nov 1 2026 at 02:00: 24 hours after
			// 15:00 EDT is 14:00 EST on the wall clock. Round 2 starts at
			// 00:30 EDT and lasts 2h of elapsed time, so it ends at the
			// second 01:30 (EST).
			name: "thank-you deadline is 24h elapsed across the fall-back DST change",
			files: []file{acme(`rounds:
  - at: 2026-10-31 14:00
    interviewers:
      - name: Jane Schmoe
  - at: 2026-11-01 00:30
    length: 2h
    interviewers:
      - name: Robert Lee
`)},
			now: "2026-10-30T12:00:00-04:00",
			want: []act{
				{id: "acme/thank-you/r1/jane-schmoe", kind: "thank-you", due: "2026-11-01T14:00:00-05:00", ch: "email", to: "Jane Schmoe",
					start: "2026-10-31T15:00:00-04:00"},
				{id: "acme/thank-you/r2/robert-lee", kind: "thank-you", due: "2026-11-02T01:30:00-05:00", ch: "email", to: "Robert Lee",
					start: "2026-11-01T01:30:00-05:00"},
			},
		},
		{
			// Clocks spring forward on Mar 8 2026: 24 hours after 15:00
			// EST is 16:00 EDT.
			name: "thank-you deadline is 24h elapsed across the spring-forward DST change",
			files: []file{acme(`rounds:
  - at: 2026-03-07 14:00
    interviewers:
      - name: Jane Schmoe
`)},
			now: "2026-03-07T16:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/jane-schmoe", kind: "thank-you", due: "2026-03-08T16:00:00-04:00", ch: "email", to: "Jane Schmoe",
					start: "2026-03-07T15:00:00-05:00"},
			},
		},
		{
			name: "letter preference makes a letter posted the same day",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        title: Dr.
        by: letter
`)},
			now: "2026-11-20T12:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/robert-lee", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "letter", to: "Robert Lee",
					start: "2026-11-20T15:00:00-05:00", reason: []string{"letter", "post it the same day, Nov 20", "by Nov 21 15:00 EST at the latest"}, notReason: []string{"seed"}},
			},
		},
		{
			name: "phone preference makes a call within 24 hours",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
        title: Dr.
        by: phone
`)},
			now: "2026-11-20T12:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/robert-lee", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "phone", to: "Robert Lee",
					reason: []string{"call", "within 24 hours"}},
			},
		},
		{
			// Jane: email still due, and a letter as well. Robert already
			// prefers a letter: one note, not two. Sam was thanked by email
			// but the letter is not posted yet.
			name:   "mail_letters adds a posted letter with a /letter id",
			policy: mailLetters,
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
      - name: Robert Lee
        by: letter
      - name: Sam Park
        thanked: 2026-11-20
`)},
			now: "2026-11-20T16:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/jane-schmoe", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Jane Schmoe"},
				{id: "acme/thank-you/r1/jane-schmoe/letter", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "letter", to: "Jane Schmoe",
					start: "2026-11-20T15:00:00-05:00", reason: []string{"post it the same day"}},
				{id: "acme/thank-you/r1/robert-lee", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "letter", to: "Robert Lee"},
				{id: "acme/thank-you/r1/sam-park/letter", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "letter", to: "Sam Park"},
			},
		},
		{
			// With thanked and posted recorded only the check-in is left
			// (no timeline: 7 days after the thank-you, Nov 27).
			name:   "posted closes the mail_letters letter",
			policy: mailLetters,
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-20
        posted: 2026-11-20
`)},
			now: "2026-11-21T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-27T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name:   "mail_letters off: posted is not needed",
			policy: nil,
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
        thanked: 2026-11-20
`)},
			now: "2026-11-21T09:00:00-05:00",
			want: []act{
				{id: "acme/check-in/1", kind: "check-in", due: "2026-11-27T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			// docs/rules.md ids: "Ana Núñez" -> ana-nunez, a numeric suffix when
			// two names collide; names are per round, so r2 has no suffix.
			name: "thank-you ids fold accents and number colliding names",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Ana Núñez
      - name: Jane Smith
      - name: jane  SMITH
      - name: Zoë O'Brien
  - at: 2026-11-30 14:00
    interviewers:
      - name: Jane Smith
`)},
			now: "2026-11-20T16:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/ana-nunez", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Ana Núñez"},
				{id: "acme/thank-you/r1/jane-smith", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Jane Smith"},
				{id: "acme/thank-you/r1/jane-smith-2", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "jane  SMITH"},
				{id: "acme/thank-you/r1/zoe-o-brien", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Zoë O'Brien"},
				{id: "acme/thank-you/r2/jane-smith", kind: "thank-you", due: "2026-12-01T15:00:00-05:00", ch: "email", to: "Jane Smith"},
			},
		},
		{
			// docs/reference.md: overdue is "due before now"; at the deadline itself
			// the note is still in time.
			name: "thank-you not overdue at its deadline",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
`)},
			now: "2026-11-21T15:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/jane-schmoe", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
		},
		{
			name: "thank-you overdue once its deadline passed",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Jane Schmoe
`)},
			now: "2026-11-21T15:00:01-05:00",
			want: []act{
				{id: "acme/thank-you/r1/jane-schmoe", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Jane Schmoe", overdue: true},
			},
		},
		{
			// [B]: send one "even if you don't want the job"; docs/rules.md:
			// thank-you notes stay due in every stage.
			name: "thank-you stays due after a rejection",
			files: []file{acme(`rounds:
  - at: 2026-11-20 14:00
    interviewers:
      - name: Robert Lee
log:
  - on: 2026-11-22
    outcome: rejected
`)},
			now: "2026-11-22T12:00:00-05:00",
			want: []act{
				{id: "acme/thank-you/r1/robert-lee", kind: "thank-you", due: "2026-11-21T15:00:00-05:00", ch: "email", to: "Robert Lee", overdue: true},
				{id: "acme/after-rejection/1", kind: "after-rejection", due: "2026-11-23T00:00:00-05:00", ch: "email", to: "Jane Schmoe"},
			},
			stage: map[string]followup.Stage{"acme": followup.StageRejected},
		},
	})
}

// TestNames covers collisions: every person of a round gets a distinct id
// part, whatever the names.
func TestNames(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []string
		want []string
	}{
		{"distinct names keep their slug", []string{"Jane Schmoe", "Robert Lee"}, []string{"jane-schmoe", "robert-lee"}},
		{"colliding names get -2, -3", []string{"Jane Smith", "jane smith", "JANE SMITH"}, []string{"jane-smith", "jane-smith-2", "jane-smith-3"}},
		{"accented and plain spellings collide", []string{"Ana Núñez", "Ana Nunez"}, []string{"ana-nunez", "ana-nunez-2"}},
		{"a name with no ASCII letters becomes person-N", []string{"Jane Smith", "王芳"}, []string{"jane-smith", "person-2"}},
		// Before the fix the third person got "jane-smith-2" too: the
		// suffix of a collision can itself collide with a real name.
		{"a suffixed name never collides with a written one", []string{"Jane Smith", "Jane Smith", "Jane Smith 2"}, []string{"jane-smith", "jane-smith-2", "jane-smith-2-2"}},
		{"a written -2 name first pushes the collision to -3", []string{"Jane Smith 2", "Jane Smith", "Jane Smith"}, []string{"jane-smith-2", "jane-smith", "jane-smith-3"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := names(c.in)
			if len(got) != len(c.want) {
				t.Fatalf("names(%q) = %q, want %q", c.in, got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("names(%q) = %q, want %q", c.in, got, c.want)
				}
			}
		})
	}
}

// TestNamesManyAlike: each base remembers its next suffix; counting from
// -2 for every repeat made 8,000 interviewers named alike take seconds.
func TestNamesManyAlike(t *testing.T) {
	people := make([]string, 20000)
	for i := range people {
		people[i] = "Jane Smith"
	}
	people[5] = "Jane Smith 9" // written with a number: never given twice
	got := names(people)
	seen := map[string]bool{}
	for _, s := range got {
		if seen[s] {
			t.Fatalf("%s given twice", s)
		}
		seen[s] = true
	}
	if got[0] != "jane-smith" || got[1] != "jane-smith-2" || got[19999] != "jane-smith-20000" {
		t.Errorf("got %s %s ... %s", got[0], got[1], got[19999])
	}
}

// One truth for a letter (the case): the round ends Jan 8 11:00;
// the reason says to post it that day and names the deadline the action
// carries, Jan 9 11:00; on Jan 9 at 09:00 it is not overdue and is in
// today's bucket; at 11:30 it is overdue.
func TestLetterThankYouReasonDueAndBucketAgree(t *testing.T) {
	f := acme(`rounds:
  - at: 2027-01-08 10:00
    interviewers:
      - name: Robert Lee
        title: Dr.
        by: letter
`)
	for _, c := range []struct {
		now     string
		overdue bool
		bucket  Bucket
	}{
		{"2027-01-08T12:00:00-05:00", false, Today},
		{"2027-01-09T09:00:00-05:00", false, Today},
		{"2027-01-09T11:30:00-05:00", true, Overdue},
	} {
		res := runPlan(t, planCase{files: []file{f}, now: c.now})
		if len(res.Actions) != 1 {
			t.Fatalf("%s: %d actions, want the letter", c.now, len(res.Actions))
		}
		a := &res.Actions[0]
		if got := a.Due.Format(time.RFC3339); got != "2027-01-09T11:00:00-05:00" {
			t.Errorf("%s: due %s, want the deadline Jan 9 11:00", c.now, got)
		}
		for _, frag := range []string{"post it the same day, Jan 8", "by Jan 9 11:00 EST at the latest"} {
			if !strings.Contains(a.Reason, frag) {
				t.Errorf("%s: reason %q lacks %q", c.now, a.Reason, frag)
			}
		}
		if a.Overdue != c.overdue || BucketOf(a, res.Now) != c.bucket {
			t.Errorf("%s: overdue %v bucket %s, want %v %s", c.now, a.Overdue, BucketOf(a, res.Now), c.overdue, c.bucket)
		}
	}
}
