package reports

import "testing"

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{512: "512 B", 48 << 10: "48 KiB", 3 << 19: "1.5 MiB", 32 << 20: "32 MiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
