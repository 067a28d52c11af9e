package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// Event identities. A subscribed calendar matches events by UID, so a UID
// must survive the edits people make to their files, or the client sees a
// delete and an add (and Google, slow to delete from subscribed calendars,
// shows both for a while):
//
//   - The application is named by its identity: the front matter's id when
//     it has one, which survives moving acme.md to archive/acme-inc.md,
//     else the path under content/ (followup.Application.Identity).
//   - A round is named by its day (roundKey), not its position, so listing
//     an earlier phone screen above it changes nothing, and moving it to
//     another hour of the same day is an update of the same event.
//   - An interviewer's thank-you is named by their email address when
//     they have one (personKey), so fixing a typo in the name keeps it.
//
// Action ids (`<slug>/<kind>/r<round>/<name>`, docs/rules.md) are not UIDs: they
// keep their documented form for agenda --json and the commands that take them,
// and follow the path and the round's position.

// actionUID is the UID, before its domain, of an action's event.
func actionUID(a *followup.Action) string {
	app := a.App
	if a.Kind == followup.ThankYou && a.Round != nil {
		uid := app.Identity() + "/thank-you/" + roundKey(app, a.Round) + "/" + personKey(app, a.Round, a.Interviewer, a.ID)
		if strings.HasSuffix(a.ID, "/letter") { // mail_letters' second note
			uid += "/letter"
		}
		return uid
	}
	// The other ids are <slug>/<kind>/<n>, n counting that kind in the
	// application: nothing in them but the slug depends on the file's place.
	if rest, ok := strings.CutPrefix(a.ID, app.Slug+"/"); ok {
		return app.Identity() + "/" + rest
	}
	return app.Identity() + "/" + a.ID
}

// interviewUID is the UID, before its domain, of an interview's event.
func interviewUID(iv *followup.Interview) string {
	return iv.App.Identity() + "/interview/" + roundKey(iv.App, iv.Round)
}

// roundKey names a round by its day, 20261102. Where the application has
// more rounds that day, the earliest of them keeps the plain day and the
// others add their time, 20261102T1400 (and -2, -3 for a second round at
// the very same minute, in file order), so adding a later round on the
// same day leaves the first alone.
func roundKey(app *followup.Application, r *followup.Round) string {
	day := fmt.Sprintf("%04d%02d%02d", r.At.Year, r.At.Month, r.At.Day)
	first, same, mine := true, 0, -1
	for i := range app.Rounds {
		o := &app.Rounds[i]
		if o == r {
			mine = i
			continue
		}
		if o.At.Date != r.At.Date {
			continue
		}
		if o.At.Before(r.At) || o.At == r.At && mine < 0 {
			first = false
		}
		if o.At == r.At && mine < 0 {
			same++
		}
	}
	if first {
		return day
	}
	key := fmt.Sprintf("%sT%02d%02d", day, r.At.Hour, r.At.Minute)
	if same > 0 {
		key += fmt.Sprintf("-%d", same+1)
	}
	return key
}

// personKey names an interviewer within a round: "m" and a hash of their
// email address when they have one, else their name as ids spell it
// (ana-nunez), with -2, -3 when two of the round's people share a key.
//
// The address itself never goes into a UID, which a public feed shows.
// The hash is salted with the application's identity, so the same person
// met in two applications cannot be matched across them; what it cannot
// hide is a guess of the exact address by someone who already has the
// feed's unguessable URL.
func personKey(app *followup.Application, r *followup.Round, iv *followup.Interviewer, id string) string {
	keys := map[string]bool{}
	for i := range r.Interviewers {
		o := &r.Interviewers[i]
		base := personBase(app, o, i)
		k := base
		for n := 2; keys[k]; n++ {
			k = fmt.Sprintf("%s-%d", base, n)
		}
		keys[k] = true
		if o == iv {
			return k
		}
	}
	// Not one of the round's people (an action made by hand): its id's
	// name part.
	id = strings.TrimSuffix(id, "/letter")
	return id[strings.LastIndexByte(id, '/')+1:]
}

func personBase(app *followup.Application, p *followup.Interviewer, i int) string {
	if e := strings.ToLower(strings.TrimSpace(p.Email)); e != "" {
		h := sha256.Sum256([]byte("followup interviewer\x00" + app.Identity() + "\x00" + e))
		return "m" + hex.EncodeToString(h[:5])
	}
	if s := followup.Slugify(p.Name); s != "" {
		return s
	}
	return fmt.Sprintf("person-%d", i+1)
}
