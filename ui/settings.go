package ui

import (
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// settingsScreen edits the institution's details, the language, the
// expiry warning window, and shows where the data file is.
type settingsScreen struct {
	u    *UI
	root *fyne.Container
	inst *institutionForm
}

func newSettingsScreen(u *UI) screen {
	return &settingsScreen{u: u, root: container.NewStack()}
}

func (s *settingsScreen) view() fyne.CanvasObject { return s.root }

func (s *settingsScreen) refresh() {
	s.inst = newInstitutionForm(s.u, false, nil)
	path := widget.NewEntry()
	path.SetText(s.u.store.Path())
	path.Disable()
	openFolder := widget.NewButtonWithIcon(tr("action.open_folder"), theme.FolderOpenIcon(),
		func() { s.u.openPath(filepath.Dir(s.u.store.Path())) })
	if s.u.store.Path() == "" {
		openFolder.Disable()
	}
	backup := widget.NewButtonWithIcon(tr("menu.backup"), theme.DocumentSaveIcon(), s.u.onBackup)
	data := s.dataPlace(container.NewVBox(widgets.Heading("settings.data_file"),
		container.NewBorder(nil, nil, nil, openFolder, path), container.NewHBox(backup),
		widget.NewSeparator(), s.u.backupsBox()))
	page := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewVScroll(container.NewPadded(o)) }
	tabs := container.NewAppTabs(
		container.NewTabItem(tr("settings.institution"), page(s.inst.root)),
		container.NewTabItem(tr("settings.language"),
			page(container.NewVBox(widgets.Heading("settings.language"), s.u.languageSelect()))),
		container.NewTabItem(tr("settings.data"), page(data)),
	)
	tabs.SelectIndex(s.u.settingsTab) // kept across a rebuild after a language change
	tabs.OnSelected = func(*container.TabItem) { s.u.settingsTab = tabs.SelectedIndex() }
	s.root.Objects = []fyne.CanvasObject{tabs}
	s.root.Refresh()
}

// languageSelect chooses the interface language; the choice is kept in
// the preferences and applies at once.
func (u *UI) languageSelect() *widget.Select {
	names := []string{tr("lang.system")}
	for _, l := range model.Languages {
		names = append(names, tr("lang."+l))
	}
	sel := widgets.NewSelect(names, nil)
	saved := u.prefs.String(prefLanguage)
	sel.SetSelectedIndex(0)
	for i, l := range model.Languages {
		if l == saved {
			sel.SetSelectedIndex(i + 1)
		}
	}
	sel.OnChanged = func(string) {
		code := ""
		if i := sel.SelectedIndex(); i > 0 {
			code = model.Languages[i-1]
		}
		u.prefs.SetString(prefLanguage, code)
		u.lang = setLanguage(code)
		u.rebuild()
	}
	return sel
}

// institutionForm edits the institution's details.
type institutionForm struct {
	u                                           *UI
	fs                                          *fieldSet
	root                                        fyne.CanvasObject
	ru, kk, ky, en, short, taxID, dept, sigName *widget.Entry
	sigPos, city, pattern, warn                 *widget.Entry
	address                                     *widget.Entry
	country                                     *widget.SelectEntry
	preview                                     *widget.Label
	saveBtn                                     *widget.Button
	status                                      *widget.Label
	saved                                       func()
	built                                       bool
}

