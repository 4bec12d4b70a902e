package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// partnerForm edits one partner. Every change is validated at once by the
// model; Save stays disabled while the partner is invalid or unchanged.
type partnerForm struct {
	u    *UI
	orig model.Partner
	fs   *fieldSet
	root fyne.CanvasObject

	name, short, region, city, website, taxID, sigName, sigPos, tags *widget.Entry
	namesRU, namesKK, namesKY, namesEN                               *widget.Entry
	address, notes                                                   *widget.Entry
	country                                                          *widget.SelectEntry
	category, subKind                                                *widget.Select
	relation                                                         *widget.RadioGroup
	contacts                                                         *rowList[model.Contact]
	saveBtn, markReal, del, printBtn                                 *widget.Button
	status                                                           *widget.Label
	titleLabel                                                       *widget.Label
	notice                                                           *noticeBar // "changed by …"
}

var countries = []string{"KZ", "KG", "RU", "UZ", "TJ", "TM", "CN", "TR", "KR", "DE", "US", "GB"}

// newPartnerForm edits p. Every input gets its starting value before its
// handler, so nothing fires while the form is built.
func newPartnerForm(u *UI, p model.Partner) *partnerForm {
	f := &partnerForm{u: u, orig: p, fs: newFieldSet(), notice: newNoticeBar()}
	f.name, f.short = f.entry(p.Name), f.entry(p.ShortName)
	f.namesRU, f.namesKK, f.namesKY, f.namesEN = f.entry(p.Names.RU), f.entry(p.Names.KK), f.entry(p.Names.KY), f.entry(p.Names.EN)
	f.region, f.city, f.website, f.taxID = f.entry(p.Region), f.entry(p.City), f.entry(p.Website), f.entry(p.TaxID)
	f.sigName, f.sigPos = f.entry(p.Signatory.Name), f.entry(p.Signatory.Position)
	f.tags = f.entry(strings.Join(p.Tags, ", "))
	f.tags.SetPlaceHolder(tr("placeholder.tags"))
	f.address, f.notes = f.text(2, p.Address), f.text(3, p.Notes)
	f.country = newCountryEntry(countries)
	f.country.SetText(countryOption(p.Country))
	f.country.OnChanged = f.onChanged
	f.category = widgets.NewSelect(labels(model.Categories), nil)
	if p.Category != "" {
		f.category.SetSelected(label(p.Category))
	}
	f.category.OnChanged = f.onCategory
	f.subKind = widgets.NewSelect(nil, nil)
	f.setSubKinds(p.Category, p.SubKind)
	f.subKind.OnChanged = f.onChanged
	f.relation = widget.NewRadioGroup(labels(model.Relations), nil)
	f.relation.Horizontal, f.relation.Required = true, true
	f.relation.SetSelected(label(p.Relation))
	f.relation.OnChanged = f.onChanged
	f.contacts = newRowList("contacts", f.fs, f.changed, blankContact, isBlankContact, f.contactRow)
	f.contacts.set(p.Contacts)
	f.root = f.build()
	f.fs.quiet = p.ID == 0 // a new partner's "required" waits for the first edit
	f.changed()
	f.fs.quiet = false
	return f
}

// entry is a one-line input holding v that revalidates on every edit.
func (f *partnerForm) entry(v string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(v)
	e.OnChanged = f.onChanged
	return e
}

// text is a multi-line input of rows lines holding v.
func (f *partnerForm) text(rows int, v string) *widget.Entry {
	e := widgets.Multiline(rows)
	e.SetText(v)
	e.OnChanged = f.onChanged
	return e
}

func blankContact() model.Contact { return model.Contact{} }

func isBlankContact(c model.Contact) bool { return c == model.Contact{} }

func (f *partnerForm) onChanged(string) { f.changed() }

// onCategory offers the chosen category's kinds of organisation.
func (f *partnerForm) onCategory(v string) {
	f.setSubKinds(fromLabel(model.Categories, v), "")
	f.changed()
}

func (f *partnerForm) setSubKinds(c model.Category, sel model.SubKind) {
	f.subKind.Options = append([]string{tr("filter.none")}, labels(c.SubKinds())...)
	f.subKind.ClearSelected()
	if sel != "" {
		f.subKind.SetSelected(label(sel))
	}
	f.subKind.Refresh()
}

