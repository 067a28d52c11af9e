package followup

// Policy holds the etiquette settings of docs/rules.md.
type Policy struct {
	CheckInAfter    Span // no promised timeline: wait this long after the thank-you
	FollowupGap     Span // at most one check-in or nudge per application per gap
	MaxFollowups    int  // check-ins and nudges before move-on
	WeekendToMonday bool // check-ins and nudges never fall on Saturday or Sunday
	MailLetters     bool // propose a posted letter as well for every thank-you

	// Product rules beyond the advice articles; a zero span is "off".
	AfterApplying Span // one check-in this long after applying when nothing was heard
	QuietAfter    Span // no round and no reply this long after applying: quiet
	// Holidays are days check-ins, nudges and after-applying check-ins
	// move off, as off weekends, and that business days skip; nil: none.
	Holidays HolidaySet
}

// HolidaySet says which days are public holidays where the search is
// (package holiday builds one from holidays = "US" and extra_holidays).
type HolidaySet interface {
	Holiday(d Date) (name string, ok bool)
}

// IsHoliday reports whether d is a holiday of pol, and its name.
func (pol Policy) IsHoliday(d Date) (string, bool) {
	if pol.Holidays == nil {
		return "", false
	}
	return pol.Holidays.Holiday(d)
}

// Owner is the job seeker, who signs the drafts.
type Owner struct {
	Name      string
	Email     string // private
	Signature string
}

// Config is followup.toml after defaults are applied.
type Config struct {
	Title    string
	BaseURL  string
	Timezone string
	Owner    Owner
	Policy   Policy
	Public   bool   // build for the open web: no contacts, drafts or notes
	Output   string // output directory, relative to the project
	Domain   string // for calendar UIDs
	FeedKey  string // secret part of the public feed's file name
	// GitCommit: the recording commands (done, skip, ...) commit the file
	// they change with the user's git.
	GitCommit bool
	// WorklogMinimum is how many activities a week a work-search log
	// must show (three in New York, Washington and Nebraska); the
	// worklog flags weeks with fewer. 0 flags none.
	WorklogMinimum int
	// PublicNames publishes the names of contacts and interviewers in a
	// public build; without it they are shown as their role.
	PublicNames bool
	// FeedKeyPos is where followup.toml writes feed_key (zero when it
	// does not): a key written there is committed with the project.
	FeedKeyPos Pos
}

// MinFeedKey is the shortest feed key accepted: the key is all that
// keeps the public feed's address from being guessed, and 16 characters
// of `openssl rand -hex` are 64 bits.
const MinFeedKey = 16

// DefaultPolicy is the etiquette of the advice (docs/rules.md): 7 days without a promise
// ([B]), one follow-up a week ([E]), one check-in and one nudge ([C], [E]).
func DefaultPolicy() Policy {
	return Policy{
		CheckInAfter:    Span{N: 7, Unit: Days},
		FollowupGap:     Span{N: 7, Unit: Days},
		MaxFollowups:    2,
		WeekendToMonday: true,
		AfterApplying:   Span{N: 14, Unit: Days},
		QuietAfter:      Span{N: 45, Unit: Days},
	}
}

// DefaultConfig is the configuration when followup.toml is absent.
func DefaultConfig() Config {
	return Config{
		Title:    "Job search",
		Timezone: "UTC",
		Policy:   DefaultPolicy(),
		Output:   "public",
		Owner:    Owner{Signature: "Best regards"},

		WorklogMinimum: 3,
	}
}
