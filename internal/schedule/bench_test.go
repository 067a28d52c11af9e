package schedule

import (
	"fmt"
	"testing"
	"time"

	"github.com/followup-tool/followup/internal/followup"
)

// BenchmarkPlan10k plans 10,000 applications at every stage of the cycle.
func BenchmarkPlan10k(b *testing.B) {
	ny, _ := time.LoadLocation("America/New_York")
	apps := make([]*followup.Application, 10000)
	for i := range apps {
		d := followup.Date{Year: 2026, Month: 10, Day: 1}.AddDays(i % 50)
		a := &followup.Application{Slug: fmt.Sprintf("app-%05d", i), Company: fmt.Sprintf("Company %d", i), Role: "Designer", Loc: ny, Applied: d,
			Contact: &followup.Person{Name: "Jane Schmoe", Title: "Ms."}}
		a.Rounds = []followup.Round{{N: 1, At: followup.LocalTime{Date: d.AddDays(3), Hour: 14}, Length: time.Hour,
			Interviewers: []followup.Interviewer{{Person: followup.Person{Name: "Robert Lee", Title: "Dr."}, Thanked: d.AddDays(3)}}}}
		switch i % 4 {
		case 1:
			a.Log = []followup.LogEntry{{On: d.AddDays(10), Sent: followup.CheckIn}}
		case 2:
			a.Log = []followup.LogEntry{{On: d.AddDays(12), Heard: "soon", Next: d.AddDays(20)}}
		case 3:
			a.Log = []followup.LogEntry{{On: d.AddDays(12), Outcome: followup.Rejected}}
		}
		apps[i] = a
	}
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, ny)
	b.ReportAllocs()
	for b.Loop() {
		Plan(apps, followup.DefaultPolicy(), now)
	}
}
