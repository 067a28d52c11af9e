package draft

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/layouts"
)

func fixture() (*followup.Application, *followup.Round) {
	app := &followup.Application{Slug: "acme", Company: "Acme Architecture", Role: "Junior Designer", Loc: time.UTC,
		Contact: &followup.Person{Name: "Jane Schmoe", Title: "Ms."}}
	app.Rounds = []followup.Round{{N: 1, At: followup.LocalTime{Date: followup.Date{Year: 2026, Month: 11, Day: 20}, Hour: 14},
		Learned: "the library project in Cambridge",
		Interviewers: []followup.Interviewer{{Person: followup.Person{Name: "Robert Lee", Title: "Dr."}},
			{Person: followup.Person{Name: "Ana Núñez"}}}}}
	return app, &app.Rounds[0]
}

func TestDrafts(t *testing.T) {
	set, errs := Load(layouts.New(nil, ""))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	app, r := fixture()
	owner := followup.Owner{Name: "Sam Rivera", Signature: "Best regards,\nSam Rivera"}
	for _, tc := range []struct {
		name    string
		action  followup.Action
		stage   followup.Stage
		want    []string
		notWant []string
	}{
		{"thank-you has [B]'s four parts and a formal address",
			followup.Action{Kind: followup.ThankYou, App: app, Round: r, To: &r.Interviewers[0].Person, Channel: followup.Email},
			followup.StageInterviewing,
			[]string{"Dear Dr. Lee,", "Thank you for taking the time", "the library project in Cambridge", "confirmed my interest", "anything more I can provide", "Sam Rivera"},
			[]string{"withdraw"}},
		{"thank-you without a title uses the full name",
			followup.Action{Kind: followup.ThankYou, App: app, Round: r, To: &r.Interviewers[1].Person, Channel: followup.Email},
			followup.StageInterviewing, []string{"Dear Ana Núñez,"}, nil},
		{"thank-you after withdrawing removes you from consideration ([B])",
			followup.Action{Kind: followup.ThankYou, App: app, Round: r, To: &r.Interviewers[0].Person, Channel: followup.Email},
			followup.StageWithdrawn, []string{"withdraw my name"}, []string{"confirmed my interest"}},
		{"thank-you letter is laid out as a letter",
			followup.Action{Kind: followup.ThankYou, App: app, Round: r, To: &r.Interviewers[0].Person, Channel: followup.Letter, Day: followup.Date{Year: 2026, Month: 11, Day: 20}},
			followup.StageInterviewing, []string{"Sam Rivera\nNovember 20, 2026\n\nDr. Robert Lee\nAcme Architecture\n\nDear Dr. Lee,"}, nil},
		{"nudge uses [E]'s explicit wording",
			followup.Action{Kind: followup.Nudge, App: app, To: app.Contact, Channel: followup.Email},
			followup.StageInterviewing,
			[]string{"Dear Ms. Schmoe,", "Would you let me know when you expect to be making decisions? I'm extremely interested in the position, but I'm talking with other companies as well, and hope to get a better sense of your timeline."}, nil},
		{"check-in by phone is a call script",
			followup.Action{Kind: followup.CheckIn, App: app, To: app.Contact, Channel: followup.Phone},
			followup.StageInterviewing, []string{"Call Ms. Schmoe", "updated timeline"}, []string{"Dear"}},
		{"after-rejection thanks them and asks for feedback ([C], [D])",
			followup.Action{Kind: followup.AfterRejection, App: app, To: app.Contact, Channel: followup.Email},
			followup.StageRejected, []string{"Thank you for letting me know", "feedback on how I could improve"}, nil},
		{"withdrawal after accepting elsewhere says so",
			followup.Action{Kind: followup.Withdrawal, App: app, To: app.Contact, Channel: followup.Email},
			followup.StageInterviewing, []string{"I have accepted another position", "withdraw my name"}, nil},
		{"thank-you mentions what this interviewer talked about, not the round's",
			followup.Action{Kind: followup.ThankYou, App: app, Round: r, To: &r.Interviewers[0].Person, Interviewer: &followup.Interviewer{Person: r.Interviewers[0].Person, Learned: "the timber pavilion"}, Channel: followup.Email},
			followup.StageInterviewing, []string{"learning about the timber pavilion."}, []string{"library project", "connects with what I have done before"}},
		{"thank-you written after its deadline says so gracefully",
			followup.Action{Kind: followup.ThankYou, App: app, Round: r, To: &r.Interviewers[0].Person, Channel: followup.Email, Overdue: true},
			followup.StageInterviewing, []string{"later than I meant it to"}, nil},
		{"thank-you letter is dated the day it should be posted: the interview's",
			followup.Action{Kind: followup.ThankYou, App: app, Round: r, To: &r.Interviewers[0].Person, Channel: followup.Letter,
				Start: time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC), Day: followup.Date{Year: 2026, Month: 11, Day: 21}},
			followup.StageInterviewing, []string{"Sam Rivera\nNovember 20, 2026\n"}, []string{"November 21", "Subject:"}},
		{"after-applying with a contact",
			followup.Action{Kind: followup.AfterApplying, App: withApplied(app), To: app.Contact, Channel: followup.Email},
			followup.StageApplied, []string{"Dear Ms. Schmoe,", "I applied for the Junior Designer position on November 2", "where my application stands"}, []string{"interview"}},
		{"after-applying with nobody in the file goes to the hiring team",
			followup.Action{Kind: followup.AfterApplying, App: withApplied(app), Channel: followup.Email},
			followup.StageApplied, []string{"Dear Acme Architecture hiring team,"}, nil},
		{"offer-thanks with a deadline promises the answer by then",
			followup.Action{Kind: followup.OfferThanks, App: withOffer(app, followup.Date{Year: 2027, Month: 1, Day: 22}), To: app.Contact, Channel: followup.Email},
			followup.StageOffer, []string{"Thank you for offering me the Junior Designer position", "my answer by January 22"}, []string{"accept", "decline"}},
		{"offer-deadline holds both answers",
			followup.Action{Kind: followup.OfferDeadline, App: withOffer(app, followup.Date{Year: 2027, Month: 1, Day: 22}), To: app.Contact, Channel: followup.Email},
			followup.StageOffer, []string{"until January 22", "delighted to accept", "decided to decline"}, nil},
		{"accepting elsewhere while an offer stands here declines it",
			followup.Action{Kind: followup.Withdrawal, App: withOffer(app, followup.Date{}), To: app.Contact, Channel: followup.Email, Day: followup.Date{Year: 2026, Month: 12, Day: 10}},
			followup.StageOffer, []string{"Thank you for offering me the Junior Designer position", "I must decline your offer"}, []string{"withdraw my name"}},
		{"withdrawal to someone you never spoke with does not thank them for conversations",
			followup.Action{Kind: followup.Withdrawal, App: &followup.Application{Slug: "solo", Company: "Solo", Role: "Designer", Loc: time.UTC,
				Log: []followup.LogEntry{{On: followup.Date{Year: 2026, Month: 11, Day: 10}, Outcome: followup.Withdrawn}}}, Channel: followup.Email, Day: followup.Date{Year: 2026, Month: 11, Day: 10}},
			followup.StageWithdrawn, []string{"Dear Solo hiring team,", "considering my application", "withdraw my name"}, []string{"conversation", "time you have spent"}},
		{"move-on is a note to yourself",
			followup.Action{Kind: followup.MoveOn, App: app},
			followup.StageQuiet, []string{"mentally move on"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := set.Render(&tc.action, tc.stage, owner)
			if err != nil {
				t.Fatal(err)
			}
			if d.Subject == "" || strings.Contains(d.Subject, "\n") {
				t.Errorf("subject %q: want one non-empty line", d.Subject)
			}
			for _, w := range tc.want {
				if !strings.Contains(d.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, d.Body)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(d.Body, w) {
					t.Errorf("body has %q:\n%s", w, d.Body)
				}
			}
			if strings.Contains(d.Body, "\n\n\n") || strings.Contains(d.Body, "<no value>") {
				t.Errorf("untidy body:\n%s", d.Body)
			}
		})
	}
}

