// Package assets embeds what both programs ship: the Noto Sans font (which
// draws every Kazakh and Kyrgyz letter, unlike the copy inside Fyne; see
// fonts/OFL.txt for its licence), the application icon and the translation
// files, with a translation lookup that needs no GUI toolkit, for the
// reports and partnerctl.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	_ "embed"

	"github.com/partnerdesk/partnerdesk/model"
)

// Font files: Noto Sans 2.004, regular and bold, SIL Open Font License 1.1.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/OFL.txt
	FontLicence string
)

// Icon is the application icon, a 1024×1024 PNG drawn by icon/main.go
// (go run assets/icon/main.go); FyneApp.toml names the same file.
//
//go:embed icon.png
var Icon []byte

// Licences holds the licence texts of the Go toolchain and of every module
// linked into the programs, written by licences/main.go
// (go run assets/licences/main.go); the binaries must carry them.
//
//go:embed licences.txt
var Licences string

// I18n holds the translation files, i18n/<area>.<language>.json, in the
// format Fyne's lang.AddTranslationsFS reads: a flat JSON object from key
// to text, with {{.Name}} placeholders.
//
//go:embed i18n/*.json
var I18n embed.FS

// I18nDir is the folder of I18n that holds the files.
const I18nDir = "i18n"

var (
	loadOnce sync.Once
	tables   map[string]map[string]string
	loadErr  error
)

// Tables returns every language's merged translations, keyed by language
// and then by message key.
func Tables() (map[string]map[string]string, error) {
	loadOnce.Do(func() { tables, loadErr = load(I18n) })
	return tables, loadErr
}

func load(fsys fs.FS) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	files, err := fs.Glob(fsys, I18nDir+"/*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		name := strings.TrimSuffix(f[len(I18nDir)+1:], ".json")
		dot := strings.LastIndexByte(name, '.')
		lang := name[dot+1:]
		if !slices.Contains(model.Languages, lang) {
			return nil, fmt.Errorf("%s: unknown language %q", f, lang)
		}
		raw, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if out[lang] == nil {
			out[lang] = map[string]string{}
		}
		for k, v := range m {
			if _, dup := out[lang][k]; dup {
				return nil, fmt.Errorf("%s: key %q is also in another file", f, k)
			}
			out[lang][k] = v
		}
	}
	// The English validation messages live in one place, the model.
	if out["en"] == nil {
		out["en"] = map[string]string{}
	}
	for k, v := range model.Messages {
		if _, dup := out["en"][k]; dup {
			return nil, fmt.Errorf("key %q is a validation message of the model (model.Messages): remove it from the English files", k)
		}
		out["en"][k] = v
	}
	return out, nil
}

// T translates key into lang (falling back to English, then to the key
// itself) and fills its {{.Name}} placeholders from args.
func T(lang, key string, args map[string]string) string {
	t, _ := Tables()
	text, ok := t[lang][key]
	if !ok {
		if text, ok = t["en"][key]; !ok {
			text = key
		}
	}
	if !strings.Contains(text, "{{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.Index(text, "{{.")
		j := strings.Index(text, "}}")
		if i < 0 || j < i {
			break
		}
		b.WriteString(text[:i])
		b.WriteString(args[text[i+3:j]])
		text = text[j+2:]
	}
	b.WriteString(text)
	return b.String()
}
