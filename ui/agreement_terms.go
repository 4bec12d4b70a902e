package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// termsTab edits the agreement's terms: number, title, kind, partners,
// dates, renewal, levels, model, forms, programmes, resources and
// coordinators.
type termsTab struct {
	e                                    *agreementEditor
	number, title, place, months, places *widget.Entry
	subject, notes                       *widget.Entry
	texts                                []*docTextInputs // per document language, Russian first
	kind, status                         *widget.Select
	signed, from, until                  *widgets.DateEntry
	autoRenew                            *widget.Check
	levels                               *checkSet[model.Level]
	forms                                *checkSet[model.Form]
	pmodel                               *widget.RadioGroup
	partners                             []model.ID
	partnerBox                           *fyne.Container
	programmes                           *rowList[model.Programme]
	resources                            *rowList[model.Resource]
	coordinators                         *rowList[model.Coordinator]
	root                                 fyne.CanvasObject
}

func newTermsTab(e *agreementEditor) *termsTab {
	a := &e.orig
	t := &termsTab{e: e, partners: append([]model.ID(nil), a.PartnerIDs...)}
	ch := e.changed
	t.number, t.title, t.place = rowEntry(a.Number, "", ch), rowEntry(a.Title, "", ch), rowEntry(a.Place, "", ch)
	t.months, t.places = rowEntry(formatInt(a.RenewalMonths), "", ch), rowEntry(formatInt(a.PracticePlaces), "", ch)
	t.subject, t.notes = t.text(4, a.Subject), t.text(3, a.Notes)
	t.kind = t.choice(labels(model.AgreementKinds), label(a.Kind))
	t.status = t.choice(labels([]model.Status{model.StatusDraft, model.StatusActive}), label(a.Status))
	t.signed, t.from, t.until = t.dateField(a.SignedOn), t.dateField(a.ValidFrom), t.dateField(a.ValidUntil)
	t.autoRenew = widget.NewCheck(tr("field.auto_renew"), nil)
	t.autoRenew.Checked, t.autoRenew.OnChanged = a.AutoRenew, t.onCheck
	t.levels = newCheckSet(model.Levels, a.Levels, 1, ch)
	t.forms = newCheckSet(model.Forms, a.Forms, 2, ch)
	t.pmodel = widget.NewRadioGroup(labels(model.PartnershipModels), nil)
	t.pmodel.SetSelected(label(a.Model))
	t.pmodel.OnChanged = t.onChanged
	t.partnerBox = container.NewVBox()
	t.programmes = newRowList("programmes", e.fs, ch, blankProgramme, isBlankProgramme, t.programmeRow)
	t.resources = newRowList("resources", e.fs, ch, blankResource, isBlankResource, t.resourceRow)
	t.coordinators = newRowList("coordinators", e.fs, ch, blankCoordinator, isBlankCoordinator, t.coordinatorRow)
	t.programmes.set(a.Programmes)
	t.resources.set(a.Resources)
	t.coordinators.set(a.Coordinators)
	t.newDocTexts(a)
	t.showPartners()
	t.root = t.build()
	return t
}

// text is a multi-line input of rows lines holding v.
func (t *termsTab) text(rows int, v string) *widget.Entry {
	e := widgets.Multiline(rows)
	e.SetText(v)
	e.OnChanged = t.onChanged
	return e
}

// choice is a select of options showing selected.
func (t *termsTab) choice(options []string, selected string) *widget.Select {
	s := widgets.NewSelect(options, nil)
	s.SetSelected(selected)
	s.OnChanged = t.onChanged
	return s
}

// dateField is a date input showing d.
func (t *termsTab) dateField(d model.Date) *widgets.DateEntry {
	de := t.e.u.newDateEntry(nil)
	de.SetDate(d)
	de.OnChanged = t.onChanged
	return de
}

func (t *termsTab) onChanged(string) { t.e.changed() }

func (t *termsTab) onCheck(bool) { t.e.changed() }