func TestOverride(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/drafts/nudge.tmpl":    {Data: []byte(`{{define "subject"}}Hi {{.To}}{{end}}{{define "body"}}Custom for {{.Company}}{{end}}`)},
		"layouts/drafts/check-in.tmpl": {Data: []byte("{{define \"subject\"}}x{{end}}\n\n{{define \"body\"}}{{.Oops\n{{end}}")},
	}
	set, errs := Load(layouts.New(fsys, "proj"))
	if len(errs) != 1 || errs[0].Pos.Path != "proj/layouts/drafts/check-in.tmpl" || errs[0].Pos.Line != 4 {
		t.Fatalf("want one error at proj/layouts/drafts/check-in.tmpl:4, got %v", errs)
	}
	app, _ := fixture()
	d, err := set.Render(&followup.Action{Kind: followup.Nudge, App: app, To: app.Contact}, followup.StageInterviewing, followup.Owner{})
	if err != nil || d.Subject != "Hi Ms. Schmoe" || d.Body != "Custom for Acme Architecture\n" {
		t.Fatalf("override not used: %+v %v", d, err)
	}
}

func withApplied(a *followup.Application) *followup.Application {
	c := *a
	c.Applied = followup.Date{Year: 2026, Month: 11, Day: 2}
	return &c
}

func withOffer(a *followup.Application, deadline followup.Date) *followup.Application {
	c := *a
	c.Log = []followup.LogEntry{{On: followup.Date{Year: 2026, Month: 12, Day: 4}, Outcome: followup.Offer, Deadline: deadline}}
	return &c
}
