package build

import (
	"bytes"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/site"
	"github.com/followup-tool/followup/internal/worklog"
	"github.com/followup-tool/followup/internal/zone"
)

// worklogFile is the printable work-search log of a private build. It
// names employers' phones and the people contacted, so a public build
// never writes it.
const worklogFile = "worklog.html"

// worklogPageMax bounds the page: a search of tens of thousands of
// generated applications would otherwise make a page of hundreds of
// megabytes, and no one prints more than a few hundred activities.
const worklogPageMax = 2000

// worklogPage renders every week from the first activity to the build's
// day, or nothing (ok false) for a public build.
func worklogPage(res *Result, memo *site.Memo, log *worklog.Memo) ([]byte, error) {
	cfg := res.Config
	if cfg.Public {
		return nil, nil
	}
	loc, err := zone.Load(cfg.Timezone)
	if err != nil {
		return nil, err
	}
	today := followup.DateOf(res.Plan.Now.In(loc))
	var b bytes.Buffer
	l := log.Build(res.Project.Apps, followup.Date{}, today, today, cfg.WorklogMinimum).Recent(worklogPageMax)
	// With a memo, the page is made again only when the log is not the
	// same as last time (a save that changes notes leaves it alone).
	if out, ok := memo.Get(worklogFile, l); ok {
		return out.([]byte), nil
	}
	if err := site.Worklog(&b, l, cfg.Owner.Name, res.Project.Theme); err != nil {
		return nil, err
	}
	memo.Put(worklogFile, l, b.Bytes())
	return b.Bytes(), nil
}
