package worklog

import (
	"fmt"
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// BenchmarkBuild10k: the log of 10,000 applications with a round, a
// thank-you and a check-in each, cut to a page as a build does (the
// page itself is site.Worklog's).
func BenchmarkBuild10k(b *testing.B) {
	day := followup.Date{Year: 2026, Month: 1, Day: 5}
	apps := make([]*followup.Application, 10000)
	for i := range apps {
		d := day.AddDays(i % 300)
		apps[i] = &followup.Application{
			Slug: fmt.Sprintf("a%05d", i), Company: fmt.Sprintf("Company %d", i), Role: "Designer", Applied: d,
			Contact: &followup.Person{Name: "Jane Schmoe"},
			Rounds: []followup.Round{{N: 1, At: followup.LocalTime{Date: d.AddDays(7), Hour: 14}, Kind: followup.VideoRound,
				Interviewers: []followup.Interviewer{{Person: followup.Person{Name: "Jane Schmoe"}, Thanked: d.AddDays(7)}}}},
			Log: []followup.LogEntry{{On: d.AddDays(21), Sent: followup.CheckIn}},
		}
	}
	today := day.AddDays(330)
	b.ReportAllocs()
	for b.Loop() {
		if l := Build(apps, followup.Date{}, today, today, 3).Recent(2000); l.Total == 0 {
			b.Fatal("an empty log")
		}
	}
}