// onSuggest fills in the next free number for the signing date (today
// when there is none yet).
func (t *termsTab) onSuggest() {
	on := t.signed.Date()
	if on.IsZero() {
		on = t.e.u.today()
	}
	t.number.SetText(model.SuggestNumber(t.e.u.inst.Pattern(), on, t.e.u.cat.Numbers()))
}

func blankProgramme() model.Programme { return model.Programme{} }

func isBlankProgramme(p model.Programme) bool { return p == model.Programme{} }

func blankResource() model.Resource { return model.Resource{Party: model.PartyInstitution} }

func isBlankResource(r model.Resource) bool {
	return r.Description == "" && r.Quantity == 0 && r.Value == 0
}

func blankCoordinator() model.Coordinator { return model.Coordinator{Party: model.PartyInstitution} }

func isBlankCoordinator(c model.Coordinator) bool {
	return c.Name == "" && c.Email == "" && c.Phone == ""
}

func (t *termsTab) build() fyne.CanvasObject {
	fs := t.e.fs
	suggest := widget.NewButtonWithIcon(tr("action.suggest_number"), theme.ViewRefreshIcon(), t.onSuggest)
	addPartner := widget.NewButtonWithIcon(tr("action.add_partner"), theme.ContentAddIcon(), t.pickPartner)
	form := container.NewVBox(
		widgets.NewColumns(2,
			fs.field("number", "field.number", container.NewBorder(nil, nil, nil, suggest, t.number)),
			fs.field("kind", "field.kind", t.kind)),
		t.textRow("title", func(in *docTextInputs) *widget.Entry { return in.title }),
		fs.field("partner_ids", "field.partners", container.NewVBox(t.partnerBox, container.NewHBox(addPartner))),
		widgets.NewColumns(3,
			fs.field("signed_on", "field.signed_on", t.signed), fs.field("valid_from", "field.valid_from", t.from),
			fs.field("valid_until", "field.valid_until", t.until)),
		widgets.Wrapped(tr("hint.open_ended")),
		widgets.NewColumns(3, container.NewVBox(widget.NewLabel(""), t.autoRenew),
			fs.field("renewal_months", "field.renewal_months", t.months), t.statusBox()),
		widgets.Wrapped(tr("hint.doc_texts")),
		t.textRow("place", func(in *docTextInputs) *widget.Entry { return in.place }),
		t.textRow("subject", func(in *docTextInputs) *widget.Entry { return in.subject }),
		widgets.NewColumns(2,
			fs.field("levels", "field.levels", t.levels.grid),
			fs.field("model", "field.model", t.pmodel)),
		fs.field("forms", "field.forms", t.forms.grid),
		widgets.Heading("field.programmes"), t.programmes.content("action.add_programme"),
		fs.field("practice_places", "field.practice_places", t.places),
		widgets.Heading("field.resources"),
		rowHeader("field.party", "field.description", "field.quantity", "field.unit", "field.value", "field.currency"),
		t.resources.content("action.add_resource"),
		widgets.Heading("field.coordinators"),
		rowHeader("field.party", "field.contact_name", "field.position", "field.phone", "field.email"),
		t.coordinators.content("action.add_coordinator"),
		fs.field("notes", "field.notes", t.notes),
	)
	return container.NewVScroll(container.NewPadded(form))
}

// statusBox shows the stored status: draft or active can be chosen; a
// terminated or renewed agreement says so, with the date or the link.
func (t *termsTab) statusBox() fyne.CanvasObject {
	a := &t.e.orig
	switch a.Status {
	case model.StatusTerminated:
		ended := tr("agreement.terminated_on", "Date", a.TerminatedOn.String(), "Reason", a.TerminationReason)
		return t.e.fs.field("status", "field.status", widget.NewLabel(ended))
	case model.StatusRenewed:
		next := widget.NewButton(tr("agreement.renewed_by", "Number", t.e.u.cat.NumberOf(a.SuccessorID)), func() {
			t.e.u.leave(func() { t.e.u.openAgreement(a.SuccessorID, "") }, nil)
		})
		return t.e.fs.field("status", "field.status", next)
	}
	box := container.NewVBox(t.status)
	if a.PredecessorID != 0 {
		id := a.PredecessorID
		box.Add(widget.NewButton(tr("agreement.renews", "Number", t.e.u.cat.NumberOf(id)), func() {
			t.e.u.leave(func() { t.e.u.openAgreement(id, "") }, nil)
		}))
	}
	return t.e.fs.field("status", "field.status", box)
}

