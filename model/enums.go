package model

import "slices"

// Every enumeration below is a string type whose values are stable codes:
// they are written to the data file, to JSON and to the code columns of
// exports, and they never change once released. Labels are translations
// looked up by Key(), never by the code itself.

// Category is one of the seed paper's five groups of participants in social
// partnership.
type Category string

// The five participant groups, in the seed's order.
const (
	CategoryPublicManagement Category = "public_management" // legislative and executive authorities, labour, social and youth policy, media
	CategoryEducational      Category = "educational"       // schools, vocational and additional vocational education
	CategoryProfessional     Category = "professional"      // enterprises, companies, associations, research institutes, design bureaus
	CategoryPublic           Category = "public"            // public councils, charity funds, alumni, guardianship, youth associations
	CategoryInternal         Category = "internal"          // administration, teachers, technical staff, students
)

// Categories lists the participant groups in the seed's order.
var Categories = []Category{CategoryPublicManagement, CategoryEducational, CategoryProfessional, CategoryPublic, CategoryInternal}

// Valid reports whether c is a known category.
func (c Category) Valid() bool { return slices.Contains(Categories, c) }

// Key is the translation key of c's label.
func (c Category) Key() string { return "category." + string(c) }

// ShortKey is the translation key of c's short label, for charts and
// narrow columns.
func (c Category) ShortKey() string { return "category." + string(c) + ".short" }

// SubKinds returns the sub-kinds of c named by the seed, in its order.
func (c Category) SubKinds() []SubKind { return subKindsOf[c] }

// Sector returns the triple-helix sector (state, university, business, civil
// society) that c belongs to.
func (c Category) Sector() Sector {
	switch c {
	case CategoryPublicManagement:
		return SectorState
	case CategoryEducational, CategoryInternal:
		return SectorUniversity
	case CategoryProfessional:
		return SectorBusiness
	case CategoryPublic:
		return SectorCivilSociety
	}
	return ""
}

// SubKind is the kind of organisation within a Category.
type SubKind string

// Sub-kinds of each category, as the seed lists them.
const (
	SubLegislativeExecutive SubKind = "legislative_executive"
	SubLabourEmployment     SubKind = "labour_employment"
	SubSocialYouthPolicy    SubKind = "social_youth_policy"
	SubMedia                SubKind = "media"
	SubGeneralSecondary     SubKind = "general_secondary"
	SubVocational           SubKind = "vocational"
	SubAdditionalVocational SubKind = "additional_vocational"
	SubDomesticEnterprise   SubKind = "domestic_enterprise"
	SubCommercial           SubKind = "commercial"
	SubForeignCompany       SubKind = "foreign_company"
	SubIndustrialistsAssoc  SubKind = "industrialists_association"
	SubResearchInstitute    SubKind = "research_institute"
	SubDesignBureau         SubKind = "design_bureau"
	SubPublicCouncil        SubKind = "public_council"
	SubCharityFund          SubKind = "charity_fund"
	SubAlumniAssociation    SubKind = "alumni_association"
	SubGuardianshipCouncil  SubKind = "guardianship_council"
	SubYouthAssociation     SubKind = "youth_association"
	SubAdministration       SubKind = "administration"
	SubTeachers             SubKind = "teachers"
	SubTechnicalStaff       SubKind = "technical_staff"
	SubStudents             SubKind = "students"
)

var subKindsOf = map[Category][]SubKind{
	CategoryPublicManagement: {SubLegislativeExecutive, SubLabourEmployment, SubSocialYouthPolicy, SubMedia},
	CategoryEducational:      {SubGeneralSecondary, SubVocational, SubAdditionalVocational},
	CategoryProfessional:     {SubDomesticEnterprise, SubCommercial, SubForeignCompany, SubIndustrialistsAssoc, SubResearchInstitute, SubDesignBureau},
	CategoryPublic:           {SubPublicCouncil, SubCharityFund, SubAlumniAssociation, SubGuardianshipCouncil, SubYouthAssociation},
	CategoryInternal:         {SubAdministration, SubTeachers, SubTechnicalStaff, SubStudents},
}

// Key is the translation key of s's label.
func (s SubKind) Key() string { return "subkind." + string(s) }

// Category returns the category s belongs to, or "" for an unknown sub-kind.
func (s SubKind) Category() Category {
	for _, c := range Categories {
		if slices.Contains(subKindsOf[c], s) {
			return c
		}
	}
	return ""
}

// Sector is a strand of the triple (here quadruple) helix: state,
// university, business and civil society.
type Sector string

// The sectors of the helix model.
const (
	SectorState        Sector = "state"
	SectorUniversity   Sector = "university"
	SectorBusiness     Sector = "business"
	SectorCivilSociety Sector = "civil_society"
)

// Sectors lists the helix sectors.
var Sectors = []Sector{SectorState, SectorUniversity, SectorBusiness, SectorCivilSociety}

// Key is the translation key of s's label.
func (s Sector) Key() string { return "sector." + string(s) }

// Relation says whether the institution already works with a partner.
type Relation string

// The two relations the seed distinguishes.
const (
	// RelationReal is a partner the institution already works with, with a
	// standing programme of interaction.
	RelationReal Relation = "real"
	// RelationPotential is a partner with no standing link yet, with whom
	// cooperation looks fruitful.
	RelationPotential Relation = "potential"
)

// Relations lists the relations.
var Relations = []Relation{RelationReal, RelationPotential}

// Valid reports whether r is a known relation.
func (r Relation) Valid() bool { return slices.Contains(Relations, r) }

// Key is the translation key of r's label.
func (r Relation) Key() string { return "relation." + string(r) }

// AgreementKind is the legal kind of an agreement.
type AgreementKind string

