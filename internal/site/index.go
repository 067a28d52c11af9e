package site

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/schedule"
)

// IndexPage is index.html: the agenda and the pipeline. It has the fields
// of Page as its own (see AppPage).
type IndexPage struct {
	Site     string
	Title    string
	Root     string
	Public   bool
	Built    string
	BuiltISO string
	Feed     *Feed

	Agenda []Bucket // overdue, today, this week, later; every one, even when empty
	// Interviews not over yet, in start order (interviews.go).
	Interviews []InterviewView
	Open       int          // open actions in all
	Stages     []StageGroup // the applications by stage, in pipeline order, non-empty stages only
	Funnel     Funnel
	Response   Response
	Rows       []Row // the table, by stage then company
	// In a search of more than bigSearch applications, the closed ones
	// leave the index for closed.html, so the page a person opens every
	// morning stays small; ClosedRows are those, ClosedCount their number.
	ClosedRows  []Row
	ClosedCount int
	ClosedPage  bool // this is closed.html: Rows are the closed applications
}

// Page is the part every page shares, as {{.Page}} gave it when Page
// was embedded.
func (p *IndexPage) Page() Page {
	return Page{Site: p.Site, Title: p.Title, Root: p.Root, Public: p.Public, Built: p.Built, BuiltISO: p.BuiltISO, Feed: p.Feed}
}

func (p *IndexPage) setPage(pg Page) {
	p.Site, p.Title, p.Root, p.Public, p.Built, p.BuiltISO, p.Feed = pg.Site, pg.Title, pg.Root, pg.Public, pg.Built, pg.BuiltISO, pg.Feed
}

// bigSearch is the size above which closed applications get their own page
// and the stage lists are cut short.
const bigSearch = 200

// stageListMax is how many applications a stage lists on a big search's
// index; the table has them all.
const stageListMax = 12

// Bucket is one part of the agenda.
type Bucket struct {
	Name    string // overdue, today, week, later (site.js uses it)
	Label   string // "Overdue", "Today", …
	Empty   string // what to say when nothing is in it
	Actions []ActionView
}

// StageGroup is the applications in one stage.
type StageGroup struct {
	Stage string
	Label string
	Count int
	Apps  []AppLink
	More  int // applications not listed (big searches)
}

// AppLink names an application and links to its page.
type AppLink struct {
	Href    string
	Company string
	Role    string
}

// Row is one line of the pipeline table: the fields of AppLink as its
// own (see AppPage), and the rest. The Sort fields are what site.js
// orders by.
type Row struct {
	Href        string
	Company     string
	Role        string
	Stage       string
	StageLabel  string
	StageOrder  int
	LastContact string // YYYY-MM-DD, empty when nothing happened yet
	LastShort   string // the same for people: "Nov 21" (with the year when it is not the build's)
	Next        *ActionView
	NextSort    int64 // the next action's due instant in ms; math.MaxInt64 when none
	Waiting     int   // days since they last moved, as of the build
	Since       string
	HasWaiting  bool
	TZ          string
}

// AppLink is the link to the row's application, as {{.AppLink}} gave it
// when AppLink was embedded.
func (r *Row) AppLink() AppLink { return AppLink{Href: r.Href, Company: r.Company, Role: r.Role} }

// Funnel is the picture applied → interviewed → offer → accepted, with
// geometry computed here so the template only draws.
type Funnel struct {
	Width, Height int
	Steps         []FunnelStep
	Summary       string // the figures in one sentence, for screen readers and print
}

// FunnelStep is one bar of the funnel, with the band joining it to the next.
type FunnelStep struct {
	Label      string
	Count      int
	Pct        string  // share of all applications
	X, Y, W, H float64 // the bar
	TextX      float64 // the caption's centre
	TextY      float64 // the caption's baseline
	Band       string  // SVG polygon points to the next bar; empty for the last
}

// Response is how employers answered.
type Response struct {
	Replies    int    // interviews that were followed by a reply
	MedianDays string // median days from an interview to the first reply; empty without replies
	Quiet      int    // applications that went quiet (quiet now, or when you withdrew)
	Total      int
	QuietPct   string
}

var bucketNames = []struct{ name, label, empty string }{
	{BucketOverdue, "Overdue", "Nothing overdue."},
	{BucketToday, "Today", "Nothing due today."},
	{BucketWeek, "This week", "Nothing in the next 7 days."},
	{BucketLater, "Later", "Nothing further ahead."},
}

