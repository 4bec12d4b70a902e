package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// serverOpts are the flags of partnerctl server.
type serverOpts struct {
	dept, deptName, role, numbers, passwordFile string
	trial                                       bool
}

var errServerBackup = errors.New("a server's data is backed up by IT with pg_dump, not by partnerctl (see docs/server.md)")

var cmdServer = &command{
	name:    "server",
	args:    "init ADMIN-URL | adduser LOGIN | setrole LOGIN | people | departments [add CODE NAME] | numbering department|university | migrate-from FILE.db | check",
	summary: "Set up and run the university's PartnerDesk server (PostgreSQL): schema and roles, people, departments, moving a department's data file in, checks.",
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.StringVar(&o.db, "db", "", "server URL, postgres://LOGIN@HOST/DATABASE (default $"+store.EnvPath+")")
		fs.StringVar(&o.server.dept, "department", "", "department code (init: the default department; adduser, setrole: the person's; migrate-from: where the file moves)")
		fs.StringVar(&o.server.deptName, "department-name", "", "init: the default department's name")
		fs.StringVar(&o.server.role, "role", "", "adduser, setrole: secretary, office or auditor")
		fs.StringVar(&o.server.numbers, "numbers", "", "init: agreement numbers unique per university (default) or per department")
		fs.StringVar(&o.server.passwordFile, "password-file", "", "adduser: file with the new password on its first line (- for standard input)")
		fs.BoolVar(&o.server.trial, "dry-run", false, "migrate-from: only report what would happen and the clashes; write nothing")
	},
	run: runServer,
}

func runServer(c *ctx) error {
	if len(c.args) == 0 {
		return usagef("say what to do: init, adduser, setrole, people, departments, numbering, migrate-from or check")
	}
	sub, args := c.args[0], c.args[1:]
	if sub == "init" {
		if len(args) != 1 {
			return usagef("server init needs the administrator's URL of the database")
		}
		return serverInit(c, args[0])
	}
	url, err := store.ResolvePath(c.o.db)
	if err != nil {
		return err
	}
	if !store.IsServerURL(url) {
		return usagef("give the server with --db postgres://LOGIN@HOST/DATABASE (or $%s)", store.EnvPath)
	}
	switch sub {
	case "check":
		return serverCheck(c, url)
	case "migrate-from":
		if len(args) != 1 {
			return usagef("server migrate-from needs one data file")
		}
		return serverMigrate(c, url, args[0])
	case "adduser", "setrole", "people", "departments", "numbering":
		return serverAdmin(c, url, sub, args)
	}
	return usagef("unknown server command %q", sub)
}

func serverInit(c *ctx, url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	from, to, err := store.InitServer(ctx, url, store.InitOptions{
		DefaultDepartment: c.o.server.dept, DefaultDepartmentName: c.o.server.deptName, Numbers: c.o.server.numbers,
	})
	if err != nil {
		return err
	}
	switch {
	case from == 0:
		fmt.Fprintf(c.out, "server %s prepared: schema %d, roles partnerdesk_secretary, partnerdesk_office, partnerdesk_auditor.\nNext: partnerctl server adduser LOGIN --role office --department CODE --password-file FILE --db %s\n", store.Redact(url), to, store.Redact(url))
	case from == to:
		fmt.Fprintf(c.out, "server %s is up to date (schema %d)\n", store.Redact(url), to)
	default:
		fmt.Fprintf(c.out, "server %s upgraded from schema %d to %d\n", store.Redact(url), from, to)
	}
	return nil
}

func serverAdmin(c *ctx, url, sub string, args []string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, err := store.OpenAdmin(ctx, url)
	if err != nil {
		return err
	}
	defer a.Close()
	switch sub {
	case "adduser":
		return addUser(c, ctx, a, args)
	case "setrole":
		return setRole(c, ctx, a, args)
	case "people":
		return people(c, ctx, a)
	case "departments":
		return departments(c, ctx, a, args)
	}
	return numbering(c, ctx, a, args)
}

func addUser(c *ctx, ctx context.Context, a *store.Admin, args []string) error {
	o := c.o.server
	if len(args) != 1 || o.role == "" || o.dept == "" {
		return usagef("server adduser LOGIN --role secretary|office|auditor --department CODE --password-file FILE")
	}
	pw, err := readPassword(o.passwordFile)
	if err != nil {
		return err
	}
	if err := a.AddPerson(ctx, args[0], pw, o.dept, o.role); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "%s added: %s of department %s\n", args[0], o.role, o.dept)
	return nil
}

func setRole(c *ctx, ctx context.Context, a *store.Admin, args []string) error {
	o := c.o.server
	if len(args) != 1 || o.role == "" || o.dept == "" {
		return usagef("server setrole LOGIN --role secretary|office|auditor --department CODE")
	}
	if err := a.SetPerson(ctx, args[0], o.dept, o.role); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "%s is now %s of department %s\n", args[0], o.role, o.dept)
	return nil
}

