package assets

import (
	"bytes"
	"image/png"
	"testing"
)

// The icon is a square PNG of at least 512 px, as fyne package and the
// platforms' icon formats want, with transparent corners.
func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() || b.Dx() < 512 {
		t.Errorf("icon is %d×%d, want a square of at least 512 px", b.Dx(), b.Dy())
	}
	if _, _, _, a := img.At(b.Min.X, b.Min.Y).RGBA(); a != 0 {
		t.Errorf("corner alpha %d, want transparent", a)
	}
	if _, _, _, a := img.At(b.Dx()/2, b.Dy()/10).RGBA(); a != 0xffff {
		t.Errorf("inside alpha %d, want opaque", a)
	}
}