func (t *termsTab) content() fyne.CanvasObject { return t.root }

// showPartners redraws the chosen partners.
func (t *termsTab) showPartners() {
	t.partnerBox.RemoveAll()
	for i, id := range t.partners {
		name := t.e.u.cat.PartnerName(id)
		if p, ok := t.e.u.cat.Partner(id); ok {
			name += "  (" + strings.TrimSpace(p.Country+" "+p.TaxID) + ")"
		}
		at := i
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			t.partners = append(t.partners[:at:at], t.partners[at+1:]...)
			t.partiesChanged()
		})
		t.partnerBox.Add(container.NewBorder(nil, t.e.fs.message("partner_ids["+strconv.Itoa(i)+"]"), nil, remove,
			widget.NewLabel(name)))
	}
	t.partnerBox.Refresh()
}

// partiesChanged redraws what depends on the partners: their list and the
// party choices of resources and coordinators.
func (t *termsTab) partiesChanged() {
	res, _ := t.resources.collect()
	co, _ := t.coordinators.collect()
	t.showPartners()
	t.resources.set(res)
	t.coordinators.set(co)
	t.e.changed()
}

// pickPartner opens the partner picker to add one.
func (t *termsTab) pickPartner() {
	t.e.u.pickPartner(func(id model.ID) {
		if !slices.Contains(t.partners, id) {
			t.partners = append(t.partners, id)
			t.partiesChanged()
		}
	})
}

// parties returns the choices for "which party": the institution, all
// parties jointly, and each partner of the agreement.
func (t *termsTab) parties() ([]string, []model.Party) {
	names := []string{tr("party.institution"), tr("party.joint")}
	codes := []model.Party{model.PartyInstitution, model.PartyJoint}
	for _, id := range t.partners {
		names = append(names, t.e.u.cat.PartnerName(id))
		codes = append(codes, model.PartnerParty(id))
	}
	return names, codes
}

// partySelect is a choice of party showing p.
func (t *termsTab) partySelect(p model.Party) *widget.Select {
	names, codes := t.parties()
	s := widgets.NewSelect(names, nil)
	if i := slices.Index(codes, p); i >= 0 {
		s.SetSelectedIndex(i)
	}
	s.OnChanged = t.onChanged
	return s
}

func (t *termsTab) partyOf(s *widget.Select) model.Party {
	_, codes := t.parties()
	if i := s.SelectedIndex(); i >= 0 && i < len(codes) {
		return codes[i]
	}
	return ""
}

func (t *termsTab) programmeRow(i int, p model.Programme) (fyne.CanvasObject,
	func() (model.Programme, model.ValidationError)) {
	code := rowEntry(p.Code, "field.programme_code", t.e.changed)
	name := rowEntry(p.Name, "field.programme_name", t.e.changed)
	l := t.programmes
	obj := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(140, code.MinSize().Height), l.cell(i, "code", code)), nil, l.cell(i, "name", name))
	return obj, func() (model.Programme, model.ValidationError) {
		return model.Programme{Code: strings.TrimSpace(code.Text), Name: strings.TrimSpace(name.Text)}, nil
	}
}

