// Package printtest provides a fake printer for tests: it records the jobs
// it is sent, with a copy of each file, and fails when told to.
package printtest

import (
	"context"
	"os"
	"slices"
	"sync"

	"github.com/partnerdesk/partnerdesk/reports/printing"
)

// Job is one job the fake printer received.
type Job struct {
	printing.Job
	Path string // the file it was sent
	PDF  []byte // the file's bytes at the time of Print
}

// Fake is a printing.Printer that prints nothing. It is safe for use by
// several goroutines.
type Fake struct {
	// Destinations is what Printers returns.
	Destinations []printing.Destination
	// ListErr, when set, is what Printers returns instead.
	ListErr error
	// Err, when set, is what Print returns (after recording the job).
	Err error

	mu   sync.Mutex
	jobs []Job
	sent chan struct{}
}

var _ printing.Printer = (*Fake)(nil)

// New returns a fake with the named printers, the first of them the
// default.
func New(names ...string) *Fake {
	f := &Fake{}
	for i, n := range names {
		f.Destinations = append(f.Destinations, printing.Destination{Name: n, Default: i == 0})
	}
	return f
}

// Printers returns Destinations, or ListErr.
func (f *Fake) Printers(ctx context.Context) ([]printing.Destination, error) {
	if f.ListErr != nil {
		return nil, f.ListErr
	}
	return append([]printing.Destination(nil), f.Destinations...), ctx.Err()
}

// Print records the job with a copy of the file and returns Err. Like a
// real printing system it refuses a job whose Check fails (unrecorded),
// and, recorded, a job when it has no printers, no default for a job that
// names none, or not the printer the job names.
func (f *Fake) Print(ctx context.Context, pdfPath string, job printing.Job) error {
	if err := job.Check(); err != nil {
		return err
	}
	data, err := os.ReadFile(pdfPath)
	if err != nil {
		return err
	}
	var refusal error
	switch {
	case len(f.Destinations) == 0 || job.Printer == "" && printing.DefaultName(f.Destinations) == "":
		refusal = &printing.Error{Kind: printing.ErrNoPrinter}
	case job.Printer != "" && !slices.ContainsFunc(f.Destinations, func(d printing.Destination) bool { return d.Name == job.Printer }):
		refusal = &printing.Error{Kind: printing.ErrPrinterNotFound, Detail: job.Printer}
	}
	f.mu.Lock()
	f.jobs = append(f.jobs, Job{Job: job, Path: pdfPath, PDF: data})
	if f.sent != nil {
		close(f.sent)
		f.sent = nil
	}
	f.mu.Unlock()
	if f.Err != nil {
		return f.Err
	}
	if refusal != nil {
		return refusal
	}
	return ctx.Err()
}

// Jobs returns the jobs received so far.
func (f *Fake) Jobs() []Job {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Job(nil), f.jobs...)
}

// Sent returns a channel closed when the next job arrives.
func (f *Fake) Sent() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.sent == nil {
		f.sent = make(chan struct{})
	}
	return f.sent
}
