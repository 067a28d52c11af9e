package edit

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followup-tool/followup/internal/content"
	"github.com/followup-tool/followup/internal/followup"
)

// gen writes a random valid application in block style, formatted the
// ways people format by hand: two or four spaces, "- " or "-   ",
// comments and blank lines anywhere, quoted or plain values, CRLF and a
// BOM, the log absent, empty, "[]", last or in the middle.
type gen struct {
	r          *rand.Rand
	b          strings.Builder
	nl         string
	step, dash int // mapping indent; columns from "-" to an item's fields
	seqOff     int // columns from a list's field to its "-"
}

func (g *gen) line(indent int, s string) {
	g.b.WriteString(strings.Repeat(" ", indent) + s)
	if g.r.IntN(5) == 0 {
		g.b.WriteString(strings.Repeat(" ", 1+g.r.IntN(8)) + "# note " + fmt.Sprint(g.r.IntN(100)))
	}
	g.b.WriteString(g.nl)
	g.noise(indent)
}

func (g *gen) noise(indent int) {
	switch g.r.IntN(8) {
	case 0:
		g.b.WriteString(g.nl)
	case 1:
		g.b.WriteString(strings.Repeat(" ", g.r.IntN(indent+1)) + "# a comment" + g.nl)
	}
}

func (g *gen) text(s string) string {
	switch g.r.IntN(3) {
	case 0:
		return `"` + s + `"`
	case 1:
		return "'" + s + "'"
	}
	return s
}

func (g *gen) item(indent int, fields []string) {
	ind := indent + g.seqOff
	for i, f := range fields {
		if i == 0 {
			g.line(ind, "-"+strings.Repeat(" ", g.dash-1)+f)
		} else {
			g.line(ind+g.dash, f)
		}
	}
}

type genApp struct {
	data              []byte
	rounds, ivs       int // rounds, interviewers of the first round
	last              followup.Date
	hasLog, logAsList bool
}

func generate(seed uint64) genApp {
	r := rand.New(rand.NewPCG(seed, seed>>7))
	g := &gen{r: r, nl: "\n", step: 2 + 2*r.IntN(2), dash: 2 + 2*r.IntN(2), seqOff: 2 * r.IntN(2)}
	if r.IntN(3) == 0 {
		g.nl = "\r\n"
	}
	if r.IntN(4) == 0 {
		g.b.WriteString("\ufeff")
	}
	g.b.WriteString("---" + g.nl)
	g.noise(0)
	g.line(0, "company: "+g.text("Acme Labs"))
	g.line(0, "role: "+g.text("Designer"))
	g.line(0, "applied: 2027-01-04")
	ga := genApp{last: followup.Date{Year: 2027, Month: 1, Day: 4}}
	logAt := r.IntN(3) // before rounds, after, or none
	writeLog := func() {
		switch r.IntN(4) {
		case 0:
			g.line(0, "log:")
		case 1:
			g.line(0, "log: []")
		default:
			g.line(0, "log:")
			for i := range 1 + r.IntN(3) {
				d := followup.Date{Year: 2027, Month: 1, Day: 5 + i}
				g.item(0, []string{"on: " + d.String(), "heard: " + g.text("fine")})
				ga.last = d
				ga.logAsList = true
			}
		}
		ga.hasLog = true
	}
	if logAt == 0 {
		writeLog()
	}
	if r.IntN(2) == 0 {
		g.line(0, "contact:")
		g.line(g.step, "name: "+g.text("Jane Roe"))
	}
	ga.rounds = r.IntN(3)
	if ga.rounds > 0 {
		g.line(0, "rounds:")
		for i := range ga.rounds {
			key := g.seqOff + g.dash
			g.item(0, []string{fmt.Sprintf("at: 2027-01-0%d 10:00", 2+i), "kind: video"})
			n := 1 + r.IntN(3)
			if i == 0 {
				ga.ivs = n
			}
			g.line(key, "interviewers:")
			for j := range n {
				f := []string{"name: " + g.text(fmt.Sprintf("Person %d", j))}
				if r.IntN(2) == 0 {
					f = append(f, "title: Dr.")
				}
				g.item(key, f)
			}
		}
	}
	if logAt == 1 {
		writeLog()
	}
	g.b.WriteString("---" + g.nl + "Notes." + g.nl)
	ga.data = []byte(g.b.String())
	return ga
}

