// Package schedule is the etiquette engine: Plan turns applications, the
// policy and a moment into every open follow-up action. It is a pure
// function of its arguments (no clock, no I/O), so the same content gives
// the same plan on every machine.
//
// Each rule lives in its own file and cites the advice it comes from (the
// articles and forum thread that docs/rules.md names, by their letters [A]
// to [E]), or says it is a product rule, beyond the advice; its reasons
// say so too, in words:
//
//	thankyou.go    thank-you to every interviewer of every round, within 24
//	               hours of the round's end; letters posted the same day
//	               ([A], [B], [C], [D], [E])
//	promise.go     the date they promised: the latest round's timeline or the
//	               latest reply's new date ([B] "if they said two weeks, wait
//	               two weeks", [A], [E])
//	cycle.go       check-in, then nudge, then move-on, restarted by a reply
//	               ([B] "allow one week after your thank you note", [C]
//	               "wait a week and send another", [E] "mentally move on")
//	cadence.go     at most one check-in or nudge per followup_gap, never on
//	               or before the promised day, weekends moved to Monday ([E]
//	               "calling more than once a week" crosses the line);
//	               product rule: holidays (holidays, extra_holidays) move
//	               them too, and business days skip them
//	rejection.go   a note the day after a rejection asking for feedback
//	               ([B], [C], [D])
//	withdrawal.go  withdraw the same day, and tell every other open
//	               application when you accept an offer ([B], [C]); one
//	               standing at offer is declined (product rule)
//	afterapplying.go  product rule: one check-in after_applying (14 days)
//	               after applying when nothing was heard; quiet after
//	               quiet_after (45 days) with no round and no reply
//	offer.go       product rule: thank them for an offer the next day;
//	               answer by the day before its deadline
//	quiet.go       what counts as having gone quiet: quiet now, or quiet
//	               when you withdrew ([E] "mentally move on")
//	interviews.go  interviews not over yet are on the agenda, with the
//	               reminder to ask about their timeline ([E] "hopefully,
//	               you asked about their timeline in the interview itself")
//	stage.go       the stage, derived from rounds and log, never typed
//	ids.go         stable ids from content alone
package schedule
