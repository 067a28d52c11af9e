package followup

import "time"

// Action is one open follow-up: what to send, to whom, by when, and why.
type Action struct {
	ID          string
	Kind        Kind
	App         *Application
	Round       *Round       // for thank-you notes
	To          *Person      // nil for move-on
	Channel     Channel      // empty for move-on
	Due         time.Time    // deadline (thank-you) or first moment of the day (others)
	Day         Date         // the due day in the application's zone
	Start       time.Time    // when to do it: the round's end for a thank-you, else Due
	AllDay      bool         // a day action rather than a deadline
	Overdue     bool         // relative to the plan's now
	Reason      string       // one sentence: the rule and the facts behind it
	Interviewer *Interviewer // for thank-you notes
}

// Interview is an upcoming (or past) round, for the calendar.
type Interview struct {
	ID    string
	App   *Application
	Round *Round
	Start time.Time
	End   time.Time
}

// Label names the action for people: "Thank-you letter", "Check-in",
// "Feedback request". Pages, the terminal and the calendar use it.
func (a *Action) Label() string {
	switch a.Kind {
	case ThankYou:
		switch a.Channel {
		case Letter:
			return "Thank-you letter"
		case Phone:
			return "Thank-you call"
		}
		return "Thank-you note"
	case CheckIn:
		return "Check-in"
	case Nudge:
		return "Nudge"
	case MoveOn:
		return "Move on"
	case AfterRejection:
		return "Feedback request"
	case Withdrawal:
		return "Withdrawal"
	case AfterApplying:
		return "Check-in after applying"
	case OfferThanks:
		return "Thanks for the offer"
	case OfferDeadline:
		return "Answer the offer"
	}
	return string(a.Kind)
}
