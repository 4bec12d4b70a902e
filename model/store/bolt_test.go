package store_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func openTemp(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "partnerdesk.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, path
}

func TestOpenCreatesPrivateFile(t *testing.T) {
	s, path := openTemp(t)
	defer s.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", st.Mode().Perm())
	}
	dir, _ := os.Stat(filepath.Dir(path))
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", dir.Mode().Perm())
	}
}

func child(t *testing.T, role, path string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	// The children hold or write the file for seconds; two minutes is a
	// hang, and the context kills the child then (its pipe closes, so the
	// reads below end too).
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARTNERDESK_TEST_CHILD="+role, "PARTNERDESK_TEST_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

func TestSecondProcessGetsErrLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerdesk.db")
	cmd, lines := child(t, "hold", path)
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	if !lines.Scan() || lines.Text() != "open" {
		t.Fatalf("child did not open the file: %q", lines.Text())
	}
	start := time.Now()
	_, err := store.Open(path, store.Options{})
	elapsed := time.Since(start)
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	if elapsed > 1500*time.Millisecond {
		t.Errorf("ErrLocked after %v, want within 1.5 s", elapsed)
	}
	if !strings.Contains(err.Error(), "already open") || !strings.Contains(err.Error(), path) {
		t.Errorf("message does not say what happened: %q", err)
	}
	// Once the holder is gone the file opens at once.
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	s.Close()
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestNewerSchemaRefusedUntouched(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("99")) })
	db.Close()
	before := fileSum(t, path)
	_, err = store.Open(path, store.Options{})
	var newer *store.NewerSchemaError
	if !errors.As(err, &newer) || newer.FileSchema != 99 || !strings.Contains(err.Error(), "newer version") {
		t.Fatalf("open newer file: %v", err)
	}
	if fileSum(t, path) != before {
		t.Error("the newer file was modified")
	}
}

func TestDamagedFileRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"random bytes": bytes.Repeat([]byte("not a database "), 1000),
		"short":        []byte("PK\x03\x04"),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".db")
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := store.Open(path, store.Options{})
			if !errors.Is(err, store.ErrDamaged) {
				t.Fatalf("open: %v", err)
			}
			if fileSum(t, path) != sha256.Sum256(content) {
				t.Error("damaged file was modified")
			}
		})
	}
	// A bbolt file that is not ours.
	path := filepath.Join(dir, "foreign.db")
	db, _ := bolt.Open(path, 0o600, nil)
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	db.Close()
	if _, err := store.Open(path, store.Options{}); !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("foreign bbolt file: %v", err)
	}
}

func TestBackupIsACompleteCopy(t *testing.T) {
	s, _ := openTemp(t)
	defer s.Close()
	p := storetest.FullPartner("П", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	a := storetest.FullAgreement("СП-1", p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("backup: %d %v", n, err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(copyPath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := store.Open(copyPath, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	got, err := c.AgreementByNumber("СП-1")
	if err != nil || got.Title != a.Title {
		t.Fatalf("copy lacks the agreement: %v", err)
	}
	if _, err := store.OpenMemory(store.Options{}).Backup(&buf); !errors.Is(err, store.ErrNoFile) {
		t.Error("memory backup should say there is no file")
	}
}

func TestCheckFindsBrokenIndex(t *testing.T) {
	s, path := openTemp(t)
	p := storetest.FullPartner("П", storetest.BIN1)
	_ = s.SavePartner(&p)
	a := storetest.FullAgreement("СП-1", p.ID)
	_ = s.SaveAgreement(&a)
	s.Close()
	db, _ := bolt.Open(path, 0o600, nil)
	_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("idx_number")).Delete([]byte("СП-1")) })
	db.Close()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Check()
	var ce *store.CheckError
	if !errors.As(err, &ce) || len(ce.Problems) != 1 || !strings.Contains(ce.Problems[0], "number index misses agreement СП-1") {
		t.Fatalf("Check: %v", err)
	}
}

// TestCrashKeepsAcknowledgedSaves kills a saving child process at random
// moments and checks that every save it acknowledged survived intact.
func TestCrashKeepsAcknowledgedSaves(t *testing.T) {
	rounds := 20
	if testing.Short() {
		rounds = 4
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	acked := map[model.ID]string{}
	for round := range rounds {
		cmd, lines := child(t, "save", path)
		got := make(chan struct{})
		go func() {
			for lines.Scan() {
				f := strings.Fields(lines.Text())
				if len(f) == 2 {
					id, _ := strconv.ParseUint(f[0], 10, 64)
					acked[model.ID(id)] = f[1]
				} else {
					t.Errorf("child: %s", lines.Text())
				}
			}
			close(got)
		}()
		time.Sleep(time.Duration(50+rng.IntN(250)) * time.Millisecond)
		_ = cmd.Process.Signal(os.Kill)
		<-got
		_ = cmd.Wait()

		s, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatalf("round %d: reopen: %v", round, err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for id, number := range acked {
			a, err := s.Agreement(id)
			if err != nil || a.Number != number || len(a.Responsibilities) != 3 || len(a.Principles) != 7 {
				t.Fatalf("round %d: acknowledged agreement %d %s: %v", round, id, number, err)
			}
		}
		s.Close()
	}
	if len(acked) < rounds {
		t.Errorf("only %d saves acknowledged in %d rounds", len(acked), rounds)
	}
	t.Logf("%d rounds, %d acknowledged saves, all present", rounds, len(acked))
}
