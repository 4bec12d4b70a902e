package ui

import (
	"time"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
)

// retryDelays are the waits before each new attempt to save while the
// server cannot be reached: soon at first, then every half minute, and
// after the last one only when the user presses "Try now".
var retryDelays = []time.Duration{
	2 * time.Second, 5 * time.Second, 10 * time.Second, 20 * time.Second,
	30 * time.Second, 30 * time.Second, 30 * time.Second, 30 * time.Second,
	30 * time.Second, 30 * time.Second, 30 * time.Second, 30 * time.Second,
}

// saveRetry is the editor's waiting to save again.
type saveRetry struct {
	attempt int
	wake    chan struct{} // "Try now", or the editor went away
	stop    chan struct{} // closed when the retrying ends
	waiting bool          // a wait is under way
}

// serverLost says that the save did not reach the server, keeps the
// editor as it is (everything typed stays) and waits to save again.
func (e *agreementEditor) serverLost() {
	if e.retry == nil {
		e.retry = &saveRetry{wake: make(chan struct{}, 1), stop: make(chan struct{})}
	}
	r := e.retry
	tryNow := widget.NewButtonWithIcon(tr("together.try_now"), theme.ViewRefreshIcon(), e.onTryNow)
	if r.attempt >= len(retryDelays) {
		e.notice.show(tr("together.server_lost_wait"), tryNow)
		return
	}
	delay := retryDelays[r.attempt]
	r.attempt++
	e.notice.show(tr("together.server_lost", "Time", time.Now().Add(delay).Format("15:04:05")), tryNow)
	e.waitToRetry(delay)
}

// waitToRetry saves again after delay, or at once on "Try now".
func (e *agreementEditor) waitToRetry(delay time.Duration) {
	r := e.retry
	if r.waiting {
		return
	}
	r.waiting = true
	e.u.runLater(func() error {
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.wake:
		case <-r.stop:
		}
		return nil
	}, func(error) {
		r.waiting = false
		if e.retry == r && e.u.page == e {
			e.retrySave()
		}
	})
}

func (e *agreementEditor) onTryNow() {
	r := e.retry
	if r == nil {
		return
	}
	e.notice.text.SetText(tr("together.saving"))
	if r.waiting {
		select {
		case r.wake <- struct{}{}:
		default:
		}
		return
	}
	e.retrySave()
}

// retrySave saves what the editor holds now, unless the last attempt
// reached the server after all (its answer was lost on the way): the
// save happens once, never twice.
func (e *agreementEditor) retrySave() {
	a, problems := e.collect()
	if len(problems) > 0 {
		e.stopRetry()
		e.u.showError(problems)
		return
	}
	st, renewOf := e.u.store, e.renewOf
	e.u.runLater(func() error {
		if landed, ok := findLanded(st, a); ok {
			a = landed
			return nil
		}
		if renewOf != 0 {
			return st.Renew(renewOf, &a)
		}
		return st.SaveAgreement(&a)
	}, func(err error) { e.afterChoice(a, err) })
}

// findLanded returns the stored agreement when an earlier save of the
// draft a reached the server: an agreement already stored has a newer
// revision that holds exactly the draft, a new one has its number and
// holds the draft.
func findLanded(st Store, a model.Agreement) (model.Agreement, bool) {
	var got model.Agreement
	var err error
	if a.ID != 0 {
		got, err = st.Agreement(a.ID)
		if err != nil || got.Rev == a.Rev {
			return got, false
		}
	} else if got, err = st.AgreementByNumber(a.Number); err != nil {
		return got, false
	}
	want := a
	want.Principles = model.NormalizePrinciples(want.Principles)
	want.Attachments = got.Attachments
	if want.Department == "" {
		want.Department = got.Department
	}
	return got, len(model.ChangedFields(&got, &want)) == 0
}

// stopRetry ends the waiting to save again and its banner.
func (e *agreementEditor) stopRetry() {
	if e.retry == nil {
		return
	}
	close(e.retry.stop)
	e.retry = nil
	e.notice.show("")
}

// closed stops the retries when the editor goes away.
func (e *agreementEditor) closed() {
	if e.retry != nil {
		close(e.retry.stop)
		e.retry = nil
	}
}
