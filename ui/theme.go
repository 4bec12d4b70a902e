package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/partnerdesk/partnerdesk/assets"
)

// Fonts shipped with the app: Fyne's bundled Noto Sans 2.000 draws the
// Kazakh letter і without its dot; Noto Sans 2.004 draws it right.
var (
	fontRegular = fyne.NewStaticResource("NotoSans-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSans-Bold.ttf", assets.FontBold)
	appIcon     = fyne.NewStaticResource("icon.png", assets.Icon)
)

// appTheme is Fyne's default theme with PartnerDesk's font. Colours follow
// the system's light or dark setting.
type appTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return &appTheme{Theme: theme.DefaultTheme()} }

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, v)
}
