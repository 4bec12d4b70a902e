package excel

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// handKeptRows is the size of the hand-kept register of the benchmarks.
const handKeptRows = 10_000

// writeHandKept writes a register kept by hand of n agreements with 2,000
// partners named by name and BIN, no category or kind column, text dates,
// terms and a title row, as ru_college_dual.xlsx of the corpus.
func writeHandKept(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "hand.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	rows := [][]any{
		{"Реестр договоров о дуальном обучении колледжа"}, {},
		{"№ п/п", "Наименование предприятия", "БИН", "№ договора", "Дата заключения", "Срок действия", "Специальность", "Количество студентов"},
		{1, 2, 3, 4, 5, 6, 7, 8},
	}
	for i, r := range rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), r); err != nil {
			tb.Fatal(err)
		}
	}
	forms := []string{"ТОО «Предприятие %d»", "АО «Завод %d»", "ИП «Мастер %d»", "КГУ «Школа-гимназия № %d»", "Колледж № %d"}
	for i := range n {
		p := i % 2000
		prefix := fmt.Sprintf("%011d", 10_000_000_000+p*7)
		bin := prefix + fmt.Sprint(max(model.BINCheckDigit(prefix), 0))
		if model.BINCheckDigit(prefix) < 0 {
			bin = ""
		}
		r := []any{i + 1, fmt.Sprintf(forms[p%len(forms)], p), bin, fmt.Sprintf("ДО-%05d", i),
			fmt.Sprintf("%02d.%02d.20%02d", 1+i%28, 1+i%12, 15+i%10), "на 3 года", "07140900 Металлургия", 1 + i%20}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+5), r); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// previewFile opens, maps, reads and plans a register into s.
