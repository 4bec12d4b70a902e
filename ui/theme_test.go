package ui

import (
	"bytes"
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/partnerdesk/partnerdesk/assets"
)

// render draws text in a test window with the theme and returns the
// pixels.
func render(t *testing.T, th fyne.Theme, text string) image.Image {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(th)
	txt := canvas.NewText(text, th.Color(theme.ColorNameForeground, theme.VariantLight))
	txt.TextSize = 40
	w := test.NewWindow(txt)
	defer w.Close()
	w.Resize(fyne.NewSize(640, 80))
	return w.Canvas().Capture()
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// The shipped Noto Sans 2.004 draws the Kazakh і with its dot; the copy
// inside Fyne draws it like the dotless ı.
func TestThemeDrawsKazakhLettersWithShippedFont(t *testing.T) {
	th := newTheme()
	if !bytes.Equal(th.Font(fyne.TextStyle{}).Content(), assets.FontRegular) ||
		!bytes.Equal(th.Font(fyne.TextStyle{Bold: true}).Content(), assets.FontBold) {
		t.Fatal("the theme does not use the shipped font")
	}
	// The dot raises the top of the ink of і above that of ı.
	if top, dotless := inkTop(render(t, th, "і")), inkTop(render(t, th, "ı")); top >= dotless-3 {
		t.Errorf("і (U+0456) is drawn without its dot: ink starts at row %d, ı at %d", top, dotless)
	}
	phrase := "Әлеуметтік серіктестік"
	if samePixels(render(t, th, phrase), render(t, theme.DefaultTheme(), phrase)) {
		t.Error("the text is drawn with Fyne's bundled font, not the shipped one")
	}
}

// inkTop returns the first pixel row that differs from the top-left
// (background) pixel.
func inkTop(img image.Image) int {
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.At(x, y) != bg {
				return y
			}
		}
	}
	return b.Max.Y
}
