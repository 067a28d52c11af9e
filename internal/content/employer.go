package content

import (
	"regexp"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// rePhone is a phone number as people write them: digits with spaces,
// dots, dashes, slashes and parentheses, an optional leading +, and an
// optional extension ("x 12", "ext. 12").
var rePhone = regexp.MustCompile(`^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*(?:\s*(?:x|ext\.?|extension)\s*[0-9]+)?$`)

// employer checks the optional fields about the employer and the way the
// application went in (via, address, phone) and copies them into app.
func (p *parser) employer(app *followup.Application, raw *rawApp) {
	app.Via = raw.Via
	if p.has("address") {
		app.Address = strings.TrimSpace(raw.Address)
		if app.Address == "" {
			p.errorf(p.pos("address"), "address: must not be empty; write the employer's address or remove the field")
		}
	}
	if p.has("phone") {
		app.Phone = strings.TrimSpace(raw.Phone)
		if digits := strings.Count(strings.Map(keepDigits, app.Phone), ""); !rePhone.MatchString(app.Phone) || digits-1 < 3 || digits-1 > 20 {
			p.errorf(p.pos("phone"), "phone: %q is not a phone number; write digits, spaces and + ( ) - . such as \"+1 617 555 0100\" (the employer's, for work-search logs)", raw.Phone)
		}
	}
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}
