// Command crashtrial kills PartnerDesk's store at random moments and checks
// that nothing acknowledged is lost. Each round starts a child process that
// opens the data file as the app does (OpenOrDiagnose, the daily backup)
// and then saves agreements, imports batches of partners and agreements
// (after a backup), takes backups (compressed), compacts the data file
// (a backup, a checked copy, a rename) and writes exports, acknowledging each
// finished step on stdout; the parent SIGKILLs it after a random delay
// and verifies:
//
//   - the data file passes store.Inspect (bbolt's tx.Check, the page walk
//     and every record check);
//   - every acknowledged agreement is there, intact, and every import is
//     all there or not there at all;
//   - every file under a backup name passes its check, and every
//     acknowledged backup is there unless the retention policy removed it;
//   - every file under an export name is complete and, if acknowledged,
//     holds what was acknowledged;
//   - temporary files are never listed as backups, and the next start
//     removes those of backups and restores.
//
// Usage: go run ./cmd/crashtrial [-rounds 200] [-seed N] [-dir DIR] [-v]
// (make crash-trials). It prints a tally and exits 1 on any failure.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	if spec := os.Getenv(childEnv); spec != "" {
		runChild(spec)
		return
	}
	rounds := flag.Int("rounds", 200, "number of kills")
	seed := flag.Uint64("seed", uint64(time.Now().UnixNano()), "random seed (printed, to repeat a run)")
	dir := flag.String("dir", "", "folder for the data file (default: a new temporary folder, removed afterwards unless there were failures)")
	maxDelay := flag.Duration("max-delay", time.Second, "longest time a child runs before it is killed")
	verbose := flag.Bool("v", false, "print a line per round")
	flag.Parse()
	os.Exit(run(*rounds, *seed, *dir, *maxDelay, *verbose))
}

const childEnv = "PARTNERDESK_CRASHTRIAL_CHILD"

// runChild parses "db|round|seed" and runs the child.
func runChild(spec string) {
	f := strings.Split(spec, "|")
	if len(f) != 3 {
		fail("bad child spec %q", spec)
	}
	round, _ := strconv.Atoi(f[1])
	seed, _ := strconv.ParseUint(f[2], 10, 64)
	child(f[0], round, seed)
}

func run(rounds int, seed uint64, dir string, maxDelay time.Duration, verbose bool) int {
	keep := dir != ""
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "crashtrial-"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	tr := newTrial(filepath.Join(dir, "partnerdesk.db"), seed, maxDelay)
	fmt.Printf("crash trials: %d rounds, seed %d, data file %s\n", rounds, seed, tr.db)
	start := time.Now()
	for r := range rounds {
		tr.round(r)
		if verbose {
			fmt.Printf("round %3d: killed during %-7s after %4d ms; %s\n", r, tr.lastStep, tr.lastDelay.Milliseconds(), tr.roundNote)
		} else if (r+1)%20 == 0 {
			fmt.Printf("… %d rounds, %d failures, %s\n", r+1, len(tr.t.failures), time.Since(start).Round(time.Second))
		}
	}
	tr.print(os.Stdout, time.Since(start))
	if len(tr.t.failures) > 0 {
		fmt.Printf("the data file and its backups are kept in %s\n", dir)
		return 1
	}
	if !keep {
		os.RemoveAll(dir)
	}
	return 0
}