func previewFile(tb testing.TB, s *store.Store, path string, lim Limits) *interchange.Plan {
	tb.Helper()
	wb, err := OpenWorkbookFile(path, lim)
	if err != nil {
		tb.Fatal(err)
	}
	defer wb.Close()
	maps, err := wb.AutoMappings("")
	if err != nil {
		tb.Fatal(err)
	}
	d, err := wb.Read(context.Background(), maps, nil)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := interchange.PlanImport(context.Background(), s, d, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func emptyStore(tb testing.TB) *store.Store { return emptyStoreRoom(tb, 0) }

// emptyStoreRoom opens a new data file mapped room bytes larger, as
// partnerctl opens one to import a dataset (store.Options.Room).
func emptyStoreRoom(tb testing.TB, room int64) *store.Store {
	tb.Helper()
	opts := snapshot.StoreOptions()
	opts.Room = room
	s, err := store.Open(filepath.Join(tb.TempDir(), "d.db"), opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkHandKeptPreview is the preview of a hand-kept register of
// 10,000 rows into an empty data file: open, map, read, plan (every row
// checked in a transaction that is rolled back).
func BenchmarkHandKeptPreview(b *testing.B) {
	path := writeHandKept(b, handKeptRows)
	s := emptyStore(b)
	cpu := cpuSeconds()
	for b.Loop() {
		p := previewFile(b, s, path, DefaultLimits())
		if c := p.AgreementCounts(); c.Add != handKeptRows {
			b.Fatalf("plan %+v", c)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}

// BenchmarkHandKeptApply applies the preview of the same register to an
// empty data file (one transaction).
func BenchmarkHandKeptApply(b *testing.B) {
	path := writeHandKept(b, handKeptRows)
	cpu := 0.0
	for b.Loop() {
		b.StopTimer()
		s := emptyStore(b)
		p := previewFile(b, s, path, DefaultLimits())
		b.StartTimer()
		start := cpuSeconds()
		if _, err := interchange.Apply(context.Background(), s, p, nil); err != nil {
			b.Fatal(err)
		}
		cpu += cpuSeconds() - start
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// BenchmarkBareRowReader is the floor: excelize's row reader over the same
// file, every cell as its raw text, nothing else.
func BenchmarkBareRowReader(b *testing.B) {
	path := writeHandKept(b, handKeptRows)
	cpu := cpuSeconds()
	for b.Loop() {
		bareRead(b, path)
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}

func bareRead(tb testing.TB, path string) int {
	f, err := excelize.OpenFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	n := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			tb.Fatal(err)
		}
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				tb.Fatal(err)
			}
			n += len(cells)
		}
		rows.Close()
	}
	return n
}

// ownRegister exports the 50,000-agreement benchmark data set as a
// register into a temporary file.
func ownRegister(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "reg.xlsx")
	if err := WriteRegister(context.Background(), benchStore(b), path, Options{Today: snapshot.Today}); err != nil {
		b.Fatal(err)
	}
	return path
}

// importFile imports a register into a new data file as `partnerctl
// import register` does: the file opened for the dataset's room, the
// preview's transaction kept (one pass) when it has no problems.
func importFile(tb testing.TB, path string) *interchange.Plan {
	tb.Helper()
	wb, err := OpenWorkbookFile(path, DefaultLimits())
	if err != nil {
		tb.Fatal(err)
	}
	defer wb.Close()
	maps, err := wb.AutoMappings("")
	if err != nil {
		tb.Fatal(err)
	}
	d, err := wb.Read(context.Background(), maps, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return keepAll(tb, emptyStoreRoom(tb, d.Room()), d)
}

func keepAll(tb testing.TB, s *store.Store, d *interchange.Dataset) *interchange.Plan {
	tb.Helper()
	p, kept, err := interchange.PlanAndKeep(context.Background(), s, d, interchange.ModeImport, nil, func(*interchange.Plan) bool { return true })
	if err != nil {
		tb.Fatal(err)
	}
	if !kept {
		tb.Fatalf("not imported: %v", p.Problems)
	}
	return p
}

// BenchmarkOwnRegisterImport imports PartnerDesk's own register of 50,000
// agreements (36 MiB, 444 MiB of XML, every detail sheet) into an empty
// data file as partnerctl does: open, map, read as a stream, plan and
// write in one transaction.
func BenchmarkOwnRegisterImport(b *testing.B) {
	path := ownRegister(b)
	cpu := 0.0
	for b.Loop() {
		start := cpuSeconds()
		p := importFile(b, path)
		cpu += cpuSeconds() - start
		if c := p.AgreementCounts(); c.Add+c.Skip != benchAgreements {
			b.Fatalf("plan %+v", c)
		}
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// BenchmarkOwnRegisterBareRows is its floor: excelize's row reader over
// every sheet of the same file.
func BenchmarkOwnRegisterBareRows(b *testing.B) {
	path := ownRegister(b)
	cpu := cpuSeconds()
	for b.Loop() {
		bareRead(b, path)
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}

// BenchmarkOwnRegisterRawRows is the floor of the import's own row
// reader (sheetRows) on the same file: open the workbook (checking every
// part), then every sheet's rows, nothing else.
func BenchmarkOwnRegisterRawRows(b *testing.B) {
	path := ownRegister(b)
	cpu := cpuSeconds()
	for b.Loop() {
		wb, err := OpenWorkbookFile(path, DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, sheet := range wb.f.GetSheetList() {
			err := wb.rawRows(sheet, func(_ int, cells []string) (bool, error) { n += len(cells); return true, nil })
			if err != nil {
				b.Fatal(err)
			}
		}
		wb.Close()
		if n == 0 {
			b.Fatal("no cells")
		}
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}

// BenchmarkJSONImport imports the same 50,000 agreements from the
// interchange JSON file into an empty data file as partnerctl does: read,
// plan and write in one transaction.
func BenchmarkJSONImport(b *testing.B) {
	path := filepath.Join(b.TempDir(), "all.json")
	if err := interchange.WriteJSONFile(context.Background(), benchStore(b), path, interchange.ExportOptions{}); err != nil {
		b.Fatal(err)
	}
	cpu := 0.0
	for b.Loop() {
		start := cpuSeconds()
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		d, err := interchange.ReadJSON(f, path, 0)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		keepAll(b, emptyStoreRoom(b, d.Room()), d)
		cpu += cpuSeconds() - start
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// cpuSeconds is cpuTime in seconds: on a machine shared with other work,
// wall time says little.
func cpuSeconds() float64 { return cpuTime().Seconds() }
