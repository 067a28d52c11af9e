package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/chromedp/chromedp"
)

type pageLoad struct{ dom, load float64 } // milliseconds from navigation start

// browse opens file in a fresh headless Chromium tab runs times and
// returns the median of the navigation timing's DOMContentLoaded end and
// load end (site.js runs before DOMContentLoaded ends: it is deferred).
func browse(file string, runs int) (pageLoad, error) {
	path := os.Getenv("FOLLOWUP_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		return pageLoad{}, fmt.Errorf("no Chromium at %s (apt-get install chromium, set FOLLOWUP_CHROMIUM, or -browser=false)", path)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		return pageLoad{}, err
	}
	var doms, loads []float64
	for range runs {
		ctx, cancel := chromedp.NewContext(browser)
		ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
		err := chromedp.Do(ctx, chromedp.Navigate("file://"+file))
		var t []float64
		if err == nil {
			t, err = chromedp.Run(ctx, chromedp.Evaluate[[]float64](`new Promise(done => {
				const read = () => { const n = performance.getEntriesByType("navigation")[0];
					n.loadEventEnd > 0 ? done([n.domContentLoadedEventEnd, n.loadEventEnd]) : setTimeout(read, 20) };
				read() })`, chromedp.EvalAwaitPromise))
		}
		cancelTime()
		cancel()
		if err != nil {
			return pageLoad{}, fmt.Errorf("loading %s in Chromium: %v", file, err)
		}
		doms, loads = append(doms, t[0]), append(loads, t[1])
	}
	sort.Float64s(doms)
	sort.Float64s(loads)
	return pageLoad{doms[len(doms)/2], loads[len(loads)/2]}, nil
}