var stageLabels = map[followup.Stage]string{
	followup.StageApplied:      "Applied",
	followup.StageInterviewing: "Interviewing",
	followup.StageOffer:        "Offer",
	followup.StageAccepted:     "Accepted",
	followup.StageRejected:     "Rejected",
	followup.StageWithdrawn:    "Withdrawn",
	followup.StageQuiet:        "Quiet",
}

func stageOrder(s followup.Stage) int {
	for i, v := range followup.Stages {
		if v == s {
			return i
		}
	}
	return len(followup.Stages)
}

func (r *Site) indexPage() *IndexPage {
	p := &IndexPage{Open: len(r.actions), Interviews: r.interviews()}
	p.setPage(r.page(r.in.Config.Title, ""))
	for _, b := range bucketNames {
		bk := Bucket{Name: b.name, Label: b.label, Empty: b.empty}
		for _, a := range r.actions {
			if a.Bucket == b.name {
				bk.Actions = append(bk.Actions, a)
			}
		}
		p.Agenda = append(p.Agenda, bk)
	}
	next := make(map[string]int, len(r.actions))
	for i := len(r.actions) - 1; i >= 0; i-- {
		next[r.actions[i].Slug] = i
	}
	p.Rows = make([]Row, 0, len(r.apps))
	for _, a := range r.apps {
		st := r.status(a)
		row := Row{
			Href:       hrefTo("", a.Slug),
			Company:    a.Company,
			Role:       a.Role,
			Stage:      string(st.Stage),
			StageLabel: stageLabels[st.Stage],
			StageOrder: stageOrder(st.Stage),
			NextSort:   math.MaxInt64,
			TZ:         a.Loc.String(),
		}
		if !st.LastContact.IsZero() {
			row.LastContact = st.LastContact.String()
			row.LastShort = st.LastContact.Noon().Format("Jan 2")
			if st.LastContact.Year != r.in.Plan.Now.In(a.Loc).Year() {
				row.LastShort = st.LastContact.Noon().Format("Jan 2, 2006")
			}
		}
		if i, ok := next[a.Slug]; ok {
			row.Next = &r.actions[i]
			row.NextSort = r.actions[i].DueMS
		}
		if !st.Closed {
			row.HasWaiting = true
			row.Waiting = st.Waiting
			row.Since = followup.DateOf(r.in.Plan.Now.In(a.Loc)).AddDays(-st.Waiting).String()
		}
		p.Rows = append(p.Rows, row)
	}
	// By stage, then company, then slug (the order of r.apps). Sorting
	// positions rather than the rows themselves: a stable sort of 100,000
	// rows moved them about n·log²n times.
	at := make([]int, len(p.Rows))
	for i := range at {
		at[i] = i
	}
	slices.SortFunc(at, func(i, j int) int {
		a, b := &p.Rows[i], &p.Rows[j]
		if a.StageOrder != b.StageOrder {
			return cmp.Compare(a.StageOrder, b.StageOrder)
		}
		if c := strings.Compare(a.Company, b.Company); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	sorted := make([]Row, len(p.Rows))
	for k, i := range at {
		sorted[k] = p.Rows[i]
	}
	p.Rows = sorted
	big := len(p.Rows) > bigSearch
	for _, s := range followup.Stages {
		g := StageGroup{Stage: string(s), Label: stageLabels[s]}
		for _, row := range p.Rows {
			if row.Stage == string(s) {
				g.Count++
				if big && len(g.Apps) == stageListMax {
					g.More++
					continue
				}
				g.Apps = append(g.Apps, row.AppLink())
			}
		}
		if g.Count > 0 {
			p.Stages = append(p.Stages, g)
		}
	}
	if big {
		// Split in place: open rows to the front, closed ones after, each
		// in its order (at 100,000 applications two more copies of every
		// row were 45 MB of pointers for the collector).
		nOpen := 0
		for i := range p.Rows {
			if p.Rows[i].HasWaiting {
				nOpen++
			}
		}
		split := make([]Row, len(p.Rows))
		o, c := 0, nOpen
		for _, row := range p.Rows {
			if row.HasWaiting {
				split[o] = row
				o++
			} else {
				split[c] = row
				c++
			}
		}
		p.Rows, p.ClosedRows = split[:nOpen:nOpen], split[nOpen:]
		p.ClosedCount = len(p.ClosedRows)
	}
	p.Funnel = r.funnel()
	p.Response = r.response()
	return p
}

// status is the plan's word on a, never nil.
func (r *Site) status(a *followup.Application) *schedule.Status {
	if st := r.in.Plan.Status[a.Slug]; st != nil {
		return st
	}
	return &schedule.Status{App: a, Stage: followup.StageApplied}
}

// funnel counts how far applications got: every application was applied
// to; interviewed means a round has started; offer means an offer (or an
// acceptance) was recorded.
func (r *Site) funnel() Funnel {
	now := r.in.Plan.Now
	counts := make([]int, 4)
	for _, a := range r.apps {
		counts[0]++
		for i := range a.Rounds {
			if !a.Rounds[i].Start(a.Loc).After(now) {
				counts[1]++
				break
			}
		}
		offer, accepted := false, false
		for _, e := range a.Log {
			offer = offer || e.Outcome == followup.Offer || e.Outcome == followup.Accepted
			accepted = accepted || e.Outcome == followup.Accepted
		}
		if offer {
			counts[2]++
		}
		if accepted {
			counts[3]++
		}
	}
	labels := []string{"Applied", "Interviewed", "Offer", "Accepted"}
	// Each step is a caption over a bar centred on the same axis, so the
	// bars narrow like a funnel and no text can run out of the picture.
	const (
		width, rowH, barH = 360, 58, 26
		captionH          = 24
		margin            = 10
	)
	f := Funnel{Width: width, Height: rowH * len(labels)}
	center := float64(width) / 2
	for i, l := range labels {
		w := 4.0
		if counts[0] > 0 && counts[i] > 0 {
			w = math.Max(w, float64(width-2*margin)*float64(counts[i])/float64(counts[0]))
		}
		y := float64(i*rowH + captionH)
		f.Steps = append(f.Steps, FunnelStep{
			Label: l, Count: counts[i], Pct: pct(counts[i], counts[0]),
			X: round1(center - w/2), Y: y, W: round1(w), H: barH,
			TextX: center, TextY: y - 7,
		})
	}
	for i := 0; i+1 < len(f.Steps); i++ {
		a, b := f.Steps[i], f.Steps[i+1]
		f.Steps[i].Band = fmt.Sprintf("%g,%g %g,%g %g,%g %g,%g",
			a.X, a.Y+a.H, a.X+a.W, a.Y+a.H, b.X+b.W, b.Y, b.X, b.Y)
	}
	offers := "offers"
	if counts[2] == 1 {
		offers = "offer"
	}
	f.Summary = fmt.Sprintf("%d applied, %d interviewed, %d %s, %d accepted.", counts[0], counts[1], counts[2], offers, counts[3])
	return f
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func pct(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", int(math.Round(100*float64(n)/float64(of))))
}

// response measures replies: for each interview that is over, the days
// from its day to the first reply (heard or outcome) on or after it and
// before the next round. An interview followed by another round without a
// recorded reply is left out (the invitation was not written down), and
// so is one still waiting.
func (r *Site) response() Response {
	now := r.in.Plan.Now
	var days []int
	res := Response{Total: len(r.apps)}
	for _, a := range r.apps {
		if r.status(a).WentQuiet {
			res.Quiet++
		}
		rounds := make([]*followup.Round, 0, len(a.Rounds))
		for i := range a.Rounds {
			if !a.Rounds[i].End(a.Loc).After(now) {
				rounds = append(rounds, &a.Rounds[i])
			}
		}
		sort.SliceStable(rounds, func(i, j int) bool { return rounds[i].At.Before(rounds[j].At) })
		for i, rd := range rounds {
			var until followup.Date
			if i+1 < len(rounds) {
				until = rounds[i+1].At.Date
			}
			for _, e := range a.Log {
				if (e.Heard == "" && e.Outcome == "") || e.On.Before(rd.At.Date) {
					continue
				}
				if !until.IsZero() && e.On.After(until) {
					break
				}
				days = append(days, rd.At.Date.DaysUntil(e.On))
				break
			}
		}
	}
	res.Replies = len(days)
	if len(days) > 0 {
		sort.Ints(days)
		m := float64(days[len(days)/2])
		if len(days)%2 == 0 {
			m = float64(days[len(days)/2-1]+days[len(days)/2]) / 2
		}
		res.MedianDays = fmt.Sprintf("%g", m)
	}
	res.QuietPct = pct(res.Quiet, res.Total)
	return res
}
