package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/followup"
	"github.com/followup-tool/followup/internal/worklog"
)

// TestWorklogEscapesAndSaysWhatItLeftOut: the printed log escapes every
// text of the files and the owner's name, flags a short week, and says
// how many earlier activities a page cut to its latest weeks leaves out.
func TestWorklogEscapesAndSaysWhatItLeftOut(t *testing.T) {
	day := func(d int) followup.Date { return followup.Date{Year: 2026, Month: 11, Day: d} }
	apps := []*followup.Application{
		{Slug: "a", Company: "<script>alert(1)</script> Co", Role: "Designer", Applied: day(2)},
		{Slug: "b", Company: "Beta", Role: "Designer", Applied: day(3)},
		{Slug: "c", Company: "Gamma & Sons", Role: "Designer", Applied: day(10)},
	}
	l := worklog.Build(apps, day(2), day(15), day(15), 3)
	var h bytes.Buffer
	if err := Worklog(&h, l, "Sam <Rivera>", nil); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	if strings.Contains(page, "<script>") || strings.Contains(page, "<Rivera>") {
		t.Errorf("the page carries user text unescaped:\n%s", page)
	}
	for _, want := range []string{"&lt;script&gt;", "Gamma &amp; Sons", "Sam &lt;Rivera&gt;", `class="flag">fewer than 3`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	h.Reset()
	if err := Worklog(&h, l.Recent(1), "", nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), "2 earlier activities are not on this page") || strings.Contains(h.String(), "Beta") {
		t.Errorf("a page of the latest week does not say what it left out:\n%s", h.String())
	}
}
