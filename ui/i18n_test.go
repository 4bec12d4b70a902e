package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
	"github.com/partnerdesk/partnerdesk/model/store/drive"
)

// keyLike matches string literals used as translation keys.
var keyLike = regexp.MustCompile(`^(about|action|doc|print|diag|drive|backups|import|agreement|agreements|col|dash|err|field|files|filter|hint|history|lang|list|menu|msg|nav|outcomes|partner|partners|placeholder|principles|reports|settings|tab|welcome|party|category|status|kind|together)\.[a-z_0-9.]+$`)

// Every key the interface's code names exists in the English table (the
// assets tests check that every English key exists in every language).
func TestEveryKeyInCodeIsTranslated(t *testing.T) {
	tables, err := assets.Tables()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			lit, ok := node.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if keyLike.MatchString(s) && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "_") {
				n++
				if _, ok := tables["en"][s]; !ok {
					t.Errorf("%s: key %q has no translation", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
	}
	if n < 150 {
		t.Errorf("only %d keys found: the pattern is broken", n)
	}
}

// Every field of the records has a label, for validation messages and the
// history ("field." + the JSON name).
func TestEveryFieldHasALabel(t *testing.T) {
	tables, _ := assets.Tables()
	for _, v := range []any{model.Partner{}, model.Agreement{}, model.Institution{}, model.Contact{}, model.Responsibility{},
		model.Outcome{}, model.Resource{}, model.Coordinator{}, model.Programme{}, model.PrincipleAssessment{}, model.Person{}, model.Names{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			switch name {
			case "id", "rev", "created", "updated", "added", "added_by", "sha256", "size", "type":
				continue
			}
			if _, ok := tables["en"]["field."+name]; !ok {
				t.Errorf("%s.%s: no label field.%s", typ.Name(), typ.Field(i).Name, name)
			}
		}
	}
}

// Keys made at run time: backup kinds and drive kinds.
func TestDynamicKeysAreTranslated(t *testing.T) {
	tables, _ := assets.Tables()
	for _, k := range []backup.Kind{backup.KindDaily, backup.KindUpgrade, backup.KindImport, backup.KindRestore, backup.KindManual} {
		if _, ok := tables["en"]["backups.kind_"+string(k)]; !ok {
			t.Errorf("no label for backup kind %s", k)
		}
	}
	for _, k := range []drive.Kind{drive.Local, drive.Network, drive.Removable, drive.Synced, drive.Unknown} {
		if _, ok := tables["en"]["drive."+k.String()]; !ok {
			t.Errorf("no message for drive kind %s", k)
		}
	}
}