func (f *partnerForm) build() fyne.CanvasObject {
	fs := f.fs
	names := widget.NewAccordion(widget.NewAccordionItem(tr("partner.other_names"), widgets.NewColumns(2,
		fs.field("names.ru", "field.ru", f.namesRU), fs.field("names.kk", "field.kk", f.namesKK),
		fs.field("names.ky", "field.ky", f.namesKY), fs.field("names.en", "field.en", f.namesEN))))
	form := container.NewVBox(
		fs.field("name", "field.name", f.name),
		widgets.NewColumns(2, fs.field("short_name", "field.short_name", f.short),
			fs.field("tax_id", "field.tax_id", f.taxID)),
		names,
		widgets.NewColumns(3, fs.field("country", "field.country", f.country),
			fs.field("region", "field.region", f.region), fs.field("city", "field.city", f.city)),
		fs.field("address", "field.address", f.address),
		fs.field("website", "field.website", f.website),
		widgets.NewColumns(2, fs.field("category", "field.category", f.category),
			fs.field("sub_kind", "field.sub_kind", f.subKind)),
		widgets.Wrapped(tr("hint.categories")),
		fs.field("relation", "field.relation", f.relation),
		widgets.NewColumns(2, fs.field("signatory.name", "field.signatory", f.sigName),
			fs.field("signatory.position", "field.position", f.sigPos)),
		widgets.Heading("partner.contacts"), f.contacts.content("action.add_contact"),
		fs.field("notes", "field.notes", f.notes),
		fs.field("tags", "field.tags", f.tags),
		f.agreementsBox(),
	)
	f.saveBtn = widget.NewButtonWithIcon(tr("action.save"), theme.DocumentSaveIcon(), func() { f.saveNow() })
	f.saveBtn.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(tr("action.back"), theme.NavigateBackIcon(), func() { f.u.leave(f.u.back, nil) })
	f.markReal = widget.NewButton(tr("action.mark_real"), f.onMarkReal)
	f.printBtn = widget.NewButtonWithIcon(tr("action.print"), theme.DocumentPrintIcon(), f.print)
	f.del = widget.NewButtonWithIcon(tr("action.delete"), theme.DeleteIcon(), f.onDelete)
	f.del.Importance = widget.DangerImportance
	if f.orig.ID == 0 {
		f.del.Hide()
		f.printBtn.Hide()
	}
	if f.orig.ID == 0 || f.orig.Relation != model.RelationPotential {
		f.markReal.Hide()
	}
	f.status = widget.NewLabel("")
	title := tr("partner.new")
	if f.orig.ID != 0 {
		title = f.orig.Name
	}
	f.titleLabel = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.titleLabel.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewBorder(nil, nil, container.NewHBox(back, f.saveBtn, f.printBtn, f.status),
		container.NewHBox(f.markReal, f.del))
	return container.NewBorder(container.NewVBox(f.titleLabel, bar, f.notice.box, fs.summary), nil, nil, nil,
		container.NewVScroll(container.NewPadded(form)))
}

