package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
)

// saved is an acknowledged agreement.
type saved struct{ number, notesSHA string }

// trial is the parent's state: what the children acknowledged, what was
// found, and the tally.
type trial struct {
	db       string
	seed     uint64
	maxDelay time.Duration
	rng      *rand.Rand
	set      *backup.Set

	mu       sync.Mutex
	saves    map[model.ID]saved
	imports  map[string]int    // batch → agreements
	backups  map[string]bool   // acknowledged backup paths
	exports  map[string]string // path → SHA-256
	verified map[string]int64  // backup path → size when it passed its check
	// pending are temporary files found after a kill that the next start
	// must remove.
	pending []string

	lastStep  string
	lastDelay time.Duration
	roundNote string
	t         tally
}

type tally struct {
	rounds, saves, imports, importRecords, backups, exports int
	killedIn                                                map[string]int
	tempCleaned                                             int
	tempFound, exportTemp                                   map[string]bool
	backupsOnDisk, backupsRotated, exportsOnDisk            int
	backupsChecked, backupsLost                             int
	failures                                                []string
}

func newTrial(db string, seed uint64, maxDelay time.Duration) *trial {
	return &trial{
		db: db, seed: seed, maxDelay: maxDelay, rng: rand.New(rand.NewPCG(seed, 0xC4A5)),
		set:   backup.New(db, backup.Options{}),
		saves: map[model.ID]saved{}, imports: map[string]int{}, backups: map[string]bool{},
		exports: map[string]string{}, verified: map[string]int64{},
		t: tally{killedIn: map[string]int{}, tempFound: map[string]bool{}, exportTemp: map[string]bool{}},
	}
}

func (tr *trial) failf(round int, format string, a ...any) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.t.failures = append(tr.t.failures, fmt.Sprintf("round %d: ", round)+fmt.Sprintf(format, a...))
}

// round runs one child, kills it and verifies what it left.
func (tr *trial) round(r int) {
	tr.t.rounds++
	tr.lastStep, tr.roundNote = "(none)", ""
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), childEnv+"="+tr.db+"|"+strconv.Itoa(r)+"|"+strconv.FormatUint(tr.seed, 10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		tr.failf(r, "%v", err)
		return
	}
	if err := cmd.Start(); err != nil {
		tr.failf(r, "%v", err)
		return
	}
	done := make(chan struct{})
	go func() { tr.read(r, out); close(done) }()
	tr.lastDelay = time.Duration(tr.rng.Int64N(int64(tr.maxDelay)))
	select {
	case <-time.After(tr.lastDelay):
		_ = cmd.Process.Kill()
	case <-done:
	}
	<-done
	state, _ := cmd.Process.Wait()
	if state != nil && state.Exited() {
		tr.failf(r, "the child stopped by itself (%v): %s", state, lastLines(stderr.String()))
	}
	tr.t.killedIn[tr.lastStep]++
	tr.verify(r)
}

// read takes the child's acknowledgements.
func (tr *trial) read(r int, out io.Reader) {
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		tr.mu.Lock()
		switch {
		case f[0] == "D" && len(f) == 2:
			if tr.lastStep == "daily" && f[1] != "daily" {
				tr.checkCleaned(r)
			}
			tr.lastStep = f[1]
		case f[0] == "S" && len(f) == 4:
			id, _ := strconv.ParseUint(f[1], 10, 64)
			tr.saves[model.ID(id)] = saved{f[2], f[3]}
			tr.t.saves++
		case f[0] == "I" && len(f) == 3:
			n, _ := strconv.Atoi(f[2])
			tr.imports[f[1]] = n
			tr.t.imports++
			tr.t.importRecords += n
		case f[0] == "B" && len(f) == 2:
			tr.backups[f[1]] = true
			tr.t.backups++
		case f[0] == "E" && len(f) == 3:
			tr.exports[f[1]] = f[2]
			tr.t.exports++
		default:
			tr.t.failures = append(tr.t.failures, fmt.Sprintf("round %d: child says %q", r, sc.Text()))
		}
		tr.mu.Unlock()
	}
}

// checkCleaned runs once the child has passed its daily backup: the
// temporary files found after the previous kill must be gone.
func (tr *trial) checkCleaned(r int) {
	for _, p := range tr.pending {
		if _, err := os.Stat(p); err == nil {
			tr.t.failures = append(tr.t.failures, fmt.Sprintf("round %d: leftover %s not removed on start", r, p))
		} else {
			tr.t.tempCleaned++
		}
	}
	tr.pending = nil
}

func lastLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return strings.Join(lines, " | ")
}

func (tr *trial) print(w io.Writer, took time.Duration) {
	t := tr.t
	fmt.Fprintf(w, "\ncrash trials: %d rounds in %s (seed %d)\n", t.rounds, took.Round(time.Second), tr.seed)
	steps := make([]string, 0, len(t.killedIn))
	for s := range t.killedIn {
		steps = append(steps, s)
	}
	sort.Strings(steps)
	var killed []string
	for _, s := range steps {
		killed = append(killed, fmt.Sprintf("%s %d", s, t.killedIn[s]))
	}
	fmt.Fprintf(w, "  killed during:      %s\n", strings.Join(killed, ", "))
	fmt.Fprintf(w, "  acknowledged:       %d agreements saved, %d imports (%d agreements + %d partners), %d backups, %d exports\n",
		t.saves, t.imports, t.importRecords, t.importRecords/3, t.backups, t.exports)
	fmt.Fprintf(w, "  after every kill:   data file passed Inspect (tx.Check, page walk, record checks): %s; every acknowledged record intact: %s; imports all-or-nothing: %s\n",
		yesNo(!anyFailure(t.failures, "data file")), yesNo(!anyFailure(t.failures, "acknowledged agreement") && !anyFailure(t.failures, "acknowledged import")), yesNo(!anyFailure(t.failures, "partly there")))
	fmt.Fprintf(w, "  backups:            %d checked after kills (all passed: %s), %d on disk at the end, %d removed by the retention policy, %d lost\n",
		t.backupsChecked, yesNo(!anyFailure(t.failures, "does not check out")), t.backupsOnDisk, t.backupsRotated, t.backupsLost)
	fmt.Fprintf(w, "  temporary files:    %d found after kills (never listed as backups), %d removed by the next start, %d left by the last kill for the next start\n",
		len(t.tempFound), t.tempCleaned, len(tr.pending))
	fmt.Fprintf(w, "  exports:            %d complete on disk, none half-written; %d export temp files left (hidden .*.tmp; the next export into that folder removes them once a day old)\n", t.exportsOnDisk, len(t.exportTemp))
	fmt.Fprintf(w, "  failures:           %d\n", len(t.failures))
	for i, f := range t.failures {
		if i == 20 {
			fmt.Fprintf(w, "    … and %d more\n", len(t.failures)-20)
			break
		}
		fmt.Fprintf(w, "    %s\n", f)
	}
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "NO"
}

func anyFailure(failures []string, about string) bool {
	for _, f := range failures {
		if strings.Contains(f, about) {
			return true
		}
	}
	return false
}
