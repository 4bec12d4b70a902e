package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/partnerdesk/partnerdesk/model"
)

// PaperTable1 is Table 1 of the paper (section "Findings"): for each
// indicator (rows: professional, socio-psychological, general cultural,
// subject knowledge) and each level (fragmented, complete, summative), the
// EG and CG percentages: PaperTable1[i][l] = {EG, CG}.
var PaperTable1 = [4][3][2]int{
	{{30, 30}, {28, 27}, {37, 38}},
	{{35, 35}, {32, 31}, {40, 40}},
	{{20, 22}, {21, 22}, {11, 11}},
	{{15, 13}, {19, 20}, {12, 11}},
}

// PaperRound returns the paper's round: 50 students in the experimental
// group (fourth year, taught through partnership activities) and 50 in the
// control group, diagnosed during the formative stage of the experiment.
//
// The counts are the paper's percentages themselves, read as counts out of
// 100 observations per level and group. The paper publishes percentages
// only, and each level's column adds up to 100 over the four indicators.
// With 50 students a student is worth 2 percentage points, so only an even
// percentage can be a whole count of 50 — and every one of the six columns
// holds odd percentages (EG fragmented 35 and 15; CG fragmented 35 and 13;
// EG complete 21 and 19; CG complete 27 and 31; EG summative 37 and 11; CG
// summative 11 and 11), which would be 17.5 students and the like. No
// column can therefore be written as whole counts of its 50 students, and
// mixing bases within a column would change its shares; counts out of 100
// give Table 1 back exactly. Because these counts are not one level per
// student for each indicator, Round.Consistent is false for both groups
// and the statistics say so.
func PaperRound(date model.Date) model.Round {
	r := model.NewRound(model.DefaultScale(), date)
	r.Title = "Формирующий этап эксперимента (Таблица 1 статьи)"
	r.Stage = model.StageFormative
	r.Course = 4
	r.Programme = model.Programme{Code: "6B01801", Name: "Социальная педагогика и самопознание"}
	r.Activities = "Практика на базах партнёров, совместные мероприятия, кейс-чемпионаты"
	r.Source = "Вестник ОшГУ, 2024, № 1, с. 108–119, раздел «Findings», Таблица 1 и Рисунок 1"
	r.Groups[0].Students, r.Groups[1].Students = 50, 50
	for g := range 2 {
		for i := range PaperTable1 {
			for l := range PaperTable1[i] {
				r.Groups[g].Counts[i][l] = PaperTable1[i][l][g]
			}
		}
	}
	return r
}

// Rounds returns the demo data's diagnostic rounds: the paper's round and
// an experiment of the demo university's own — an ascertaining and a
// control round of two groups of 25 students entered student by student,
// the experimental group improving between them.
func Rounds(seed uint64, today model.Date, agreements []model.ID) []model.Round {
	r := rand.New(rand.NewPCG(seed, 0x524f554e44))
	paper := PaperRound(model.NewDate(2023, 12, 15))
	before := ownRound(r, today.AddMonths(-9), model.StageAscertaining, [2][3]int{{40, 45, 15}, {40, 45, 15}})
	after := ownRound(r, today.AddMonths(-1), model.StageControl, [2][3]int{{10, 40, 50}, {35, 45, 20}})
	before.Title = "Констатирующий срез, 3 курс"
	after.Title = "Контрольный срез, 3 курс"
	if len(agreements) > 0 {
		before.AgreementIDs = agreements[:1]
		after.AgreementIDs = agreements[:1]
	}
	return []model.Round{paper, before, after}
}

// ownRound makes a round of two groups of 25 students whose levels are
// drawn with the given percentages (experimental first).
func ownRound(r *rand.Rand, date model.Date, stage model.Stage, odds [2][3]int) model.Round {
	rd := model.NewRound(model.DefaultScale(), date)
	rd.Stage, rd.Mode, rd.Course = stage, model.ModeStudents, 3
	rd.Programme = model.Programme{Code: "6B01101", Name: "Педагогика и психология"}
	rd.Activities = "Гостевые лекции работодателей, практика на базе партнёра"
	for g := range rd.Groups {
		rd.Groups[g].Students = 25
		rd.Groups[g].Counts = nil
		for s := range 25 {
			res := model.StudentResult{Code: fmt.Sprintf("%s-%02d", rd.Groups[g].Name, s+1)}
			for range rd.Scale.Indicators {
				res.Levels = append(res.Levels, rd.Scale.Levels[pick(r, odds[g])].Code)
			}
			rd.Groups[g].Results = append(rd.Groups[g].Results, res)
		}
	}
	return rd
}

func pick(r *rand.Rand, odds [3]int) int {
	n := r.IntN(100)
	for i, o := range odds {
		if n < o {
			return i
		}
		n -= o
	}
	return len(odds) - 1
}
