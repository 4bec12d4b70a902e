// Package excel writes the register workbook for ministry reporting and
// reads registers back, PartnerDesk's own and those secretaries keep by
// hand. It imports no GUI toolkit; the desktop app and partnerctl call the
// same functions.
//
// # Export
//
//	err := excel.WriteRegister(ctx, s, path, excel.Options{
//		Lang: "ru", From: from, To: to,           // period; zero = open
//		Statuses: nil, Categories: nil,          // filters; empty = all
//		Progress: func(done, total int) { … },   // agreements written
//	})
//
// WriteRegister refuses the data file as target, writes into a temporary
// file in the target folder (mode 0644) and renames it into place, so a
// failure or a cancelled ctx leaves no half-written file. ExportRegister
// writes to any io.Writer. Progress is called from the exporting goroutine
// every 256 agreements and at the end; the caller throttles what it shows.
//
// The workbook has nine sheets (names in the chosen language): the
// agreements register, partners, responsibilities, principles, indicators
// (with totals per academic year), a summary with two charts, then
// contacts, coordinators and resources. Every table has a bold wrapped
// header row, frozen, with an autofilter, and prints on A4 landscape at
// page width with the header row repeated, the institution and the period
// in the page header. Dates are date cells shown dd.mm.yyyy, counts are
// numbers, employment is a percentage. User text is always a text cell
// (a leading "=" stays text) and is cut with "…" at Excel's 32,767
// characters. The Agreements and Partners sheets end with extra columns
// (grey headers, outside the print area) that carry what the ministry does
// not ask for but a re-import needs.
//
// The Agreements sheet shows each agreement's current term
// (model.CurrentTerm: an agreement that renews itself is shown with the
// term it is in now), its days left and status on Options.Today, and the
// number of automatic renewals; the term as signed (valid from, original
// end) is in the extra columns, which an import reads. Every sheet
// declares its true used range (<dimension>), which some readers trust.
//
// The tables' data rows are written as SpreadsheetML by rowXML and
// compressed on goroutines while the next agreements are formatted;
// registerZip joins them into the sheets excelize writes (header row,
// widths, panes, autofilter, page setup) as the zip is written. See
// BENCHMARKS.md for what this costs against a bare excelize StreamWriter.
//
// # Import, step by step (the GUI's import wizard)
//
//	wb, err := excel.OpenWorkbookFile(path, excel.DefaultLimits()) // refuses bombs at once
//	defer wb.Close()
//	sheets := wb.Sheets()                            // pick a sheet
//	rows, err := wb.Preview(sheet, 10)               // show its top rows
//	m, err := wb.GuessMapping(sheet, "")             // header row and columns, guessed
//	m.Set(columnIndex, "signed_on")                  // the user corrects a column
//	missing := m.Missing()                           // required columns not mapped
//	fields := excel.Fields(m.Kind)                   // choices for a column, with header keys
//	d, err := wb.Read(ctx, []excel.Mapping{m}, progress)
//	plan, err := interchange.PlanImport(ctx, s, d, progress) // or PlanMerge
//	// show plan.Problems (row, column, header, message key and args),
//	// plan.PartnerCounts(), plan.AgreementCounts(), plan.Agreements[i].Conflicts
//	res, err := interchange.Apply(ctx, s, plan, progress)   // one transaction
//
// GuessMappings maps every sheet it recognises at once, which is what a
// register exported by PartnerDesk needs (detail sheets are joined to the
// agreements by number, contacts to partners by tax ID or name).
//
// Headers are recognised in Russian, Kazakh, Kyrgyz and English, with
// common variants, also over two rows (merged group headers above
// sub-headers) and anywhere in the first 20 rows and any column; rows of
// column numbers, totals, signature lines and repeated headers are
// skipped, section rows ("I. Работодатели") give the category of the rows
// under them. Enumeration cells accept the stable codes, the labels in
// all four languages and the words real registers use ("Договор о
// прохождении практики", "күшінде"); an unknown kind is "other" with a
// warning. Dates may be date cells, Excel serial numbers or text
// (dd.mm.yyyy, d.m.yy, yyyy-mm-dd, with "г." or "ж.", or with the month
// in words in Russian, Kazakh or Kyrgyz); validity may be a date, a range
// or a term ("на 3 года", "5 жылға", "бессрочно"); tax IDs that lost their
// leading zero in a number cell get it back, and "БИН"/"ИНН" labels and
// spaces are dropped.
//
// What a register does not say comes from Workbook.Defaults (see
// Defaults): by default a partner's category is inferred from its legal
// form and name (InferCategory), the kind from the title, the status from
// the dates; a partner whose category was inferred is marked for review
// (model.Partner.Review) and the preview says so. .xlsm, .ods and .csv
// (UTF-8 or Windows-1251, ";" or ",") files are read as workbooks; .xls
// and password-protected files get a message saying how to save them as
// .xlsx. Errors that
// refuse a whole file are interchange.Problem values with a message key;
// interchange.ErrorText translates any error for the user.
//
// What a register cannot carry: attachment bytes (the register says only
// whether a scan is attached), the institution's settings, the change
// history, and record IDs and time stamps. Everything else survives an
// export and re-import (see TestRegisterRoundTrip).
package excel
