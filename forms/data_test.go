package forms

import (
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/lang"
)

// TestFormsData checks the invariants every form description must keep.
func TestFormsData(t *testing.T) {
	ids := map[string]bool{}
	for _, f := range All() {
		t.Run(f.ID, func(t *testing.T) {
			if ids[f.ID] {
				t.Errorf("form ID %q used twice", f.ID)
			}
			ids[f.ID] = true
			if !slices.Contains(evidence.Jurisdictions, f.Jurisdiction) {
				t.Errorf("jurisdiction %q unknown", f.Jurisdiction)
			}
			if f.Lang != evidence.Chinese && f.Lang != evidence.English {
				t.Errorf("language %q unknown", f.Lang)
			}
			if !strings.HasPrefix(f.URL, "https://") && !strings.HasPrefix(f.URL, "http://") {
				t.Errorf("URL %q is not a public address", f.URL)
			}
			checked, err := time.Parse(evidence.DateLayout, f.Checked)
			if err != nil || checked.After(time.Now()) {
				t.Errorf("Checked %q: not a past date (%v)", f.Checked, err)
			}
			if len(f.Sources) == 0 || f.Seen == "" {
				t.Errorf("no sources (%d) or basis (%q)", len(f.Sources), f.Seen)
			}
			if f.style.layout == "" {
				t.Errorf("no date style")
			}
			keys := map[string]bool{}
			required := 0
			for _, fl := range f.Fields {
				if keys[fl.Key] {
					t.Errorf("field key %q used twice", fl.Key)
				}
				keys[fl.Key] = true
				if fl.Label != "forms."+f.ID+"."+fl.Key {
					t.Errorf("%s: label key %q, want %q", fl.Key, fl.Label, "forms."+f.ID+"."+fl.Key)
				}
				if fl.Fact == "" || fl.Why == "" || fl.Basis == "" {
					t.Errorf("%s: fact %q, reason %q, basis %q must all be set", fl.Key, fl.Fact, fl.Why, fl.Basis)
				}
				if fl.Choice && len(fl.Options) == 0 && fl.Fact != FactHandlingOffice {
					t.Errorf("%s: a choice without options", fl.Key)
				}
				for _, o := range fl.Options {
					if strings.TrimSpace(o) == "" {
						t.Errorf("%s: empty option", fl.Key)
					}
				}
				if (fl.Fact == FactProduct || fl.Fact == FactSubProduct || fl.Fact == FactProductName) && fl.Options["other"] == "" {
					t.Errorf("%s: product options need an \"other\" fallback", fl.Key)
				}
				if fl.Fact == FactIDNumber && !fl.Sensitive {
					t.Errorf("%s: an ID number must be Sensitive", fl.Key)
				}
				if fl.Required && fl.When == Always {
					required++
				}
			}
			if required == 0 {
				t.Errorf("no required field")
			}
		})
	}
	if len(ids) != 6 {
		t.Errorf("%d forms, want 6 (12315, 12363, 12378, EU ADR, FOS, CFPB)", len(ids))
	}
}

// TestFormsTranslated fails when a form's name, note, field label, reason,
// count unit or records note has no text in a language.
func TestFormsTranslated(t *testing.T) {
	var keys []string
	for _, f := range All() {
		keys = append(keys, f.Name(), f.Note())
		for _, fl := range f.Fields {
			keys = append(keys, fl.Label, fl.Why)
		}
	}
	for _, c := range []Count{Characters, UTF16, Bytes, DoubleWidth} {
		keys = append(keys, c.Unit())
	}
	for _, c := range RecordsClocks() {
		keys = append(keys, c.Note)
	}
	keys = append(keys, "forms.bad-date", "forms.bad-amount")
	for _, k := range keys {
		for _, l := range lang.All {
			if !l.Has(k) {
				t.Errorf("%s: no %s translation", k, l)
			}
		}
	}
}

func TestNeeding(t *testing.T) {
	tests := []struct {
		fact     Fact
		ids      string
		required bool
	}{
		{FactBirthDate, "uk-fos", true},
		{FactIDNumber, "cn-12315 cn-12363 cn-12378", true},
		{FactPostcode, "eu-fspo uk-fos", true},
		{FactProviderAddress, "cn-12315 cn-12363 uk-fos", true},
		{FactProviderRegNo, "cn-12315", false},
		{FactContact, "uk-fos", true},
		{FactRepRelationship, "uk-fos", false}, // required only when someone files for the client
		{FactProviderEmail, "", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.fact), func(t *testing.T) {
			ids, req := Needing(tt.fact)
			if strings.Join(ids, " ") != tt.ids || req != tt.required {
				t.Errorf("Needing(%s) = %v, %v, want [%s], %v", tt.fact, ids, req, tt.ids, tt.required)
			}
		})
	}
}

func TestForAndLookup(t *testing.T) {
	tests := []struct {
		j    evidence.Jurisdiction
		want string
	}{
		{evidence.CN, "cn-12315 cn-12363 cn-12378"},
		{evidence.EU, "eu-fspo"},
		{evidence.UK, "uk-fos"},
		{evidence.US, "us-cfpb"},
		{evidence.Other, ""},
	}
	for _, tt := range tests {
		var ids []string
		for _, f := range For(tt.j) {
			ids = append(ids, f.ID)
		}
		if strings.Join(ids, " ") != tt.want {
			t.Errorf("For(%s) = %v, want [%s]", tt.j, ids, tt.want)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Errorf("Lookup(nope) found a form")
	}
}

// A form's name has a key of its own: a field keyed "name" once gave
// the FOS form the name "first name and surname".
func TestFormNameIsNotAFieldLabel(t *testing.T) {
	for _, f := range All() {
		for _, fl := range f.Fields {
			if fl.Label == f.Name() || fl.Why == f.Name() {
				t.Errorf("form %s: its name key %s is also the key of field %s", f.ID, f.Name(), fl.Key)
			}
		}
	}
}

// The product kinds a case can hold are the forms' products.
func TestProductsAreTheCaseKinds(t *testing.T) {
	var got []string
	for _, p := range Products {
		got = append(got, string(p))
	}
	if !slices.Equal(got, evidence.ProductKinds) {
		t.Errorf("forms.Products = %v, evidence.ProductKinds = %v", got, evidence.ProductKinds)
	}
}