// FuzzEdit applies a random edit to a random valid application: the
// result parses, holds the edit, and every byte outside it is unchanged.
func FuzzEdit(f *testing.F) {
	for i := range 20 {
		f.Add(uint64(i*7919), uint8(i))
	}
	f.Fuzz(func(t *testing.T, seed uint64, which uint8) {
		ga := generate(seed)
		before, errs := content.Parse("x.md", "x", ga.data, "UTC")
		if len(errs) > 0 {
			t.Fatalf("generated file does not parse: %v\n%s", errs, ga.data)
		}
		on := ga.last.AddDays(1)
		var c Change
		switch which % 4 {
		case 0:
			if ga.rounds == 0 {
				return
			}
			c = thanked(0, int(which/4)%ga.ivs, which%8 == 0, followup.Date{Year: 2027, Month: 1, Day: 20}, "t")
		case 1:
			c = log(followup.LogEntry{On: on, Heard: "said: \"soon\" #1", Next: on.AddDays(3)}, "h")
		case 2:
			c = log(followup.LogEntry{On: on, Outcome: followup.Offer, Deadline: on.AddDays(5), Note: "80k"}, "o")
		case 3:
			var err error
			c, err = round(NewRound{At: followup.LocalTime{Date: on, Hour: 9}, Kind: followup.PhoneRound, With: []string{"Ana Núñez"}}, "r")
			if err != nil {
				t.Fatal(err)
			}
		}
		out, err := Apply("x.md", "x", ga.data, "UTC", c)
		if err != nil {
			var p *Problem
			if errors.As(err, &p) {
				t.Fatalf("a block-style file was refused: %v\n%s", err, ga.data)
			}
			t.Fatalf("unexpected error: %v", err)
		}
		after, errs := content.Parse("x.md", "x", out, "UTC")
		if len(errs) > 0 {
			t.Fatalf("result does not parse: %v\n%s", errs, out)
		}
		switch which % 4 {
		case 0:
			iv := after.Rounds[0].Interviewers[int(which/4)%ga.ivs]
			if iv.Thanked.IsZero() && iv.Posted.IsZero() {
				t.Fatalf("the date is not in the result:\n%s", out)
			}
		case 1, 2:
			if len(after.Log) != len(before.Log)+1 || after.Log[len(after.Log)-1].On != on {
				t.Fatalf("the entry is not last in the log:\n%s", out)
			}
		case 3:
			if len(after.Rounds) != len(before.Rounds)+1 || after.Rounds[len(after.Rounds)-1].Interviewers[0].Name != "Ana Núñez" {
				t.Fatalf("the round is not in the result:\n%s", out)
			}
		}
		// Outside the change nothing moved: what the input has beyond the
		// common start and end is at most the rest of one line.
		p := 0
		for p < len(ga.data) && p < len(out) && ga.data[p] == out[p] {
			p++
		}
		s := 0
		for s < len(ga.data)-p && s < len(out)-p && ga.data[len(ga.data)-1-s] == out[len(out)-1-s] {
			s++
		}
		if gone := ga.data[p : len(ga.data)-s]; bytes.ContainsAny(gone, "\n") {
			t.Fatalf("bytes outside the change differ (%q removed):\n%s\n---\n%s", gone, ga.data, out)
		}
	})
}

// FuzzApplyAnyFile: on any bytes at all, Apply never panics, and when it
// writes, the result passes check and ends with the same notes.
func FuzzApplyAnyFile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.md"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && !strings.Contains(name, ".want.") {
			for which := range uint8(4) {
				f.Add(b, which)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		on := followup.Date{Year: 2027, Month: 3, Day: 1}
		var c Change
		switch which % 4 {
		case 0:
			c = thanked(int(which/4)%2, int(which/8)%2, which%16 == 0, on, "t")
		case 1:
			c = log(followup.LogEntry{On: on, Heard: "ok: \"x\" #1", Next: on.AddDays(2)}, "h")
		case 2:
			c = log(followup.LogEntry{On: on, Skipped: "x/thank-you/r1/a", Note: "n"}, "s")
		case 3:
			var err error
			if c, err = round(NewRound{At: followup.LocalTime{Date: on, Hour: 9}, With: []string{"Dr. A B"}}, "r"); err != nil {
				t.Fatal(err)
			}
		}
		out, err := Apply("x.md", "x", data, "UTC", c)
		if err != nil {
			return
		}
		if _, errs := content.Parse("x.md", "x", out, "UTC"); len(errs) > 0 {
			t.Fatalf("written file does not pass check: %v\n%q", errs, out)
		}
		d, _ := parseDoc(data)
		if d == nil || !bytes.HasSuffix(out, data[d.end:]) {
			t.Fatalf("the notes changed:\n%q\n%q", data, out)
		}
	})
}
