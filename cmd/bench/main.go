// Command bench measures followup against the floor: a program that only
// reads every application file, decodes its front matter with the same
// YAML library and renders its notes with goldmark, on all cores.
//
//	go run ./cmd/bench                     # 300, 2,000 and 10,000 applications
//	go run ./cmd/bench -baseline OLD       # and an older binary beside it, run for run
//	go run ./cmd/bench -sizes 1000,10000 -runs 5
//	go run ./cmd/bench floor DIR           # the floor program alone
//
// Corpora come from cmd/bench/gencorpus.py (deterministic: same
// arguments, same bytes) and are kept under .bench/ (git-ignored), never
// committed. Each size runs followup build and the floor alternately, and
// prints the median wall time, CPU time and peak RSS (GNU time) of each,
// with the ratio to the floor; then followup check and agenda.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"go.yaml.in/yaml/v4"
)

func main() {
	if len(os.Args) >= 3 && os.Args[1] == "floor" {
		if err := floor(os.Args[2]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	sizes := flag.String("sizes", "300,2000,10000", "comma-separated corpus sizes")
	runs := flag.Int("runs", 3, "runs of each program per size (the median is printed)")
	gen := flag.String("gen", "cmd/bench/gencorpus.py", "the corpus generator (run from the repository root)")
	dir := flag.String("dir", ".bench", "where corpora and binaries are kept")
	serveToo := flag.Bool("serve", true, "also time serve's save to reload, end to end (1,000 applications)")
	baseline := flag.String("baseline", "", "another followup binary to time beside this one, run for run (e.g. one built from an earlier commit)")
	browserToo := flag.Bool("browser", true, "also load each size's index.html and closed.html in Chromium (sizes up to 10,000)")
	flag.Parse()
	if err := run(*sizes, *runs, *gen, *dir, *browserToo, *baseline); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	if *serveToo {
		// The save-to-reload path of followup serve, end to end: from
		// writing a file to a GET returning the changed page. Target:
		// under 50 ms at 1,000 applications.
		c1k, err := corpus(*gen, *dir, 1000)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		bins := []string{filepath.Join(*dir, "followup")}
		if *baseline != "" {
			bins = append(bins, *baseline)
		}
		for _, bin := range bins {
			abs, _ := filepath.Abs(bin)
			d, err := saveToReload(abs, c1k, 30)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bench: serve:", err)
				os.Exit(1)
			}
			fmt.Printf("%-8d %-16s median %.1f ms, p90 %.1f ms, min %.1f ms over %d saves (%s)\n", 1000, "save to reload",
				ms(d[len(d)/2]), ms(d[len(d)*9/10]), ms(d[0]), len(d), filepath.Base(bin))
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

// floor is the lower bound: read, split, YAML-decode, render, on all cores.
func floor(dir string) error {
	var files []string
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out bytes.Buffer
			n := 0
			for p := range work {
				b, err := os.ReadFile(p)
				if err != nil {
					continue
				}
				parts := bytes.SplitN(b, []byte("\n---\n"), 2)
				var v map[string]any
				yaml.Load(bytes.TrimPrefix(parts[0], []byte("---\n")), &v)
				out.Reset()
				if len(parts) == 2 {
					md.Convert(parts[1], &out)
				}
				n += out.Len()
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	fmt.Fprintf(os.Stderr, "floor: %d files, %d bytes of HTML\n", len(files), total)
	return nil
}

type sample struct{ wall, cpu, rssMiB float64 }

// measure runs a command under GNU time.
func measure(name string, args ...string) (sample, error) {
	settle()
	cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%e %U %S %M"}, append([]string{name}, args...)...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = nil
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, lastLines(stderr.String(), 5))
	}
	f := strings.Fields(lastLines(stderr.String(), 1))
	if len(f) != 4 {
		return sample{}, fmt.Errorf("unexpected time output %q", stderr.String())
	}
	v := make([]float64, 4)
	for i := range f {
		v[i], _ = strconv.ParseFloat(f[i], 64)
	}
	return sample{wall: v[0], cpu: v[1] + v[2], rssMiB: v[3] / 1024}, nil
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}

func median(s []sample) sample {
	pick := func(f func(sample) float64) float64 {
		v := make([]float64, len(s))
		for i := range s {
			v[i] = f(s[i])
		}
		sort.Float64s(v)
		return v[len(v)/2]
	}
	return sample{pick(func(x sample) float64 { return x.wall }), pick(func(x sample) float64 { return x.cpu }), pick(func(x sample) float64 { return x.rssMiB })}
}

func run(sizes string, runs int, gen, dir string, browserToo bool, baseline string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	bin, _ := filepath.Abs(filepath.Join(dir, "followup"))
	self, _ := filepath.Abs(filepath.Join(dir, "floor"))
	for _, b := range [][2]string{{bin, "./cmd/followup"}, {self, "./cmd/bench"}} {
		if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	const now = "2026-11-21T12:00:00-05:00"
	fmt.Printf("machine: %s/%s, %d cores (GOMAXPROCS %d), %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Printf("%-8s %-16s %9s %9s %10s %8s\n", "apps", "program", "wall s", "cpu s", "peak MiB", "× floor")
	type sizeTime struct {
		n    int
		wall float64
	}
	var builds []sizeTime
	// Growth: how the build's time grows with the search (the target is
	// at most 11× from 10,000 to 100,000 applications).
	defer func() {
		for i := 1; i < len(builds); i++ {
			a, b := builds[i-1], builds[i]
			fmt.Printf("growth   %d → %d applications (%.1f×): build time %.2f×\n", a.n, b.n, float64(b.n)/float64(a.n), b.wall/a.wall)
		}
	}()
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("size %q: %v", s, err)
		}
		corpus, err := corpus(gen, dir, n)
		if err != nil {
			return err
		}
		// The first build has no previous site to overwrite in place: it
		// creates every directory and file (see internal/publish).
		os.RemoveAll(filepath.Join(corpus, "public"))
		os.RemoveAll(filepath.Join(corpus, "public"+".prev"))
		first, err := measure(bin, "build", "--source", corpus, "--now", now)
		if err != nil {
			return err
		}
		var fl, fu, fb []sample
		for i := 0; i < runs; i++ {
			a, err := measure(self, "floor", corpus)
			if err != nil {
				return err
			}
			b, err := measure(bin, "build", "--source", corpus, "--now", now)
			if err != nil {
				return err
			}
			fl, fu = append(fl, a), append(fu, b)
			if baseline != "" {
				c, err := measure(baseline, "build", "--source", corpus, "--now", now)
				if err != nil {
					return err
				}
				fb = append(fb, c)
			}
		}
		mf, mu := median(fl), median(fu)
		fmt.Printf("%-8d %-16s %9.3f %9.3f %10.1f %8s\n", n, "floor", mf.wall, mf.cpu, mf.rssMiB, "1.00")
		fmt.Printf("%-8d %-16s %9.3f %9.3f %10.1f %8.2f  %.0f µs per application\n", n, "followup build", mu.wall, mu.cpu, mu.rssMiB, mu.wall/mf.wall, mu.wall/float64(n)*1e6)
		if baseline != "" {
			mb := median(fb)
			fmt.Printf("%-8d %-16s %9.3f %9.3f %10.1f %8.2f  %s\n", n, "  baseline build", mb.wall, mb.cpu, mb.rssMiB, mb.wall/mf.wall, filepath.Base(baseline))
		}
		builds = append(builds, sizeTime{n, mu.wall})
		fmt.Printf("%-8d %-16s %9.3f %9.3f %10.1f %8.2f\n", n, "  first build", first.wall, first.cpu, first.rssMiB, first.wall/mf.wall)
		for _, cmd := range []string{"check", "agenda"} {
			var ss []sample
			for i := 0; i < runs; i++ {
				x, err := measure(bin, cmd, "--source", corpus, "--now", now)
				if err != nil && cmd != "check" {
					return err
				}
				ss = append(ss, x)
			}
			m := median(ss)
			fmt.Printf("%-8d %-16s %9.3f %9.3f %10.1f %8s\n", n, "followup "+cmd, m.wall, m.cpu, m.rssMiB, "")
		}
		if browserToo && n <= 10000 {
			for _, page := range []string{"index.html", "closed.html"} {
				file := filepath.Join(corpus, "public", page)
				st, err := os.Stat(file)
				if err != nil {
					continue // a small search has no closed.html
				}
				l, err := browse(file, runs)
				if err != nil {
					return err
				}
				fmt.Printf("%-8d %-16s %9.3f %9s %10s %8s  %.1f MB; DOMContentLoaded %.0f ms, load %.0f ms (Chromium, median of %d)\n",
					n, "  "+page, l.load/1000, "", "", "", float64(st.Size())/1e6, l.dom, l.load, runs)
			}
		}
	}
	return nil
}

// corpus generates (once) a corpus of n applications under dir.
func corpus(gen, dir string, n int) (string, error) {
	out, _ := filepath.Abs(filepath.Join(dir, fmt.Sprintf("corpus-%d", n)))
	stamp := filepath.Join(out, ".complete")
	if _, err := os.Stat(stamp); err == nil {
		return out, nil
	}
	os.RemoveAll(out)
	cmd := exec.Command("python3", gen, out, strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	if b, err := cmd.Output(); err != nil {
		return "", fmt.Errorf("%s: %v\n%s", gen, err, b)
	}
	return out, os.WriteFile(stamp, nil, 0o644)
}
