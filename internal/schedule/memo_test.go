package schedule

import (
	"reflect"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/holiday"
)

// TestMemoPlansAsPlanDoes: through a run of saves, a memo's plan is
// deeply equal to a fresh one, at every step; the steps change what an
// application's plan depends on besides its own file: another
// application accepting an offer (the others then owe a withdrawal), the
// moment, and the policy.
func TestMemoPlansAsPlanDoes(t *testing.T) {
	beta := file{"beta", `company: Beta Labs
role: Designer
applied: 2026-10-20
contact:
  name: Ann Lee
rounds:
  - at: 2026-11-02 10:00
    interviewers:
      - name: Bo Chen
        thanked: 2026-11-02
`}
	gamma := file{"gamma", `company: Gamma Works
role: Designer
applied: 2026-10-22
contact:
  name: Cy Park
`}
	acmeOpen := acme(`applied: 2026-10-01
rounds:
  - at: 2026-11-10 14:00
    timeline: 1 week
    interviewers:
      - name: Robert Lee
`)
	acmeAccepted := acme(`applied: 2026-10-01
rounds:
  - at: 2026-11-10 14:00
    interviewers:
      - name: Robert Lee
        thanked: 2026-11-10
log:
  - on: 2026-11-18
    outcome: accepted
`)
	pol := followup.DefaultPolicy()
	now := mustTime(t, "2026-11-21T09:00:00-05:00")
	apps := load(t, acmeOpen, beta, gamma)
	// A holiday on the day beta's check-in falls due (a week after the
	// thank-you) moves it.
	withHolidays := pol
	cal, err := holiday.New("US", []followup.Date{{Year: 2026, Month: 11, Day: 9}})
	if err != nil {
		t.Fatal(err)
	}
	withHolidays.Holidays = cal
	steps := []struct {
		name string
		edit func()
		pol  followup.Policy
		now  time.Time
	}{
		{"first plan", func() {}, pol, now},
		{"nothing changed", func() {}, pol, now},
		{"acme's file changed", func() { apps[0] = load(t, acme("applied: 2026-10-02\n"))[0] }, pol, now},
		{"acme accepted an offer: the others owe a withdrawal", func() { apps[0] = load(t, acmeAccepted)[0] }, pol, now},
		{"gamma's file changed", func() { apps[2] = load(t, gamma)[0] }, pol, now},
		{"a week later", func() {}, pol, now.AddDate(0, 0, 7)},
		{"acme open again", func() { apps[0] = load(t, acmeOpen)[0] }, pol, now.AddDate(0, 0, 7)},
		{"holidays", func() {}, withHolidays, now.AddDate(0, 0, 7)},
		{"gamma removed", func() { apps = apps[:2] }, withHolidays, now.AddDate(0, 0, 7)},
	}
	memo := NewMemo()
	for _, s := range steps {
		s.edit()
		got := memo.Plan(apps, s.pol, s.now)
		want := Plan(apps, s.pol, s.now)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the memo's plan differs from a fresh one:\n got %d actions %v\nwant %d actions %v", s.name, len(got.Actions), ids(got), len(want.Actions), ids(want))
		}
	}
}

// TestMemoKeepsThePlanOfAnUnchangedFile: the memo is used at all (the
// test above would pass with a memo that never remembers): a second plan
// of the same files at the same moment hands back the same application
// as of the day, not a new one.
func TestMemoKeepsThePlanOfAnUnchangedFile(t *testing.T) {
	apps := load(t, acme(`applied: 2026-10-01
log:
  - on: 2026-12-20
    sent: check-in
`))
	now := mustTime(t, "2026-11-21T09:00:00-05:00")
	memo := NewMemo()
	first := memo.Plan(apps, followup.DefaultPolicy(), now)
	second := memo.Plan(apps, followup.DefaultPolicy(), now)
	if first.Status["acme"].App == apps[0] {
		t.Fatal("a log entry after the day should make a copy as of the day (asOf)")
	}
	if second.Status["acme"].App != first.Status["acme"].App {
		t.Error("the unchanged file was planned again")
	}
	if second.Status["acme"] == first.Status["acme"] {
		t.Error("two plans share a Status: setting Next on one would change the other")
	}
}

func ids(r *Result) []string {
	var out []string
	for _, a := range r.Actions {
		out = append(out, a.ID)
	}
	return out
}
