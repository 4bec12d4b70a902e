// Package interchange moves records between files and the data file: the
// versioned JSON interchange format (docs/json-format.md), and the
// planner and applier that every import and merge goes through, from JSON
// or from an Excel register (package reports/excel reads those into a
// Dataset).
//
// # Steps
//
//	d, err := interchange.ReadJSON(r, name, 0)          // or (*excel.Workbook).Read
//	plan, err := interchange.PlanImport(ctx, s, d, progress)
//	plan, err := interchange.PlanMerge(ctx, s, d, progress)
//	plan.Agreements[i].TakeTheirs = true                // per conflict, or plan.TakeTheirs()
//	res, err := interchange.Apply(ctx, s, plan, progress)
//	err := interchange.WriteJSONFile(ctx, s, path, interchange.ExportOptions{Progress: progress})
//	msg := interchange.ErrorText(err, lang)             // any error, for the user
//
// A plan is made by saving every record in a write transaction that is
// then rolled back, so it lists every problem the store would find
// (validation, taken numbers and tax IDs, unknown partners and parties)
// with its place in the file: Problem carries the sheet, row, column
// letter and header (or the JSON path), the offending value, a message
// key with arguments for the GUI to translate, and Error() in English for
// partnerctl. Warnings (Problem.Warning) do not stop a record. Records
// with problems are skipped (ActionSkip); an agreement is checked in full
// before any partner it brings is created, so a skipped row leaves
// nothing behind.
//
// Apply saves everything the plan does not skip in one transaction, or
// nothing: when the data file changed since the plan so that it no longer
// holds, it returns ErrChanged and the caller makes the plan again.
//
// # Import and merge
//
// Partners are matched by tax ID, then by exact name (where one side has
// no tax ID); agreements by number. ModeImport adds new agreements (a
// number already in the data file is a problem) and uses matched partners
// as they are. ModeMerge compares matched records field by field: a field
// set only in the file is filled in (ActionUpdate), one set only here is
// kept, one set in both with different values is a Conflict (kept as it
// is unless TakeTheirs). Unchanged records are left alone.
//
// Progress callbacks are called from the calling goroutine about every
// 64 records; ctx cancels (and rolls back).
package interchange
