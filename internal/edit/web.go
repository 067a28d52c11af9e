package edit

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/followup-tool/followup/internal/followup"
)

// Request is what a page served by followup serve posts: the same
// records as the commands, with the same names.
type Request struct {
	Op       string   `json:"op"` // done, skip, heard, outcome, round
	IDs      []string `json:"ids"`
	Why      string   `json:"why"`
	App      string   `json:"app"`
	Text     string   `json:"text"`
	Next     string   `json:"next"`
	Outcome  string   `json:"outcome"`
	Note     string   `json:"note"`
	Deadline string   `json:"deadline"`
	At       string   `json:"at"`
	Length   string   `json:"length"`
	Kind     string   `json:"kind"`
	With     []string `json:"with"`
	Timeline string   `json:"timeline"`
}

// Reply says what was written, or why nothing was.
type Reply struct {
	Message string `json:"message,omitempty"`
	Diff    string `json:"diff,omitempty"`
	Error   string `json:"error,omitempty"`
}

// Handle runs a posted request through the same code as the commands and
// returns the HTTP status and the reply.
func Handle(opt Options, body []byte) (int, Reply) {
	var req Request
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return http.StatusBadRequest, Reply{Error: "bad request: " + err.Error()}
	}
	date := func(name, s string) (followup.Date, error) {
		if s == "" {
			return followup.Date{}, nil
		}
		d, err := followup.ParseDate(s)
		if err != nil {
			return d, &UsageError{name + ": " + err.Error()}
		}
		return d, nil
	}
	var rs []Result
	err := func() error {
		switch req.Op {
		case "done", "skip":
			if len(req.IDs) == 0 {
				return &UsageError{req.Op + ": no action given"}
			}
			var err error
			if req.Op == "done" {
				rs, err = Done(opt, req.IDs)
			} else {
				rs, err = Skip(opt, req.IDs, req.Why)
			}
			return err
		case "heard":
			next, err := date("next", req.Next)
			if err != nil {
				return err
			}
			r, err := Heard(opt, req.App, req.Text, next)
			if r != nil {
				rs = append(rs, *r)
			}
			return err
		case "outcome":
			var o followup.Outcome
			if err := o.UnmarshalText([]byte(req.Outcome)); err != nil {
				return &UsageError{err.Error()}
			}
			dl, err := date("deadline", req.Deadline)
			if err != nil {
				return err
			}
			r, err := Outcome(opt, req.App, o, req.Note, dl)
			if r != nil {
				rs = append(rs, *r)
			}
			return err
		case "round":
			at, err := followup.ParseLocalTime(req.At)
			if err != nil {
				return &UsageError{"at: " + err.Error()}
			}
			nr := NewRound{At: at, Length: req.Length, Timeline: req.Timeline, With: req.With}
			if req.Kind != "" {
				if err := nr.Kind.UnmarshalText([]byte(req.Kind)); err != nil {
					return &UsageError{err.Error()}
				}
			}
			r, err := AddRound(opt, req.App, nr)
			if r != nil {
				rs = append(rs, *r)
			}
			return err
		}
		return &UsageError{"unknown op " + req.Op}
	}()
	if err != nil {
		var ue *UsageError
		var el followup.ErrorList
		switch {
		case errors.As(err, &ue):
			return http.StatusBadRequest, Reply{Error: ue.Msg}
		case errors.As(err, &el):
			return http.StatusConflict, Reply{Error: "the project has problems; fix them first:\n" + el.Error()}
		}
		return http.StatusConflict, Reply{Error: err.Error()}
	}
	var msg []string
	var diff strings.Builder
	for _, r := range rs {
		msg = append(msg, "Recorded in "+r.Path+": "+strings.Join(r.What, ", ")+".")
		if r.Git != "" {
			msg = append(msg, r.Git)
		}
		diff.WriteString(r.Diff)
	}
	return http.StatusOK, Reply{Message: strings.Join(msg, " "), Diff: diff.String()}
}
