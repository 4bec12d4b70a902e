package ui

import (
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// The outcomes tab shows a row per academic year with the employment share
// computed as the numbers are typed; a changed number is saved, a word in
// a number field marks the tab and keeps Save off.
func TestOutcomesTab(t *testing.T) {
	u, s := newTestUI(t, "ru")
	e, a := openStored(t, u)
	e.selectTab("tab.outcomes")
	tab := e.tab("tab.outcomes").(*outcomesTab)
	// 2024: 15 of 18 graduates employed, 12 of 15 still after a year.
	if shown := texts(tab.content()); !contains(shown, "83,3 %") || !contains(shown, "80,0 %") {
		t.Errorf("the 2024/2025 row does not show 83,3 %% and 80,0 %%: %q", shown)
	}
	entries := findEntries(tab.content())
	if len(entries) != 6*len(a.Outcomes) {
		t.Fatalf("%d number fields for %d years", len(entries), len(a.Outcomes))
	}
	employed := entries[2] // placed, graduates, employed, …
	employed.SetText("")
	test.Type(employed, "18")
	if shown := texts(tab.content()); !contains(shown, "100,0 %") {
		t.Errorf("18 of 18 employed does not show 100,0 %%: %q", shown)
	}
	if e.saveBtn.Disabled() {
		t.Fatal("Save is off after a valid change")
	}
	test.Tap(e.saveBtn)
	stored, err := s.Agreement(a.ID)
	if err != nil || stored.Outcomes[0].Employed != 18 {
		t.Fatalf("stored outcomes %+v, %v", stored.Outcomes, err)
	}

	e = u.page.(*agreementEditor)
	entries = findEntries(e.tab("tab.outcomes").content())
	entries[1].SetText("")
	test.Type(entries[1], "много")
	if !e.saveBtn.Disabled() {
		t.Error("Save is on with a word in the graduates field")
	}
	if title := e.appTabs.Items[e.tabIndex("tab.outcomes")].Text; !strings.HasSuffix(title, "⚠") {
		t.Errorf("the outcomes tab is not marked: %q", title)
	}
}

// An attachment added is listed with its size, opens in the system's
// viewer with its bytes, is written in the history, and goes when removed
// after the question.
func TestAttachmentsTab(t *testing.T) {
	u, s := newTestUI(t, "ru")
	e, a := openStored(t, u)
	e.selectTab("tab.attachments")
	files := e.tab("tab.attachments").(*filesTab)
	if !contains(texts(files.content()), tr("files.none")) {
		t.Errorf("an agreement without attachments does not say so: %q", texts(files.content()))
	}
	data := []byte("%PDF-1.4 подписанный экземпляр")
	if _, err := s.AddAttachment(a.ID, "Скан.pdf", "application/pdf", data); err != nil {
		t.Fatal(err)
	}
	e.attachmentsChanged() // what the file dialog's choice does
	if files.list.Length() != 1 || !files.open.Disabled() || !files.remove.Disabled() {
		t.Fatalf("after adding: %d listed, open off %v, remove off %v", files.list.Length(), files.open.Disabled(), files.remove.Disabled())
	}
	files.list.Select(0)
	if files.open.Disabled() || files.remove.Disabled() {
		t.Fatal("a selected attachment cannot be opened or removed")
	}
	test.Tap(files.open)
	opened := openedPaths(u)
	if len(opened) != 1 || !strings.HasSuffix(opened[0], "Скан.pdf") {
		t.Fatalf("opened %q", opened)
	}
	if got, err := os.ReadFile(opened[0]); err != nil || string(got) != string(data) {
		t.Errorf("the file opened holds %q, %v", got, err)
	}
	hist := e.tab("tab.history").(*historyTab)
	if n := len(hist.entries); n < 2 {
		t.Errorf("the history shows %d entries after an attachment was added", n)
	}

	test.Tap(files.remove)
	tapButton(t, topOverlay(t, u), tr("action.remove"))
	stored, err := s.Agreement(a.ID)
	if err != nil || len(stored.Attachments) != 0 || files.list.Length() != 0 {
		t.Errorf("after removing: stored %d, listed %d, %v", len(stored.Attachments), files.list.Length(), err)
	}
}

// The history tab lists every change, newest first, naming the fields
// that changed in the interface language.
func TestHistoryTab(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	e, _ := openStored(t, u)
	e.terms.title.SetText("")
	test.Type(e.terms.title, "Меморандум о дуальном обучении (изм.)")
	test.Tap(e.saveBtn)
	e = u.page.(*agreementEditor)
	e.selectTab("tab.history")
	hist := e.tab("tab.history").(*historyTab)
	if len(hist.entries) != 2 {
		t.Fatalf("%d history entries after a create and a save", len(hist.entries))
	}
	shown := strings.Join(texts(hist.content()), "\n")
	first, _, _ := strings.Cut(shown, "\n"+label(model.ActionCreated))
	if !strings.Contains(first, label(model.ActionUpdated)+": "+tr("field.title")) {
		t.Errorf("the newest entry does not say the title changed:\n%s", shown)
	}
}

// Terminating asks for the date and the reason; without a reason nothing
// is stored, with one the agreement is terminated and shown so.
func TestTerminateAgreement(t *testing.T) {
	u, s := newTestUI(t, "ru")
	e, a := openStored(t, u)
	test.Tap(e.terminate)
	tapButton(t, topOverlay(t, u), tr("action.terminate"))
	if stored, _ := s.Agreement(a.ID); stored.Status != model.StatusActive {
		t.Fatalf("terminated without a reason: %s", stored.Status)
	}
	if !strings.Contains(strings.Join(texts(topOverlay(t, u)), " "), tr("field.termination_reason")) {
		t.Errorf("the refusal does not name the reason field: %q", texts(topOverlay(t, u)))
	}
	for i := 0; i < 5 && overlays(u) > 0; i++ {
		pressEsc(u)
	}
	test.Tap(e.terminate)
	dlg := topOverlay(t, u)
	if date := find[*widgets.DateEntry](dlg); date == nil || date.Text != testToday.String() {
		t.Fatalf("the dialog's fields %q: the date should default to today", texts(dlg))
	}
	entries := findEntries(dlg)
	if len(entries) == 0 {
		t.Fatalf("no reason field among %q", texts(dlg))
	}
	test.Type(entries[len(entries)-1], "Предприятие ликвидировано")
	tapButton(t, dlg, tr("action.terminate"))
	stored, err := s.Agreement(a.ID)
	if err != nil || stored.Status != model.StatusTerminated || stored.TerminatedOn != testToday || stored.TerminationReason != "Предприятие ликвидировано" {
		t.Fatalf("stored %s on %s because %q, %v", stored.Status, stored.TerminatedOn, stored.TerminationReason, err)
	}
	e = u.page.(*agreementEditor)
	if e.orig.Status != model.StatusTerminated || e.terminate.Visible() || e.renew.Visible() {
		t.Errorf("the editor shows %s, terminate shown %v, renew shown %v", e.orig.Status, e.terminate.Visible(), e.renew.Visible())
	}
}

// Duplicating opens a new draft with the same terms, a new number and no
// attachments; saving it adds an agreement and leaves the original.
func TestDuplicateAgreement(t *testing.T) {
	u, s := newTestUI(t, "ru")
	e, a := openStored(t, u)
	if _, err := s.AddAttachment(a.ID, "Скан.pdf", "application/pdf", []byte("%PDF")); err != nil {
		t.Fatal(err)
	}
	e.attachmentsChanged()
	test.Tap(e.duplicate)
	d, ok := u.page.(*agreementEditor)
	if !ok || d == e || d.orig.ID != 0 {
		t.Fatalf("no new draft opened: %T", u.page)
	}
	if d.terms.title.Text != a.Title || d.terms.number.Text == a.Number || d.terms.number.Text == "" ||
		len(d.orig.Attachments) != 0 || d.orig.Status != model.StatusDraft {
		t.Errorf("the copy: title %q, number %q (was %q), %d attachments, %s",
			d.terms.title.Text, d.terms.number.Text, a.Number, len(d.orig.Attachments), d.orig.Status)
	}
	if d.saveBtn.Disabled() {
		t.Fatalf("the copy cannot be saved: %s", d.problems.Text)
	}
	test.Tap(d.saveBtn)
	sums, _ := s.Summaries()
	if len(sums) != 2 {
		t.Fatalf("%d agreements stored after saving the copy", len(sums))
	}
	if orig, _ := s.Agreement(a.ID); orig.Number != a.Number || len(orig.Attachments) != 1 {
		t.Errorf("the original changed: %q, %d attachments", orig.Number, len(orig.Attachments))
	}
}

// Deleting asks first; Cancel keeps the agreement, Delete removes it from
// the file and the list and goes back to the list.
func TestDeleteAgreement(t *testing.T) {
	u, s := newTestUI(t, "ru")
	u.goTo("agreements", nil)
	e, a := openStored(t, u)
	test.Tap(e.del)
	tapButton(t, topOverlay(t, u), tr("action.cancel"))
	if _, err := s.Agreement(a.ID); err != nil || u.page != e {
		t.Fatalf("Cancel: %v, editor still open %v", err, u.page == e)
	}
	test.Tap(e.del)
	tapButton(t, topOverlay(t, u), tr("action.delete"))
	settle(u)
	if _, err := s.Agreement(a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the agreement is still stored: %v", err)
	}
	if u.page != nil {
		t.Errorf("the editor stays open: %T", u.page)
	}
	if rows := u.currentScreen().(*agreementsScreen).rows; len(rows) != 0 {
		t.Errorf("the list still shows %d agreements", len(rows))
	}
}
