package serve

import (
	"context"
	"strings"
	"time"

	"github.com/followup-tool/followup/internal/watch"
)

// Watch rebuilds on every batch of changes until ctx is done, logging each
// rebuild through logf. A batch that arrives during a build is gathered by
// the watcher and becomes exactly one more build.
func (s *Server) Watch(ctx context.Context, w *watch.Watcher, logf func(format string, args ...any)) {
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.Errors:
			if ok {
				logf("watch: %v", err)
			}
		case b, ok := <-w.C:
			if !ok {
				return
			}
			start := time.Now()
			if s.changed != nil {
				s.changed(b)
			}
			err := s.Rebuild()
			what := strings.Join(b.Paths, ", ")
			if len(b.Paths) > 3 {
				what = strings.Join(b.Paths[:3], ", ") + ", …"
			}
			if err != nil {
				logf("%s changed: build failed, serving the last good site:\n%v", what, err)
			} else {
				logf("%s changed: rebuilt in %v", what, time.Since(start).Round(time.Millisecond))
			}
		}
	}
}
