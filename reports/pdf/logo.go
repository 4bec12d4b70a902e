package pdf

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"

	"github.com/jung-kurt/gofpdf"
)

// logoName is the name the institution's logo is registered under.
const logoName = "logo"

// logo is an image gofpdf can embed.
type logo struct {
	typ  string // "png" or "jpg"
	data []byte
	w, h int // pixels
}

// prepareLogo checks the institution's logo and returns it in a form
// gofpdf reads, and false when it is not a PNG or JPEG image. gofpdf
// refuses interlaced and 16-bit PNGs (and a refused image would fail the
// whole document), so those are re-encoded.
func prepareLogo(data []byte) (logo, bool) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > 50e6 {
		return logo{}, false
	}
	switch format {
	case "jpeg":
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			return logo{}, false
		}
		return logo{typ: "jpg", data: data, w: cfg.Width, h: cfg.Height}, true
	case "png":
		if pngReadable(data) {
			if _, err := png.Decode(bytes.NewReader(data)); err != nil {
				return logo{}, false
			}
			return logo{typ: "png", data: data, w: cfg.Width, h: cfg.Height}, true
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return logo{}, false
		}
		rgba := image.NewNRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
		var b bytes.Buffer
		if err := png.Encode(&b, rgba); err != nil {
			return logo{}, false
		}
		return logo{typ: "png", data: b.Bytes(), w: cfg.Width, h: cfg.Height}, true
	}
	return logo{}, false
}

// pngReadable reports whether a PNG's header says 8 bits or fewer per
// channel and no interlacing, which is what gofpdf reads.
func pngReadable(data []byte) bool {
	// signature (8), IHDR length and type (8), width, height (8), depth,
	// colour type, compression, filter, interlace.
	if len(data) < 29 || string(data[12:16]) != "IHDR" || binary.BigEndian.Uint32(data[8:12]) != 13 {
		return false
	}
	return data[24] <= 8 && data[28] == 0
}

// addLogo registers the logo with the document and returns its size in mm
// scaled to fit h high and at most maxW wide, and false when there is no
// usable logo.
func (d *doc) addLogo(data []byte, h, maxW float64) (w, hh float64, ok bool) {
	if len(data) == 0 {
		return 0, 0, false
	}
	l, ok := prepareLogo(data)
	if !ok {
		return 0, 0, false
	}
	d.f.RegisterImageOptionsReader(logoName, gofpdf.ImageOptions{ImageType: l.typ}, bytes.NewReader(l.data))
	if d.f.Err() { // an image gofpdf cannot read: print without it
		d.f.ClearError()
		return 0, 0, false
	}
	w = h * float64(l.w) / float64(l.h)
	if w > maxW {
		w, h = maxW, maxW*float64(l.h)/float64(l.w)
	}
	return w, h, true
}
