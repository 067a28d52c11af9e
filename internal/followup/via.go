package followup

import (
	"fmt"
	"strings"
)

// Via is how an application went in (the `via:` field). Weekly work-search
// logs for unemployment benefits ask for the method of every contact, so
// the worklog reports it as the application's method.
type Via string

const (
	ViaOnline   Via = "online"    // a web form or job board
	viaEmail    Via = "email"     // sent to a person or an address
	viaReferral Via = "referral"  // someone passed it on
	ViaInPerson Via = "in person" // handed in at the employer
	viaPhone    Via = "phone"
	viaLetter   Via = "letter" // by post
)

// vias lists the values of `via:` in the order messages give them.
var vias = []Via{ViaOnline, viaEmail, viaReferral, ViaInPerson, viaPhone, viaLetter}

func (v *Via) UnmarshalText(b []byte) error {
	s := strings.Join(strings.Fields(strings.ToLower(string(b))), " ")
	if s == "in-person" {
		s = string(ViaInPerson)
	}
	for _, w := range vias {
		if string(w) == s {
			*v = w
			return nil
		}
	}
	return fmt.Errorf("unknown way of applying %q (want online, email, referral, in person, phone or letter)", strings.TrimSpace(string(b)))
}