func (t *termsTab) resourceRow(i int, r model.Resource) (fyne.CanvasObject,
	func() (model.Resource, model.ValidationError)) {
	ch := t.e.changed
	party := t.partySelect(r.Party)
	desc := rowEntry(r.Description, "field.description", ch)
	qty, unit := rowEntry(formatFloat(r.Quantity), "field.quantity", ch), rowEntry(r.Unit, "field.unit", ch)
	value, cur := rowEntry(formatFloat(r.Value), "field.value", ch), rowEntry(r.Currency, "field.currency", ch)
	l := t.resources
	obj := widgets.NewColumns(6, l.cell(i, "party", party), l.cell(i, "description", desc), l.cell(i, "quantity", qty),
		l.cell(i, "unit", unit), l.cell(i, "value", value), l.cell(i, "currency", cur))
	return obj, func() (model.Resource, model.ValidationError) {
		var bad model.ValidationError
		q, ok1 := floatValue(qty.Text)
		v, ok2 := floatValue(value.Text)
		if !ok1 {
			bad = append(bad, model.FieldError{Field: idx("resources", i, "quantity"), Key: "err.not_number"})
		}
		if !ok2 {
			bad = append(bad, model.FieldError{Field: idx("resources", i, "value"), Key: "err.not_number"})
		}
		return model.Resource{Party: t.partyOf(party), Description: strings.TrimSpace(desc.Text),
			Quantity: q, Unit: strings.TrimSpace(unit.Text),
			Value: v, Currency: strings.ToUpper(strings.TrimSpace(cur.Text))}, bad
	}
}

func (t *termsTab) coordinatorRow(i int, c model.Coordinator) (fyne.CanvasObject,
	func() (model.Coordinator, model.ValidationError)) {
	ch := t.e.changed
	party := t.partySelect(c.Party)
	name, pos := rowEntry(c.Name, "field.contact_name", ch), rowEntry(c.Position, "field.position", ch)
	phone, email := rowEntry(c.Phone, "field.phone", ch), rowEntry(c.Email, "field.email", ch)
	l := t.coordinators
	obj := widgets.NewColumns(5, l.cell(i, "party", party), l.cell(i, "name", name), l.cell(i, "position", pos),
		l.cell(i, "phone", phone), l.cell(i, "email", email))
	return obj, func() (model.Coordinator, model.ValidationError) {
		return model.Coordinator{Party: t.partyOf(party), Name: strings.TrimSpace(name.Text),
			Position: strings.TrimSpace(pos.Text), Phone: strings.TrimSpace(phone.Text),
			Email: strings.TrimSpace(email.Text)}, nil
	}
}

func (t *termsTab) collect(a *model.Agreement) model.ValidationError {
	var bad model.ValidationError
	a.Number, a.Title, a.Place = strings.TrimSpace(t.number.Text), strings.TrimSpace(t.title.Text), strings.TrimSpace(t.place.Text)
	a.Subject, a.Notes = strings.TrimSpace(t.subject.Text), strings.TrimSpace(t.notes.Text)
	t.collectTexts(a)
	a.Kind = fromLabel(model.AgreementKinds, t.kind.Selected)
	if a.Status == model.StatusDraft || a.Status == model.StatusActive || a.Status == "" {
		a.Status = fromLabel([]model.Status{model.StatusDraft, model.StatusActive}, t.status.Selected)
	}
	a.PartnerIDs = append([]model.ID(nil), t.partners...)
	for _, d := range []struct {
		field string
		e     *widgets.DateEntry
		to    *model.Date
	}{
		{"signed_on", t.signed, &a.SignedOn},
		{"valid_from", t.from, &a.ValidFrom},
		{"valid_until", t.until, &a.ValidUntil},
	} {
		*d.to = d.e.Date()
		if key := d.e.Problem(); key != "" {
			bad = append(bad, model.FieldError{Field: d.field, Key: key})
		}
	}
	a.AutoRenew = t.autoRenew.Checked
	var ok bool
	if a.RenewalMonths, ok = intValue(t.months.Text); !ok {
		bad = append(bad, model.FieldError{Field: "renewal_months", Key: "err.not_number"})
	}
	if a.PracticePlaces, ok = intValue(t.places.Text); !ok {
		bad = append(bad, model.FieldError{Field: "practice_places", Key: "err.not_number"})
	}
	a.Levels, a.Forms = t.levels.selected(), t.forms.selected()
	a.Model = fromLabel(model.PartnershipModels, t.pmodel.Selected)
	var p model.ValidationError
	a.Programmes, p = t.programmes.collect()
	bad = append(bad, p...)
	a.Resources, p = t.resources.collect()
	bad = append(bad, p...)
	a.Coordinators, p = t.coordinators.collect()
	return append(bad, p...)
}
