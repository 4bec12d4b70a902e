// Package demo generates realistic, reproducible demonstration data: a
// university with partners from every category in Kazakhstan, Kyrgyzstan
// and beyond (names with the right Kazakh and Kyrgyz letters, valid BINs
// and INNs), and agreements of every kind and status with dates around a
// given day, responsibilities, principle checklists and outcomes.
package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// Options say how much data to make, from which seed, around which day.
type Options struct {
	Seed       uint64
	Partners   int
	Agreements int
	Today      model.Date
}

// Data is a generated data set: a set of new records (model.RecordSet)
// for the caller to write into an empty data file with store.AddNew. Its
// agreements name partners, and its rounds agreements, by 1-based
// position; every tenth agreement has a scan attached.
type Data = model.RecordSet

type gen struct {
	r     *rand.Rand
	today model.Date
	seq   map[int]int     // agreements numbered per year
	taxes map[string]bool // tax IDs handed out, per country
}

// Generate makes a data set. The same options give the same data.
func Generate(o Options) Data {
	g := &gen{r: rand.New(rand.NewPCG(o.Seed, 0x5041525452)), today: o.Today, seq: map[int]int{}, taxes: map[string]bool{}}
	if g.today.IsZero() {
		g.today = model.Today()
	}
	d := Data{Institution: Institution()}
	for i := range o.Partners {
		d.Partners = append(d.Partners, g.partner(i))
	}
	if o.Partners == 0 {
		return d
	}
	for i := range o.Agreements {
		renews := -1
		if i > 0 && g.r.IntN(100) < 6 {
			renews = g.r.IntN(i)
			if d.Agreements[renews].Status != model.StatusActive || slices.Contains(d.Renews, renews) {
				renews = -1
			}
		}
		var a model.Agreement
		if renews >= 0 {
			a = g.successor(&d.Agreements[renews])
			d.Agreements[renews].Status = model.StatusRenewed
		} else {
			a = g.agreement(o.Partners)
		}
		d.Agreements = append(d.Agreements, a)
		d.Renews = append(d.Renews, renews)
		if i%10 == 3 {
			d.Attachments = append(d.Attachments, scan(i, a.Number))
		}
	}
	var first []model.ID
	if len(d.Agreements) > 0 {
		first = []model.ID{1}
	}
	d.Rounds = Rounds(o.Seed, g.today, first)
	return d
}

// scan is the demonstration file attached to the i-th agreement.
func scan(i int, number string) model.NewAttachment {
	return model.NewAttachment{Agreement: i, Name: "Скан подписанного экземпляра.txt", MIMEType: "text/plain",
		Data: []byte("Демонстрационное вложение: здесь был бы скан договора " + number)}
}

// Institution returns the demo university's settings.
func Institution() model.Institution {
	return model.Institution{
		Names: model.Names{
			RU: "Университет «Жібек жолы» (демонстрационные данные)",
			KK: "«Жібек жолы» университеті (демонстрациялық деректер)",
			KY: "«Жибек жолу» университети (демонстрациялык маалымат)",
			EN: "Silk Way University (demo data)",
		},
		ShortName: "ЖЖУ", Country: "KZ", TaxID: MakeBIN("99044000123"),
		Address:    "010000, Астана қ., Мәңгілік Ел даңғылы, 1",
		Department: "Кафедра социальной педагогики и самопознания",
		Signatory:  model.Person{Name: "Әлжанова Айнаш Оралбайқызы", Position: "Ректор"},
		City:       "Астана", NumberPattern: model.DefaultNumberPattern, WarningDays: model.DefaultWarningDays,
	}
}

// MakeBIN completes eleven digits with the BIN check digit. Prefixes with
// no valid check digit get their last digit changed until one exists.
func MakeBIN(first11 string) string {
	for {
		if d := model.BINCheckDigit(first11); d >= 0 {
			return first11 + string(rune('0'+d))
		}
		last := (first11[10]-'0'+1)%10 + '0'
		first11 = first11[:10] + string(rune(last))
	}
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) person() string { return g.pick(lastNames) + " " + g.pick(firstNames) }

func (g *gen) partner(i int) model.Partner {
	c := cities[g.r.IntN(len(cities))]
	if g.r.IntN(100) < 55 { // most partners are local
		c = cities[g.r.IntN(11)]
	}
	cat := model.Categories[g.weighted([]int{15, 25, 40, 15, 5})]
	subs := cat.SubKinds()
	sub := subs[g.r.IntN(len(subs))]
	p := model.Partner{
		Country: c.country, Region: c.region, City: c.name, Category: cat, SubKind: sub,
		Relation: model.RelationReal,
	}
	if g.r.IntN(100) < 30 {
		p.Relation = model.RelationPotential
	}
	p.Name, p.ShortName = g.orgName(cat, sub, c, i)
	p.TaxID = g.taxID(c.country)
	p.Address = fmt.Sprintf("%s, ул. %s, %d", c.name, g.pick(stemsKZ), 1+g.r.IntN(200))
	if g.r.IntN(100) < 60 {
		p.Website = "https://" + strings.ToLower(fmt.Sprintf("partner%d.%s", i+1, strings.ToLower(c.country)))
	}
	p.Signatory = model.Person{Name: g.person(), Position: g.pick(positions)}
	for range 1 + g.r.IntN(3) {
		p.Contacts = append(p.Contacts, model.Contact{
			Name: g.person(), Position: g.pick(positions),
			Phone: fmt.Sprintf("%s %03d %03d %02d %02d", dialCode(c.country), 700+g.r.IntN(99), g.r.IntN(1000), g.r.IntN(100), g.r.IntN(100)),
			Email: fmt.Sprintf("contact%d.%d@partner%d.%s", g.r.IntN(90)+10, i, i+1, strings.ToLower(c.country)),
		})
	}
	if g.r.IntN(100) < 20 {
		p.Notes = "Рекомендован выпускниками кафедры"
	}
	if g.r.IntN(100) < 30 {
		p.Tags = []string{g.pick([]string{"практика", "трудоустройство", "наука", "волонтёрство"})}
	}
	return p
}

func (g *gen) weighted(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// taxID returns a tax ID not handed out before.
func (g *gen) taxID(country string) string {
	for {
		id := g.newTaxID(country)
		if id == "" || !g.taxes[country+id] {
			g.taxes[country+id] = true
			return id
		}
	}
}

func (g *gen) newTaxID(country string) string {
	switch country {
	case "KZ":
		yy, mm := g.r.IntN(25), 1+g.r.IntN(12)
		return MakeBIN(fmt.Sprintf("%02d%02d4%d%05d", yy, mm, g.r.IntN(2), g.r.IntN(100000)))
	case "KG":
		return fmt.Sprintf("0%02d%02d%04d%05d", 1+g.r.IntN(28), 1+g.r.IntN(12), 1995+g.r.IntN(30), g.r.IntN(100000))
	case "RU":
		return fmt.Sprintf("77%08d", g.r.IntN(100000000))
	}
	if g.r.IntN(2) == 0 {
		return ""
	}
	return fmt.Sprintf("%09d", g.r.IntN(1000000000))
}

func dialCode(country string) string {
	switch country {
	case "KG":
		return "+996"
	case "UZ":
		return "+998"
	}
	return "+7"
}
