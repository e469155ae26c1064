package bundle

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"redress/evidence"
)

func clientData() Data {
	d := sampleData()
	cl := &evidence.Client{ID: "c0ffee00-0000-4000-8000-000000000001", Name: "王小明", Phone: "13812345678",
		IDNumber: "310101195803021234", Created: d.Case.Created, Updated: d.Case.Created, Version: 1}
	d.Case.ClientID, d.Case.Represented = cl.ID, true
	d.Case.Complainant.IDNumber, d.Case.Complainant.Phone = cl.IDNumber, cl.Phone
	d.Case.Business = evidence.Business{LegalName: "上海欧凯支付科技有限公司", Contact: "客服 95188"}
	d.Client = cl
	d.Selections = map[string]Selection{"regulator": {Exclude: []string{d.Events[0].ID}, Include: []string{}}}
	return d
}

// A case for a client carries the client and the dossier choices, and a
// redacted copy never has the ID number whole.
func TestClientAndSelectionsRoundTrip(t *testing.T) {
	d := clientData()
	for _, redact := range []bool{false, true} {
		opts := sampleOptions()
		opts.Redact = redact
		arc, err := open(exportWith(t, d, opts))
		if err != nil {
			t.Fatalf("Open(redact %v): %v", redact, err)
		}
		got := arc.Data
		if got.Client == nil || got.Client.ID != d.Client.ID || got.Selections["regulator"].Exclude[0] != d.Events[0].ID {
			t.Fatalf("Open(redact %v) = client %+v, selections %+v", redact, got.Client, got.Selections)
		}
		wantID := "310101195803021234"
		if redact {
			wantID = "••••1234"
		}
		if got.Client.IDNumber != wantID || got.Case.Complainant.IDNumber != wantID {
			t.Errorf("redact %v: ID numbers = %q, %q; want %q", redact, got.Client.IDNumber, got.Case.Complainant.IDNumber, wantID)
		}
		if redact && (strings.Contains(got.Case.Complainant.Phone, "13812345678") || strings.Contains(got.Client.Phone, "13812345678")) {
			t.Errorf("redacted phone numbers = %q, %q", got.Case.Complainant.Phone, got.Client.Phone)
		}
	}
}

// Export and Open both refuse a client that is not the case's, and
// choices naming an unknown recipient or a malformed entry ID.
func TestBadClientOrSelectionsRefused(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Data)
	}{
		{"another client", func(d *Data) { d.Client.ID = "c0ffee00-0000-4000-8000-000000000099" }},
		{"client without a name", func(d *Data) { d.Client.Name = "" }},
		{"unknown recipient", func(d *Data) { d.Selections["court"] = Selection{} }},
		{"malformed entry ID", func(d *Data) { d.Selections["regulator"] = Selection{Exclude: []string{"../x"}} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := clientData()
			tt.edit(&d)
			var buf bytes.Buffer
			err := Export(context.Background(), &buf, d, sampleBlobs(), sampleOptions())
			var be *Error
			if !errors.As(err, &be) || be.Key() != ErrBadCase.Key() {
				t.Errorf("Export = %v, want %s", err, ErrBadCase.Key())
			}
			// The same data in an archive made by hand.
			good := partsOf(t, exportWith(t, clientData(), sampleOptions()))
			b := build(t, craft{parts: with(good, part{name: CaseName, body: caseJSON(d)})})
			_, err = open(b)
			if !errors.As(err, &be) || be.Key() != ErrBadCase.Key() {
				t.Errorf("Open = %v, want %s", err, ErrBadCase.Key())
			}
		})
	}
}

func exportWith(t testing.TB, d Data, opts ExportOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(context.Background(), &buf, d, sampleBlobs(), opts); err != nil {
		t.Fatalf("Export() = %v", err)
	}
	return buf.Bytes()
}