// Agreement kinds.
const (
	KindMemorandum         AgreementKind = "memorandum"
	KindSocialPartnership  AgreementKind = "social_partnership"
	KindPracticeBase       AgreementKind = "practice_base"
	KindDualTraining       AgreementKind = "dual_training"
	KindGraduateEmployment AgreementKind = "graduate_employment"
	KindResearchCodesign   AgreementKind = "research_codesign"
	KindOther              AgreementKind = "other"
)

// AgreementKinds lists the agreement kinds.
var AgreementKinds = []AgreementKind{KindMemorandum, KindSocialPartnership, KindPracticeBase, KindDualTraining, KindGraduateEmployment, KindResearchCodesign, KindOther}

// Valid reports whether k is a known kind.
func (k AgreementKind) Valid() bool { return slices.Contains(AgreementKinds, k) }

// Key is the translation key of k's label.
func (k AgreementKind) Key() string { return "kind." + string(k) }

// Status is an agreement's status. Draft, Active, Terminated and Renewed are
// stored; Expiring and Expired are derived from an active agreement's dates
// by Agreement.StatusOn.
type Status string

// Agreement statuses.
const (
	StatusDraft      Status = "draft"
	StatusActive     Status = "active"
	StatusExpiring   Status = "expiring"
	StatusExpired    Status = "expired"
	StatusTerminated Status = "terminated"
	StatusRenewed    Status = "renewed"
)

// Statuses lists every status, stored and derived.
var Statuses = []Status{StatusDraft, StatusActive, StatusExpiring, StatusExpired, StatusTerminated, StatusRenewed}

// StoredStatuses lists the statuses an agreement record may hold.
var StoredStatuses = []Status{StatusDraft, StatusActive, StatusTerminated, StatusRenewed}

// Valid reports whether s is a known status, stored or derived.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Key is the translation key of s's label.
func (s Status) Key() string { return "status." + string(s) }

// Level is a level of social partnership in vocational training (seed).
type Level string

// The three levels of partnership.
const (
	LevelEducationalOrder   Level = "educational_order"   // forming and carrying out the educational order
	LevelGraduateEmployment Level = "graduate_employment" // employment of graduates
	LevelCareer             Level = "career"              // adaptation and career of the young specialist
)

// Levels lists the levels in the seed's order.
var Levels = []Level{LevelEducationalOrder, LevelGraduateEmployment, LevelCareer}

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return slices.Contains(Levels, l) }

// Key is the translation key of l's label.
func (l Level) Key() string { return "level." + string(l) }

// PartnershipModel is one of the three partnership models the seed cites.
type PartnershipModel string

// The partnership models.
const (
	ModelResource     PartnershipModel = "resource"
	ModelSocialIssue  PartnershipModel = "social_issue"
	ModelPublicSector PartnershipModel = "public_sector"
)

// PartnershipModels lists the models in the seed's order.
var PartnershipModels = []PartnershipModel{ModelResource, ModelSocialIssue, ModelPublicSector}

// Valid reports whether m is a known model.
func (m PartnershipModel) Valid() bool { return slices.Contains(PartnershipModels, m) }

// Key is the translation key of m's label.
func (m PartnershipModel) Key() string { return "model." + string(m) }

// Form is a form of cooperation under an agreement.
type Form string

// Forms of cooperation.
const (
	FormPracticePlacement  Form = "practice_placement"
	FormCaseChampionship   Form = "case_championship"
	FormHackathon          Form = "hackathon"
	FormPracticalEvent     Form = "practical_event"
	FormOnlineTraining     Form = "online_training"
	FormEmployerAssessment Form = "employer_assessment"
	FormProgrammeCodesign  Form = "programme_codesign"
	FormGuestLecture       Form = "guest_lecture"
	FormEquipmentPremises  Form = "equipment_premises"
	FormOther              Form = "other"
)

// Forms lists the forms of cooperation.
var Forms = []Form{FormPracticePlacement, FormCaseChampionship, FormHackathon, FormPracticalEvent, FormOnlineTraining, FormEmployerAssessment, FormProgrammeCodesign, FormGuestLecture, FormEquipmentPremises, FormOther}

// Valid reports whether f is a known form.
func (f Form) Valid() bool { return slices.Contains(Forms, f) }

// Key is the translation key of f's label.
func (f Form) Key() string { return "form." + string(f) }

// TaskStatus is the status of a responsibility. Overdue is derived.
type TaskStatus string

// Responsibility statuses.
const (
	TaskPlanned    TaskStatus = "planned"
	TaskInProgress TaskStatus = "in_progress"
	TaskDone       TaskStatus = "done"
	TaskOverdue    TaskStatus = "overdue"
)

// TaskStatuses lists every responsibility status, stored and derived.
var TaskStatuses = []TaskStatus{TaskPlanned, TaskInProgress, TaskDone, TaskOverdue}

// StoredTaskStatuses lists the statuses a responsibility record may hold.
var StoredTaskStatuses = []TaskStatus{TaskPlanned, TaskInProgress, TaskDone}

// Key is the translation key of s's label.
func (s TaskStatus) Key() string { return "task." + string(s) }

// Assessment is how far an agreement honours one principle.
type Assessment string

// Assessment values.
const (
	AssessNotAssessed Assessment = "not_assessed"
	AssessMet         Assessment = "met"
	AssessPartly      Assessment = "partly"
	AssessNotMet      Assessment = "not_met"
)

// Assessments lists the assessment values, best first, "not assessed" last.
var Assessments = []Assessment{AssessMet, AssessPartly, AssessNotMet, AssessNotAssessed}

// Valid reports whether a is a known assessment.
func (a Assessment) Valid() bool { return slices.Contains(Assessments, a) }

// Key is the translation key of a's label.
func (a Assessment) Key() string { return "assessment." + string(a) }
