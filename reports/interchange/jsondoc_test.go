package interchange

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// sameAsUnmarshal checks that decodeDocument, splitting from the first
// contract on, gives what json.Unmarshal gives: the same document or the
// same error.
func sameAsUnmarshal(t *testing.T, name string, data []byte) {
	t.Helper()
	old := minSplitContracts
	minSplitContracts = 1
	defer func() { minSplitContracts = old }()
	var want, got Document
	wantErr := json.Unmarshal(data, &want)
	gotErr := decodeDocument(data, &got)
	if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
		t.Errorf("%s: error %v, json.Unmarshal %v", name, gotErr, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(want, got) {
		t.Errorf("%s: documents differ", name)
	}
}

// TestDecodeDocumentAsUnmarshal: the demo data's export, the test files
// (damaged, nested, of another format) and documents shaped to mislead
// the contracts finder all decode as json.Unmarshal decodes them.
func TestDecodeDocumentAsUnmarshal(t *testing.T) {
	data := exportJSON(t, snapshot.Filled(t, 40, 200))
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	start, _, elems, ok := contractSpans(data)
	if !ok || len(elems) != len(doc.Contracts) || len(elems) < 200 || start == 0 {
		t.Fatalf("contracts not found in the export: %v, %d of %d", ok, len(elems), len(doc.Contracts))
	}
	sameAsUnmarshal(t, "export", data)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		sameAsUnmarshal(t, f, b)
	}
	contract := `{"id":"A-1","title":"a \"quoted\" [title] {x}","parties":[{"id":"p1"}]}`
	for name, doc := range map[string]string{
		"case":      `{"format":"partnerdesk","CONTRACTS":[` + contract + `]}`,
		"twice":     `{"contracts":[` + contract + `],"contracts":[]}`,
		"null":      `{"contracts":null}`,
		"escaped":   `{"contr\u0061cts":[` + contract + `]}`,
		"spaces":    " \n{ \"contracts\" : [ " + contract + " , " + contract + " ] , \"version\" : 1 }\n",
		"bad type":  `{"contracts":[` + contract + `,{"id":5}]}`,
		"bad value": `{"contracts":[` + contract + `,{"id":"x","title":tru}]}`,
		"trailing":  `{"contracts":[` + contract + `]} x`,
		"comma":     `{"contracts":[` + contract + `,]}`,
		"unclosed":  `{"contracts":[` + contract,
		"not array": `{"contracts":{"id":"A-1"}}`,
		"backslash": `{"notes":"C:\\","contracts":[` + contract + `]}`,
		"deep":      `{"contracts":[{"x":` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + `}]}`,
	} {
		sameAsUnmarshal(t, name, []byte(doc))
	}
}
