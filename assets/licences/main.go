//go:build ignore

// Command licences writes assets/licences.txt: the licence texts of the Go
// toolchain and of every module linked into partnerdesk or partnerctl for
// Windows, macOS or Linux (read from the module cache), which the binaries
// must carry. Run it from the repository's root after changing go.mod:
//
//	go run assets/licences/main.go
//
// TestLicencesCurrent fails while the file lists other modules or versions
// than the build uses.
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Targets are the systems the programs are built for.
var targets = []string{"linux", "windows", "darwin"}

var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|ofl)([-_.].*)?$`)

type module struct{ path, version, dir string }

// linked returns the modules (except the main one) and the package
// folders linked into the programs on every target.
func linked() (map[string]module, map[string]bool, error) {
	mods, dirs := map[string]module{}, map[string]bool{}
	for _, goos := range targets {
		cmd := exec.Command("go", "list", "-e", "-deps",
			"-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}\t{{end}}{{end}}{{$.Dir}}",
			"./cmd/partnerdesk", "./cmd/partnerctl")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, nil, fmt.Errorf("go list for %s: %w", goos, err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Split(line, "\t")
			if len(f) == 4 {
				mods[f[0]] = module{f[0], f[1], f[2]}
				dirs[f[3]] = true
			}
		}
	}
	return mods, dirs, nil
}

// licenceFiles lists a module's licence files: those at its root, and
// those in or right below the folders of its linked packages (the C
// sources of GLFW, the fonts inside Fyne).
func licenceFiles(m module, dirs map[string]bool) []string {
	var files []string
	add := func(dir string) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() && licenceFile.MatchString(e.Name()) && !strings.HasSuffix(e.Name(), ".go") {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	add(m.dir)
	for d := range dirs {
		if d != m.dir && !strings.HasPrefix(d, m.dir+string(filepath.Separator)) {
			continue
		}
		add(d)
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.IsDir() && e.Name() != "testdata" {
				add(filepath.Join(d, e.Name()))
			}
		}
	}
	slices.Sort(files)
	return slices.Compact(files)
}

// wrap breaks the lines longer than width at spaces (a few licences
// write a paragraph per line), so that the About dialog needs no
// sideways scrolling.
func wrap(text string, width int) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		for len([]rune(line)) > width {
			r := []rune(line)
			cut := strings.LastIndex(string(r[:width+1]), " ")
			if cut <= 0 {
				break
			}
			b.WriteString(strings.TrimRight(line[:cut], " ") + "\n")
			line = strings.TrimLeft(line[cut:], " ")
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func section(b *bytes.Buffer, title string, files []string, root string) error {
	fmt.Fprintf(b, "## %s\n\n", title)
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(b, "### %s\n\n%s\n\n", filepath.ToSlash(rel), wrap(string(bytes.TrimSpace(text)), 80))
	}
	return nil
}

func main() {
	mods, dirs, err := linked()
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("PartnerDesk and partnerctl are built with the Go toolchain and the\n" +
		"modules below. Their licences follow, as found in each module. The font\n" +
		"PartnerDesk ships, Noto Sans 2.004, is under the SIL Open Font License 1.1.\n\n")
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		log.Fatal(err)
	}
	goroot := strings.TrimSpace(string(out))
	if err := section(&b, "Go (standard library and runtime)", []string{filepath.Join(goroot, "LICENSE")}, goroot); err != nil {
		log.Fatal(err)
	}
	paths := make([]string, 0, len(mods))
	for p := range mods {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		m := mods[p]
		files := licenceFiles(m, dirs)
		if len(files) == 0 {
			log.Fatalf("%s %s: no licence file in %s", m.path, m.version, m.dir)
		}
		if err := section(&b, m.path+" "+m.version, files, m.dir); err != nil {
			log.Fatal(err)
		}
	}
	if err := os.WriteFile("assets/licences.txt", b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("assets/licences.txt: %d modules, %d bytes\n", len(mods), b.Len())
}
