package calendar

import (
	"testing"

	"github.com/followup-tool/followup/internal/followup"
)

// The product rules' kinds read as what to do, like the six of the advice.
func TestSummaryOfProductRuleKinds(t *testing.T) {
	app := &followup.Application{Company: "Acme"}
	jane := &followup.Person{Name: "Jane Schmoe", Title: "Ms."}
	for _, c := range []struct {
		a    followup.Action
		want string
	}{
		{followup.Action{Kind: followup.AfterApplying, App: app, To: jane, Channel: followup.Email}, "Check in about your application with Ms. Schmoe — Acme"},
		{followup.Action{Kind: followup.AfterApplying, App: app, Channel: followup.Email}, "Check in about your application — Acme"},
		{followup.Action{Kind: followup.OfferThanks, App: app, To: jane, Channel: followup.Phone}, "Thank Ms. Schmoe for the offer by phone — Acme"},
		{followup.Action{Kind: followup.OfferThanks, App: app, Channel: followup.Email}, "Thank them for the offer — Acme"},
		{followup.Action{Kind: followup.OfferDeadline, App: app, To: jane, Channel: followup.Email}, "Answer the offer to Ms. Schmoe — Acme"},
	} {
		if got := summary(&c.a); got != c.want {
			t.Errorf("%s: %q, want %q", c.a.Kind, got, c.want)
		}
	}
}
