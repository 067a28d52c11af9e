package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// saveToReload measures what a user of `followup serve` waits for: from
// writing a file to an HTTP GET of its page returning the changed page.
// It copies the corpus (the server's saves must not touch it), starts bin
// serve on it, listens to the server's event stream as the open page
// does, and then, saves times over, appends a line to the notes of one
// application and, on each event, GETs the page until the line shows
// (the browser's reload). Polling instead would take the CPU the
// rebuild needs. It returns the durations, sorted.
func saveToReload(bin, corpus string, saves int) ([]time.Duration, error) {
	dir, err := os.MkdirTemp("", "followup-serve-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if out, err := exec.Command("cp", "-r", filepath.Join(corpus, "content"), filepath.Join(corpus, "followup.toml"), dir).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("copying the corpus: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--source", dir, "--port", "0", "--now", "2026-11-21T12:00:00-05:00")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	base := ""
	re := regexp.MustCompile(`at (http://[^ ]+/) `)
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		return nil, fmt.Errorf("%s serve printed no address", bin)
	}
	go io.Copy(io.Discard, stdout)
	var files []string
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("no files in %s", dir)
	}
	client := &http.Client{Timeout: 5 * time.Second}
	get := func(url string) (string, error) {
		resp, err := client.Get(url)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), err
	}
	// The event stream: one signal per "data:" line.
	stream, err := http.Get(base + "_followup/events")
	if err != nil {
		return nil, err
	}
	defer stream.Body.Close()
	events := make(chan struct{}, 64)
	go func() {
		sc := bufio.NewScanner(stream.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data:") {
				events <- struct{}{}
			}
		}
		close(events)
	}()
	drain := func() {
		for {
			select {
			case <-events:
			default:
				return
			}
		}
	}
	var out []time.Duration
	for i := range saves {
		f := files[(i*7919)%len(files)]
		rel, _ := filepath.Rel(filepath.Join(dir, "content"), f)
		page := base + filepath.ToSlash(strings.TrimSuffix(rel, ".md")) + "/index.html"
		if _, err := get(page); err != nil { // the server is up and the page exists
			return nil, err
		}
		orig, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		mark := fmt.Sprintf("savemark%dx%d", i, time.Now().UnixNano())
		drain()
		start := time.Now()
		if err := os.WriteFile(f, append(orig, "\n\n"+mark+"\n"...), 0o644); err != nil {
			return nil, err
		}
		for {
			select {
			case _, ok := <-events:
				if !ok {
					return nil, fmt.Errorf("the event stream ended")
				}
			case <-time.After(10 * time.Second):
				return nil, fmt.Errorf("%s never showed the save", page)
			}
			if body, err := get(page); err == nil && strings.Contains(body, mark) {
				break
			}
		}
		out = append(out, time.Since(start))
		time.Sleep(50 * time.Millisecond) // let the watcher settle before the next save
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}