// agreementsBox lists the partner's agreements; tapping one opens it.
func (f *partnerForm) agreementsBox() fyne.CanvasObject {
	if f.orig.ID == 0 {
		return container.NewVBox()
	}
	box := container.NewVBox(widgets.Heading("partner.agreements"))
	ids := f.u.cat.AgreementsOf(f.orig.ID)
	if len(ids) == 0 {
		box.Add(widget.NewLabel(tr("partner.no_agreements")))
	}
	for _, id := range ids {
		a, ok := f.u.cat.Agreement(id)
		if !ok {
			continue
		}
		id := id
		b := widget.NewButton(a.Number+" — "+a.Title+" ("+label(a.Status)+")", func() {
			f.u.leave(func() { f.u.goTo("agreements", func() { f.u.openAgreement(id, "") }) }, nil)
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		box.Add(b)
	}
	return box
}

func (f *partnerForm) contactRow(i int, c model.Contact) (fyne.CanvasObject,
	func() (model.Contact, model.ValidationError)) {
	ch := f.changed
	name, pos := rowEntry(c.Name, "field.contact_name", ch), rowEntry(c.Position, "field.position", ch)
	phone, email := rowEntry(c.Phone, "field.phone", ch), rowEntry(c.Email, "field.email", ch)
	l := f.contacts
	obj := widgets.NewColumns(4, l.cell(i, "name", name), l.cell(i, "position", pos), l.cell(i, "phone", phone),
		l.cell(i, "email", email))
	return obj, func() (model.Contact, model.ValidationError) {
		return model.Contact{Name: strings.TrimSpace(name.Text), Position: strings.TrimSpace(pos.Text),
			Phone: strings.TrimSpace(phone.Text), Email: strings.TrimSpace(email.Text), Notes: c.Notes}, nil
	}
}

// collect reads the form into a partner.
func (f *partnerForm) collect() model.Partner {
	p := f.orig
	p.Name, p.ShortName = strings.TrimSpace(f.name.Text), strings.TrimSpace(f.short.Text)
	p.Names = model.Names{RU: strings.TrimSpace(f.namesRU.Text), KK: strings.TrimSpace(f.namesKK.Text),
		KY: strings.TrimSpace(f.namesKY.Text), EN: strings.TrimSpace(f.namesEN.Text)}
	p.Country = countryCode(f.country.Text)
	p.Region, p.City = strings.TrimSpace(f.region.Text), strings.TrimSpace(f.city.Text)
	p.Address, p.Website = strings.TrimSpace(f.address.Text), strings.TrimSpace(f.website.Text)
	p.TaxID = model.NormalizeTaxID(p.Country, f.taxID.Text)
	p.Category = fromLabel(model.Categories, f.category.Selected)
	p.SubKind = fromLabel(p.Category.SubKinds(), f.subKind.Selected)
	p.Relation = fromLabel(model.Relations, f.relation.Selected)
	p.Signatory = model.Person{Name: strings.TrimSpace(f.sigName.Text), Position: strings.TrimSpace(f.sigPos.Text)}
	p.Contacts, _ = f.contacts.collect()
	p.Notes = strings.TrimSpace(f.notes.Text)
	p.Tags = nil
	for _, t := range strings.Split(f.tags.Text, ",") {
		if t = strings.TrimSpace(t); t != "" {
			p.Tags = append(p.Tags, t)
		}
	}
	return p
}

// changed validates the form after any edit.
func (f *partnerForm) changed() {
	p := f.collect()
	v, _ := model.AsValidation(p.Validate())
	f.fs.show(v)
	dirty := len(model.ChangedFields(&f.orig, &p)) > 0
	if len(v) == 0 && dirty && !f.u.readOnly() {
		f.saveBtn.Enable()
	} else {
		f.saveBtn.Disable()
	}
	if dirty {
		f.status.SetText("")
	}
}

func (f *partnerForm) view() fyne.CanvasObject { return f.root }

func (f *partnerForm) dirty() bool {
	p := f.collect()
	return len(model.ChangedFields(&f.orig, &p)) > 0
}

func (f *partnerForm) flash(message string) { f.status.SetText(message) }

// saveNow stores the partner; it returns false when it could not.
func (f *partnerForm) saveNow() bool {
	p := f.collect()
	p.Review = false // the secretary has seen what the import inferred
	if err := f.u.store.SavePartner(&p); err != nil {
		if v, ok := model.AsValidation(err); ok {
			f.fs.show(v)
		}
		f.u.showError(err)
		return false
	}
	f.u.cat.PutPartner(p)
	f.orig = p
	f.titleLabel.SetText(p.Name) // no longer "New partner"
	f.del.Show()
	f.printBtn.Show()
	if p.Relation == model.RelationPotential {
		f.markReal.Show()
	} else {
		f.markReal.Hide()
	}
	f.changed()
	f.status.SetText(tr("msg.saved_at", "Time", time.Now().Format("15:04")))
	return true
}

func (f *partnerForm) save() bool { return f.saveNow() }

func (f *partnerForm) onMarkReal() {
	f.relation.SetSelected(label(model.RelationReal))
	f.saveNow()
}

func (f *partnerForm) onDelete() {
	if ids := f.u.cat.AgreementsOf(f.orig.ID); len(ids) > 0 {
		var nums []string
		for _, id := range ids {
			if a, ok := f.u.cat.Agreement(id); ok {
				nums = append(nums, a.Number)
			}
		}
		f.u.showError(errPartnerInUse(f.orig.Name, nums))
		return
	}
	f.u.confirmDelete(tr("delete.partner", "Name", f.orig.Name), func() {
		if err := f.u.store.DeletePartner(f.orig.ID); err != nil {
			f.u.showError(err)
			return
		}
		f.u.cat.DeletePartner(f.orig.ID)
		f.orig = f.collect() // nothing left unsaved
		f.u.back()
	})
}

// print offers the partner card of the stored partner (Ctrl+P).
func (f *partnerForm) print() {
	if f.orig.ID == 0 {
		return
	}
	f.u.leave(func() { f.u.showDocument(partnerCardDoc(f.orig)) }, nil)
}
