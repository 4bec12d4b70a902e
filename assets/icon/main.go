//go:build ignore

// Command icon draws PartnerDesk's application icon: two interlocking
// rings, white and gold, on a blue rounded square (partnership; the
// colours of the Kazakh flag). Every pixel is the average of n×n samples
// of the shapes, so any size comes out smooth, and 16 px stays legible.
//
//	go run assets/icon/main.go                      # writes assets/icon.png, 1024×1024
//	go run assets/icon/main.go -size 16 -out /tmp/icon16.png
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

// Shapes, in units of the icon's width (0..1, y down).
const (
	margin    = 0.03  // transparent border round the square
	corner    = 0.2   // the square's corner radius
	ringR     = 0.19  // radius of each ring's centre line
	ringW     = 0.12  // ring thickness
	gap       = 0.024 // background kept round the upper ring where they cross
	leftX     = 0.37  // centre of the white ring
	rightX    = 0.63  // centre of the gold ring
	ringY     = 0.5
	shadowOff = 0.018 // the rings' shadow, down and right
)

var (
	blueTop    = rgb(0x00, 0x8c, 0xc8)
	blueBottom = rgb(0x00, 0x5a, 0x96)
	white      = rgb(0xff, 0xff, 0xff)
	gold       = rgb(0xff, 0xc6, 0x1e)
)

type fcolor struct{ r, g, b, a float64 } // premultiplied, 0..1

func rgb(r, g, b uint8) fcolor {
	return fcolor{float64(r) / 255, float64(g) / 255, float64(b) / 255, 1}
}

func mix(a, b fcolor, t float64) fcolor {
	return fcolor{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// inRoundedSquare reports whether (x, y) lies in the background square.
func inRoundedSquare(x, y float64) bool {
	lo, hi := margin+corner, 1-margin-corner
	dx := math.Max(math.Max(lo-x, x-hi), 0)
	dy := math.Max(math.Max(lo-y, y-hi), 0)
	if x < margin || x > 1-margin || y < margin || y > 1-margin {
		return false
	}
	return dx*dx+dy*dy <= corner*corner
}

// ringDist is how far (x, y) is from the centre line of the ring at cx.
func ringDist(x, y, cx float64) float64 {
	return math.Abs(math.Hypot(x-cx, y-ringY) - ringR)
}

// sample returns the colour at one point.
func sample(x, y float64) fcolor {
	if !inRoundedSquare(x, y) {
		return fcolor{}
	}
	bg := mix(blueTop, blueBottom, (y-margin)/(1-2*margin))
	// Where the rings cross, the white one passes over the gold one at the
	// top and under it at the bottom.
	upper, lower := leftX, rightX
	upperC, lowerC := white, gold
	if y > ringY {
		upper, lower, upperC, lowerC = rightX, leftX, gold, white
	}
	dU, dL := ringDist(x, y, upper), ringDist(x, y, lower)
	switch {
	case dU <= ringW/2:
		return upperC
	case dL <= ringW/2 && dU <= ringW/2+gap:
		return bg
	case dL <= ringW/2:
		return lowerC
	}
	sx, sy := x-shadowOff, y-shadowOff
	if ringDist(sx, sy, leftX) <= ringW/2 || ringDist(sx, sy, rightX) <= ringW/2 {
		return mix(bg, rgb(0, 0x20, 0x40), 0.35)
	}
	return bg
}

func render(size, n int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var sum fcolor
			for j := 0; j < n; j++ {
				for i := 0; i < n; i++ {
					c := sample((float64(px)+(float64(i)+0.5)/float64(n))/float64(size),
						(float64(py)+(float64(j)+0.5)/float64(n))/float64(size))
					sum.r, sum.g, sum.b, sum.a = sum.r+c.r*c.a, sum.g+c.g*c.a, sum.b+c.b*c.a, sum.a+c.a
				}
			}
			if sum.a == 0 {
				continue
			}
			to8 := func(v float64) uint8 { return uint8(math.Round(math.Min(v, 1) * 255)) }
			img.SetNRGBA(px, py, color.NRGBA{to8(sum.r / sum.a), to8(sum.g / sum.a), to8(sum.b / sum.a), to8(sum.a / float64(n*n))})
		}
	}
	return img
}

func main() {
	size := flag.Int("size", 1024, "width and height in pixels")
	out := flag.String("out", "assets/icon.png", "PNG file to write")
	flag.Parse()
	n := 8
	if *size <= 64 {
		n = 32
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, render(*size, n)); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
