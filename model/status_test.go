package model

import "testing"

func TestStatusOn(t *testing.T) {
	cases := []struct {
		name string
		a    Agreement
		want Status
		days int
	}{
		{"open-ended", Agreement{Status: StatusActive}, StatusActive, -1},
		{"far end", Agreement{Status: StatusActive, ValidUntil: today.AddDays(91)}, StatusActive, 91},
		{"ends in 90 days", Agreement{Status: StatusActive, ValidUntil: today.AddDays(90)}, StatusExpiring, 90},
		{"ends in 30 days", Agreement{Status: StatusActive, ValidUntil: today.AddDays(30)}, StatusExpiring, 30},
		{"ends today", Agreement{Status: StatusActive, ValidUntil: today}, StatusExpiring, 0},
		{"ended yesterday", Agreement{Status: StatusActive, ValidUntil: today.AddDays(-1)}, StatusExpired, -1},
		{"auto-renewed yearly", Agreement{Status: StatusActive, ValidUntil: MustDate("31.08.2024"), AutoRenew: true, RenewalMonths: 12}, StatusActive, 276},
		{"auto-renewal due soon", Agreement{Status: StatusActive, ValidUntil: MustDate("31.12.2025"), AutoRenew: true, RenewalMonths: 12}, StatusExpiring, 33},
		{"draft stays draft", Agreement{Status: StatusDraft, ValidUntil: today.AddDays(-100)}, StatusDraft, -100},
		{"terminated stays terminated", Agreement{Status: StatusTerminated, ValidUntil: today.AddDays(10)}, StatusTerminated, 10},
		{"renewed stays renewed", Agreement{Status: StatusRenewed, ValidUntil: today.AddDays(-10)}, StatusRenewed, -10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.a.StatusOn(today, 90); got != c.want {
				t.Errorf("StatusOn = %s, want %s", got, c.want)
			}
			s := Summarize(&c.a)
			if got := s.StatusOn(today, 90); got != c.want {
				t.Errorf("summary StatusOn = %s, want %s", got, c.want)
			}
			days, ok := c.a.DaysLeft(today)
			if c.days >= 0 && (!ok || days != c.days) {
				t.Errorf("DaysLeft = %d %v, want %d", days, ok, c.days)
			}
		})
	}
}

func TestResponsibilityStatus(t *testing.T) {
	cases := []struct {
		r    Responsibility
		want TaskStatus
	}{
		{Responsibility{Status: TaskPlanned, Due: today.AddDays(1)}, TaskPlanned},
		{Responsibility{Status: TaskPlanned, Due: today}, TaskPlanned},
		{Responsibility{Status: TaskPlanned, Due: today.AddDays(-1)}, TaskOverdue},
		{Responsibility{Status: TaskInProgress, Due: today.AddDays(-1)}, TaskOverdue},
		{Responsibility{Status: TaskDone, Due: today.AddDays(-1)}, TaskDone},
		{Responsibility{Status: TaskInProgress}, TaskInProgress},
		{Responsibility{}, TaskPlanned},
	}
	for i, c := range cases {
		if got := c.r.StatusOn(today); got != c.want {
			t.Errorf("%d: %s, want %s", i, got, c.want)
		}
	}
	a := goodAgreement()
	a.Responsibilities[0].Due = today.AddDays(-3)
	if got := a.Overdue(today); len(got) != 1 || got[0] != 0 {
		t.Errorf("Overdue = %v", got)
	}
	s := Summarize(&a)
	if s.OverdueOn(today) != 1 || len(s.OpenDue) != 1 {
		t.Errorf("summary overdue %d open %d", s.OverdueOn(today), len(s.OpenDue))
	}
}

func TestIndicators(t *testing.T) {
	o := Outcome{Year: 2025, Graduates: 40, Employed: 30, RetainedAfter12M: 27}
	if p, ok := o.EmploymentPercent(); !ok || p != 75 {
		t.Errorf("employment %v %v", p, ok)
	}
	if p, ok := o.RetentionPercent(); !ok || p != 90 {
		t.Errorf("retention %v %v", p, ok)
	}
	if _, ok := (&Outcome{}).EmploymentPercent(); ok {
		t.Error("no graduates: no percentage")
	}
	if o.AcademicYear() != "2025/2026" {
		t.Error(o.AcademicYear())
	}
	tot := Totals([]Outcome{o, {Graduates: 10, Employed: 10}})
	if p, _ := tot.EmploymentPercent(); p != 80 {
		t.Errorf("total employment %v", p)
	}
}

func TestPrinciples(t *testing.T) {
	got := NormalizePrinciples([]PrincipleAssessment{
		{Principle: PrincipleOpenness, Assessment: AssessMet, Evidence: "open days"},
		{Principle: "nonsense", Assessment: AssessMet},
		{Principle: PrincipleHumanization},
	})
	if len(got) != 7 || got[0].Principle != PrincipleHumanization || got[6].Evidence != "open days" {
		t.Fatalf("%+v", got)
	}
	if got[0].Assessment != AssessNotAssessed || PrinciplesMet(got) != 1 {
		t.Errorf("%+v", got)
	}
	for _, p := range Principles {
		if p.Definition("en") == "" || p.Definition("ru") == "" || p.Definition("en") == p.Definition("ru") {
			t.Errorf("definition of %s missing", p)
		}
	}
	a := Agreement{Principles: got}
	s := Summarize(&a)
	if !s.Meets(PrincipleOpenness) || s.Meets(PrincipleHumanization) || s.PrinciplesMet() != 1 {
		t.Errorf("summary principles %08b", s.Principles)
	}
}

func TestEnumerations(t *testing.T) {
	seen := map[string]bool{}
	total := 0
	for _, c := range Categories {
		if c.Sector() == "" || len(c.SubKinds()) == 0 {
			t.Errorf("category %s has no sector or sub-kinds", c)
		}
		for _, s := range c.SubKinds() {
			total++
			if s.Category() != c || seen[string(s)] {
				t.Errorf("sub-kind %s", s)
			}
			seen[string(s)] = true
		}
	}
	if total != 22 {
		t.Errorf("%d sub-kinds, the seed names 22", total)
	}
	if len(Principles) != 7 || len(Levels) != 3 || len(PartnershipModels) != 3 || len(Forms) != 10 || len(AgreementKinds) != 7 {
		t.Error("enumeration sizes differ from DESIGN.md")
	}
}

func TestAcademicYearOf(t *testing.T) {
	for d, want := range map[string]int{"31.08.2026": 2025, "01.09.2026": 2026, "15.03.2026": 2025, "31.12.2026": 2026} {
		if got := AcademicYearOf(MustDate(d)); got != want {
			t.Errorf("AcademicYearOf(%s) = %d, want %d", d, got, want)
		}
	}
}
