package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// Without a PDF viewer, "open in the viewer" says so and offers Save as
// PDF instead of silently doing nothing.
func TestNoViewerOffersSaveAsPDF(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	u.opts.HasPDFViewer = func() bool { return false }
	dlg := editMemorandum(t, u)
	t.Setenv("PATH", t.TempDir()) // no pdftoppm: Preview opens the viewer
	tapButton(t, dlg, tr("print.preview"))
	settle(u)
	if opened := openedPaths(u); len(opened) != 0 {
		t.Errorf("opened %q with no viewer", opened)
	}
	top := topOverlay(t, u)
	if !contains(texts(top), tr("print.no_viewer")) || findButton(top, tr("doc.save_pdf")) == nil {
		t.Errorf("no word about the missing viewer: %q", texts(top))
	}
	pressEsc(u)
	if dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "partnerdesk-print-*")); len(dirs) != 0 {
		t.Errorf("left behind: %q", dirs)
	}

	// The same from the preview's "Open in viewer" button (the preview
	// closing took the message with it).
	t.Setenv("PATH", os.Getenv("PATH")+string(os.PathListSeparator)+"/usr/bin")
	u.onPrint()
	settle(u)
	tapButton(t, topOverlay(t, u), tr("print.preview"))
	settle(u)
	if findButton(topOverlay(t, u), tr("print.open_viewer")) == nil {
		t.Skip("no preview (pdftoppm missing)")
	}
	tapButton(t, topOverlay(t, u), tr("print.open_viewer"))
	if !contains(texts(topOverlay(t, u)), tr("print.no_viewer")) {
		t.Errorf("from the preview: %q", texts(topOverlay(t, u)))
	}
}

// Delete asks with a red button; with no backup service (a store in
// memory) it promises no restore.
func TestDeleteConfirmation(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	e, _ := openStored(t, u)
	test.Tap(e.del)
	top := topOverlay(t, u)
	b := findButton(top, tr("action.delete"))
	if b == nil || b.Importance != widget.DangerImportance {
		t.Fatalf("the delete button: %+v", b)
	}
	all := strings.Join(texts(top), "\n")
	if !strings.Contains(all, tr("delete.no_backup")) || strings.Contains(all, tr("delete.backup_first")) {
		t.Errorf("the confirmation says %q", all)
	}
}

// The partner editor's title is the partner's name once it is saved, and
// Settings suggests a next number that is not yet used.
func TestTitlesAndNextNumber(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	u.goTo("partners", u.newPartner)
	f := u.page.(*partnerForm)
	if f.titleLabel.Text != tr("partner.new") {
		t.Fatalf("title %q", f.titleLabel.Text)
	}
	f.name.SetText("ТОО «Сарыарқа Логистик»")
	f.taxID.SetText(storetest.BIN2)
	f.category.SetSelectedIndex(0)
	f.relation.SetSelected(f.relation.Options[0])
	if !f.saveNow() {
		t.Fatalf("not saved: %q", texts(f.root))
	}
	if f.titleLabel.Text != "ТОО «Сарыарқа Логистик»" {
		t.Errorf("after saving the title is %q", f.titleLabel.Text)
	}
	openStored(t, u) // СП-2026/007
	u.goTo("settings", nil)
	preview := u.currentScreen().(*settingsScreen).inst.preview.Text
	if strings.Contains(preview, "СП-2026/001") || !strings.Contains(preview, "СП-2026/008") {
		t.Errorf("Settings suggests %q", preview)
	}
}
