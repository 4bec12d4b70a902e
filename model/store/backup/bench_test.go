package backup

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// BenchmarkTake50k takes a verified backup of the 50,000-agreement file:
// "plain" is the uncompressed copy backups were before (checked by
// store.Inspect), the others a compressed backup at each zstd level
// (checked by decompressing it and store.Inspect). It reports the backup's
// size as a share of the data file.
func BenchmarkTake50k(b *testing.B) {
	src := storetest.BenchFile(b, 10000, 50000)
	st, err := store.Open(src, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	data, _ := os.Stat(src)
	dir := b.TempDir()
	for _, c := range []struct {
		name  string
		level zstd.EncoderLevel
	}{{"plain", 0}, {"zstd-fastest", zstd.SpeedFastest}, {"zstd-default", zstd.SpeedDefault}, {"zstd-better", zstd.SpeedBetterCompression}} {
		b.Run(c.name, func(b *testing.B) {
			defer func(l zstd.EncoderLevel) { Level = l }(Level)
			path := filepath.Join(dir, "backup.db")
			if c.level != 0 {
				Level, path = c.level, path+CompressedExt
			}
			var n int64
			for b.Loop() {
				if n, _, err = TakeTo(st, path); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/float64(data.Size())*100, "%-of-file")
			b.ReportMetric(float64(n)/(1<<20), "MiB")
		})
	}
}

// BenchmarkCompress50k compresses the 50,000-agreement file's bytes only
// (no writing, no check), at each level, to compare the levels' speed.
func BenchmarkCompress50k(b *testing.B) {
	raw, err := os.ReadFile(storetest.BenchFile(b, 10000, 50000))
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range []zstd.EncoderLevel{zstd.SpeedFastest, zstd.SpeedDefault, zstd.SpeedBetterCompression, zstd.SpeedBestCompression} {
		b.Run(l.String(), func(b *testing.B) {
			var cw countWriter
			for b.Loop() {
				cw = 0
				enc, _ := zstd.NewWriter(&cw, zstd.WithEncoderLevel(l))
				if _, err := enc.Write(raw); err != nil {
					b.Fatal(err)
				}
				enc.Close()
			}
			b.SetBytes(int64(len(raw)))
			b.ReportMetric(float64(cw)/float64(len(raw))*100, "%-of-file")
		})
	}
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

// BenchmarkCompact50k compacts a copy of the 50,000-agreement file after
// a third of its agreements were deleted: the backup first, the compacted
// copy, its check and the rename.
func BenchmarkCompact50k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		path := storetest.CopyFile(b, storetest.BenchFile(b, 10000, 50000), b.TempDir())
		path = sparse(b, path)
		b.StartTimer()
		c, err := New(path, Options{}).Compact()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(c.Before)/(1<<20), "MiB-before")
		b.ReportMetric(float64(c.After)/(1<<20), "MiB-after")
	}
}

// sparse deletes every third agreement of the file at path.
func sparse(b *testing.B, path string) string {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	sums, err := st.Summaries()
	if err != nil {
		b.Fatal(err)
	}
	err = st.Update(func(tx *store.Tx) error {
		for i := 0; i < len(sums); i += 3 {
			if err := tx.DeleteAgreement(sums[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return path
}
