package imports

import (
	"testing"
)

func TestPlanSkipsWhatIsAlreadyThere(t *testing.T) {
	existing := []Existing{
		{Slug: "acme", ID: "gamma-2222", Company: "Acme Architecture", Role: "Junior Designer", Posting: "https://jobs.example/acme/1"},
		{Slug: "2024/beta", Company: "Beta Builders", Role: "Estimator", Posting: "HTTPS://WWW.Board.example:443/jobs/view/77/?refId=1#top"},
	}
	recs := []Record{
		{Line: 2, Company: "ACME  architecture", Role: "junior designer"},                                     // same company and role
		{Line: 3, Company: "Beta", Role: "Cost Estimator", Posting: "https://www.board.example/jobs/view/77"}, // same posting
		{Line: 4, Company: "Gamma", Role: "Clerk", Posting: "https://indeed.example/viewjob?jk=1"},
		{Line: 5, Company: "Gamma Inc", Role: "Clerk II", Posting: "https://indeed.example/viewjob?jk=2"}, // another posting
		{Line: 6, Company: "Gamma", Role: "Clerk"},                                                        // repeats line 4
		{Line: 7, Company: "Acme Architecture", Role: "Senior Designer"},
	}
	taken := map[string]bool{"gamma-clerk": true} // a file on disk that did not load
	p := MakePlan(recs, existing, func(s string) bool { return taken[s] }, zeros{})
	skipped := map[int]string{}
	for _, s := range p.Skip {
		skipped[s.Line] = s.Same
	}
	if skipped[2] != "acme" || skipped[3] != "2024/beta" || skipped[6] != "line 4" || len(p.Skip) != 3 {
		t.Errorf("skipped %v, want lines 2 (acme), 3 (2024/beta), 6 (line 4)", skipped)
	}
	var got []string
	for _, c := range p.Create {
		got = append(got, c.Slug+" "+c.ID)
	}
	want := []string{
		"gamma-clerk-2 gamma-2222-2", // the id gamma-2222 is in use
		"gamma-inc-clerk-ii gamma-inc-2222",
		"acme-architecture-senior-designer acme-architecture-2222",
	}
	if len(got) != len(want) {
		t.Fatalf("created %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("created %q, want %q", got[i], want[i])
		}
	}
}

func TestPostingKey(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.linkedin.com/jobs/view/3850000002/?refId=abc&trackingId=xyz": "https://www.linkedin.com/jobs/view/3850000002",
		"HTTPS://Jobs.Example:443/a/b/#apply":                                     "https://jobs.example/a/b",
		"https://boards.greenhouse.example/acme/jobs?gh_jid=42&utm_source=x":      "https://boards.greenhouse.example/acme/jobs?gh_jid=42",
		"jobs.example/a/": "jobs.example/a",
		"":                "",
	} {
		if got := postingKey(in); got != want {
			t.Errorf("postingKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBaseSlugIsShortAndReadable(t *testing.T) {
	for _, tc := range []struct{ company, role, want string }{
		{"Acme Architecture", "Junior Designer", "acme-architecture-junior-designer"},
		{"Café Núñez", "Designer, Interiors", "cafe-nunez-designer-interiors"},
		{"The Very Long Name Of An International Engineering Consultancy", "Senior Principal Structural Engineer", "the-very-long-name-of-an-international-engineering"},
		{"!!!", "???", "application"},
	} {
		if got := BaseSlug(tc.company, tc.role); got != tc.want {
			t.Errorf("BaseSlug(%q, %q) = %q, want %q", tc.company, tc.role, got, tc.want)
		}
	}
}