func people(c *ctx, ctx context.Context, a *store.Admin) error {
	list, err := a.People(ctx)
	if err != nil {
		return err
	}
	for _, p := range list {
		fmt.Fprintf(c.out, "%-24s %-10s %s\n", p.Login, p.Role, p.Department)
	}
	return nil
}

func numbering(c *ctx, ctx context.Context, a *store.Admin, args []string) error {
	if len(args) != 1 {
		return usagef("server numbering department|university")
	}
	if err := a.SetNumbering(ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "agreement numbers are now unique per %s (clients see it when they next connect)\n", args[0])
	return nil
}

func departments(c *ctx, ctx context.Context, a *store.Admin, args []string) error {
	if len(args) > 0 {
		if args[0] != "add" || len(args) != 3 {
			return usagef("server departments [add CODE NAME]")
		}
		if err := a.AddDepartment(ctx, args[1], args[2]); err != nil {
			return err
		}
	}
	list, err := a.Departments(ctx)
	if err != nil {
		return err
	}
	for _, d := range list {
		fmt.Fprintf(c.out, "%-16s %s\n", d.Code, d.Name)
	}
	return nil
}

func readPassword(file string) (string, error) {
	if file == "" {
		return "", usagef("give the password with --password-file FILE (- reads standard input): never on the command line")
	}
	f := os.Stdin
	if file != "-" {
		var err error
		if f, err = os.Open(file); err != nil {
			return "", err
		}
		defer f.Close()
	}
	line, err := bufio.NewReader(f).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", fmt.Errorf("the password file is empty: %v", err)
	}
	return line, nil
}

func serverCheck(c *ctx, url string) error {
	start := time.Now()
	s, err := store.OpenURL(url, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.ServerStatus()
	if err != nil {
		return err
	}
	counts, err := s.Counts()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "server %s: PostgreSQL %s, schema %d (this partnerctl: %d), numbers unique per %s\n", s.Path(), st.PostgreSQL, st.Schema, st.ClientSchema, st.Numbers)
	fmt.Fprintf(c.out, "you: %s, %s of department %s; TLS: %v; data checksums: %v\n", st.Login, st.Role, st.Department, st.TLS, st.DataChecksums)
	var problems []string
	if len(st.Unprotected) > 0 {
		problems = append(problems, "tables without forced row-level security: "+strings.Join(st.Unprotected, ", "))
	}
	if st.Schema != st.ClientSchema {
		problems = append(problems, s.WriteRefusal().Error())
	}
	if err := s.Check(); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problem(s):\n%s", len(problems), strings.Join(problems, "\n"))
	}
	fmt.Fprintf(c.out, "OK: %d partners, %d agreements, %d attachments, %d history entries (checked in %.1f s)\n",
		counts.Partners, counts.Agreements, counts.Attachments, counts.History, time.Since(start).Seconds())
	return nil
}

func serverMigrate(c *ctx, url, file string) error {
	start := time.Now()
	src, err := store.Open(file, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.OpenURL(url, store.Options{})
	if err != nil {
		return err
	}
	defer dst.Close()
	rep, err := store.MoveFile(src, dst, c.o.server.dept, c.o.server.trial)
	if rep != nil {
		printMove(c, rep)
	}
	if err != nil {
		if errors.Is(err, store.ErrClashes) {
			return fmt.Errorf("%w: nothing was moved. Renumber those agreements in the file, or have the partnership office switch to numbers unique per department (partnerctl server numbering department)", err)
		}
		return fmt.Errorf("nothing was moved: %w", err)
	}
	verb := "moved"
	if !rep.Moved {
		verb = "would move (dry run: nothing was written)"
	}
	fmt.Fprintf(c.out, "%s %s: %d partners, %d agreements, %d attachments, %d history entries in %.1f s\n",
		verb, file, rep.Partners, rep.Agreements, rep.Attachments, rep.History, time.Since(start).Seconds())
	return nil
}

func printMove(c *ctx, rep *store.MoveReport) {
	if len(rep.Linked) > 0 {
		fmt.Fprintf(c.out, "%d partner(s) already on the server by tax ID: their agreements will name the server's partner\n", len(rep.Linked))
		for _, l := range rep.Linked {
			same := ""
			if l.FileName != l.ServerName {
				same = fmt.Sprintf(" (the file calls it %q)", l.FileName)
			}
			fmt.Fprintf(c.out, "  %s %s: %s%s\n", l.Country, l.TaxID, l.ServerName, same)
		}
	}
	if len(rep.Clashes) > 0 {
		fmt.Fprintf(c.out, "%d agreement number(s) already used on the server:\n", len(rep.Clashes))
		for _, cl := range rep.Clashes {
			dept := cl.ServerDepartment
			if dept == "" {
				dept = "the default department"
			}
			fmt.Fprintf(c.out, "  %s (server agreement %d, %s)\n", cl.Number, cl.ServerID, dept)
		}
	}
}
