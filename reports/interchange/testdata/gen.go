//go:build ignore

// gen writes the hostile interchange files the tests read. Run it from
// the package folder: go run testdata/gen.go
package main

import (
	"bytes"
	"compress/gzip"
	"log"
	"os"
	"strings"
)

func main() {
	// 10^6 nested arrays (gzipped: 2 MB of brackets).
	gz("nested.json.gz", `{"format":"partnerdesk-interchange","version":1,"parties":`+strings.Repeat("[", 1_000_000)+strings.Repeat("]", 1_000_000)+`}`)
	// A partner whose name is 64 MiB long.
	gz("huge_string.json.gz", `{"format":"partnerdesk-interchange","version":1,"parties":[{"id":"P1","name":"`+strings.Repeat("Я", 32<<20)+`","address":{"countryCode":"KZ"},"details":{"category":"public","relation":"real"}}],"contracts":[]}`)
	write("bad_utf8.json", "{\"format\":\"partnerdesk-interchange\",\"version\":1,\"parties\":[{\"id\":\"P1\",\"name\":\"ТОО \xff\xfe\"}],\"contracts\":[]}")
	write("other_format.json", `{"format":"ocds","version":1,"parties":[],"contracts":[]}`)
	write("newer.json", `{"format":"partnerdesk-interchange","version":7,"parties":[],"contracts":[]}`)
	write("truncated.json", `{"format":"partnerdesk-interchange","version":1,"parties":[{"id":"P1","name":"ТОО`)
	write("wrong_type.json", `{"format":"partnerdesk-interchange","version":1,"parties":[],"contracts":[{"id":"К-1","practicePlaces":"many"}]}`)
}

func write(name, s string) {
	if err := os.WriteFile("testdata/"+name, []byte(s), 0o644); err != nil {
		log.Fatal(err)
	}
}

func gz(name, s string) {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write([]byte(s))
	w.Close()
	if err := os.WriteFile("testdata/"+name, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
