package calendar

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// FeedName is the file name of a feed. A private build uses calendar.ics;
// a public one hides the feed under a name derived from the secret key, so
// it cannot be guessed from the page's URL, stays the same across builds
// (a subscription keeps working) and changes only when the key is rotated.
func FeedName(public bool, key string) string {
	if !public {
		return "calendar.ics"
	}
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte("followup feed v1"))
	return "calendar-" + hex.EncodeToString(m.Sum(nil))[:24] + ".ics"
}
