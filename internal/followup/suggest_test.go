package followup

import "testing"

func TestSuggest(t *testing.T) {
	fields := []string{"company", "role", "tz", "interviewers", "thanked", "timezone", "policy.max_followups"}
	for _, tc := range []struct{ in, want string }{
		{"interveiwers", "interviewers"}, // swapped letters are one edit
		{"compnay", "company"},
		{"thankd", "thanked"},
		{"timezon", "timezone"},
		{"policy.max_folowups", "policy.max_followups"},
		{"a", ""},      // nobody meant tz
		{"salary", ""}, // too far from anything
	} {
		if got := Suggest(tc.in, fields); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