// newInstitutionForm builds the form; brief shows only what a first run
// needs. saved runs after a successful save.
func newInstitutionForm(u *UI, brief bool, saved func()) *institutionForm {
	in := u.inst
	f := &institutionForm{u: u, fs: newFieldSet(), saved: saved}
	ch := f.changed
	f.ru, f.kk, f.ky, f.en = rowEntry(in.Names.RU, "", ch), rowEntry(in.Names.KK, "", ch), rowEntry(in.Names.KY, "",
		ch), rowEntry(in.Names.EN, "", ch)
	f.short, f.taxID, f.dept = rowEntry(in.ShortName, "", ch), rowEntry(in.TaxID, "", ch), rowEntry(in.Department,
		"", ch)
	f.sigName, f.sigPos, f.city = rowEntry(in.Signatory.Name, "", ch), rowEntry(in.Signatory.Position, "",
		ch), rowEntry(in.City, "", ch)
	f.pattern, f.warn = rowEntry(in.Pattern(), "", ch), rowEntry(strconv.Itoa(in.Warning()), "", ch)
	f.address = widgets.Multiline(2)
	f.address.SetText(in.Address)
	f.address.OnChanged = func(string) { ch() }
	f.country = newCountryEntry([]string{"KZ", "KG"})
	f.country.SetText(countryOption(in.Country))
	if in.Country == "" {
		f.country.SetText(countryOption("KZ"))
	}
	f.country.OnChanged = func(string) { ch() }
	f.preview = widget.NewLabel("")
	f.status = widget.NewLabel("")
	f.saveBtn = widget.NewButtonWithIcon(tr("action.save"), theme.DocumentSaveIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	fs := f.fs
	names := widgets.NewColumns(2, fs.field("names.ru", "field.ru", f.ru), fs.field("names.kk", "field.kk", f.kk),
		fs.field("names.ky", "field.ky", f.ky), fs.field("names.en", "field.en", f.en))
	ids := widgets.NewColumns(3, fs.field("country", "field.country", f.country),
		fs.field("tax_id", "field.tax_id", f.taxID), fs.field("city", "field.city_signing", f.city))
	signatory := widgets.NewColumns(2, fs.field("signatory.name", "field.signatory", f.sigName),
		fs.field("signatory.position", "field.position", f.sigPos))
	if brief {
		// The signatory too: without one the institution's signature
		// block of every memorandum is empty.
		f.root = container.NewVBox(names, ids, signatory, widgets.Wrapped(tr("hint.signatory")), fs.summary)
	} else {
		f.root = container.NewVBox(names, fs.field("short_name", "field.short_name", f.short), ids,
			fs.field("address", "field.address", f.address), fs.field("department", "field.department", f.dept),
			signatory,
			widgets.NewColumns(2, fs.field("number_pattern", "field.number_pattern", container.NewVBox(f.pattern, f.preview)),
				fs.field("warning_days", "field.warning_days", f.warn)),
			fs.summary, container.NewHBox(f.saveBtn, f.status))
	}
	f.fs.quiet = in.IsZero()
	f.changed()
	f.built = true
	return f
}

func (f *institutionForm) collect() (model.Institution, model.ValidationError) {
	in := f.u.inst
	in.Names = model.Names{RU: strings.TrimSpace(f.ru.Text), KK: strings.TrimSpace(f.kk.Text),
		KY: strings.TrimSpace(f.ky.Text), EN: strings.TrimSpace(f.en.Text)}
	in.ShortName, in.Department = strings.TrimSpace(f.short.Text), strings.TrimSpace(f.dept.Text)
	in.Country = countryCode(f.country.Text)
	in.TaxID = model.NormalizeTaxID(in.Country, f.taxID.Text)
	in.Address, in.City = strings.TrimSpace(f.address.Text), strings.TrimSpace(f.city.Text)
	in.Signatory = model.Person{Name: strings.TrimSpace(f.sigName.Text), Position: strings.TrimSpace(f.sigPos.Text)}
	in.NumberPattern = strings.TrimSpace(f.pattern.Text)
	var bad model.ValidationError
	w, ok := intValue(f.warn.Text)
	if !ok {
		bad = append(bad, model.FieldError{Field: "warning_days", Key: "err.not_number"})
	}
	in.WarningDays = w
	if v, ok := model.AsValidation(in.Validate()); ok {
		bad = append(bad, v...)
	}
	return in, bad
}

// changed is called on every edit: from then on every problem shows.
func (f *institutionForm) changed() {
	if f.built {
		f.fs.quiet = false
	}
	f.refreshState()
}

// refreshState validates the form and enables Save accordingly.
func (f *institutionForm) refreshState() {
	in, bad := f.collect()
	f.fs.show(bad)
	if len(bad) > 0 || f.u.readOnly() {
		f.saveBtn.Disable()
	} else {
		f.saveBtn.Enable()
	}
	if key, _ := model.CheckPattern(in.Pattern()); key == "" {
		f.preview.SetText(tr("settings.number_example", "Number",
			model.SuggestNumber(in.Pattern(), f.u.opts.Today(), f.u.cat.Numbers())))
	} else {
		f.preview.SetText("")
	}
	f.status.SetText("")
}

func (f *institutionForm) save() {
	in, bad := f.collect()
	if len(bad) > 0 {
		f.fs.show(bad)
		return
	}
	if err := f.u.store.SaveInstitution(&in); err != nil {
		f.u.showError(err)
		return
	}
	f.u.inst = in
	f.u.cat.SetDay(f.u.opts.Today(), in.Warning())
	f.status.SetText(tr("msg.saved"))
	if f.saved != nil {
		f.saved()
	}
}
