package evidence

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestCaseDetailsValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Case)
		want   []string
	}{
		{"all set", func(c *Case) {
			c.Complainant = Complainant{Name: "王小明", Phone: "138 1234 5678", Email: " Wang@Example.CN ", Postcode: "200120",
				City: "上海", BirthDate: "1958-03-02", IDNumber: "310101195803021234", Prefers: ByPost}
			c.Business = Business{LegalName: "上海欧凯支付科技有限公司", Address: "上海市\n浦东新区", RegNo: "91310000MA1FL0000X",
				Email: "complaints@okpay.example", Contact: "95188"}
			c.Product, c.FinalResponse, c.FinalMentionsOmbudsman = "e-wallet", "2026-11-25", Yes
			c.ClientID, c.Represented = "c0ffee00-0000-4000-8000-000000000001", true
		}, nil},
		{"bad email", func(c *Case) { c.Complainant.Email = "wang at example.cn" }, []string{"email:malformed-email"}},
		{"two addresses", func(c *Case) { c.Business.Email = "a@b.cn, c@d.cn" }, []string{"provider-email:malformed-email"}},
		{"no domain dot", func(c *Case) { c.Complainant.Email = "wang@localhost" }, []string{"email:malformed-email"}},
		{"birth date before 1970 is fine", func(c *Case) { c.Complainant.BirthDate = "1931-01-05" }, nil},
		{"birth date before 1900", func(c *Case) { c.Complainant.BirthDate = "1899-12-31" }, []string{"birth-date:implausible-date"}},
		{"birth date not a date", func(c *Case) { c.Complainant.BirthDate = "02/03/1958" }, []string{"birth-date:malformed-date"}},
		{"final response not a date", func(c *Case) { c.FinalResponse = "yesterday" }, []string{"final-response:malformed-date"}},
		{"unknown product", func(c *Case) { c.Product = "crypto" }, []string{"product:unknown-value"}},
		{"unknown preference", func(c *Case) { c.Complainant.Prefers = "fax" }, []string{"prefers:unknown-value"}},
		{"ombudsman answer", func(c *Case) { c.FinalMentionsOmbudsman = "maybe" }, []string{"final-mentions-ombudsman:unknown-value"}},
		{"client not an ID", func(c *Case) { c.ClientID = "client-1" }, []string{"client:malformed-id"}},
		{"control character in ID number", func(c *Case) { c.Complainant.IDNumber = "3101\x00" }, []string{"id-number:control-char"}},
		{"long legal name", func(c *Case) { c.Business.LegalName = strings.Repeat("公", MaxShort+1) }, []string{"provider-legal:too-long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCase()
			tt.change(&c)
			c.Normalize()
			if got := fieldsOf(c.Validate()); !slices.Equal(got, tt.want) {
				t.Errorf("Validate() = %v, want %v", got, tt.want)
			}
		})
	}
}

// A case without the new details marshals exactly as before they existed:
// its audit log entries and archive history stay valid.
func TestCaseJSONUnchangedWithoutDetails(t *testing.T) {
	c := validCase()
	c.Normalize()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"business", "product", "final_response", "client_id", "represented", "phone", "id_number"} {
		if strings.Contains(string(b), `"`+k+`"`) {
			t.Errorf("json.Marshal(case without details) = %s, has %q", b, k)
		}
	}
	c.Business.RegNo = "FRN 123456"
	if b, _ := json.Marshal(c); !strings.Contains(string(b), `"business":{"reg_no":"FRN 123456"}`) {
		t.Errorf("json.Marshal(case with a registration number) = %s", b)
	}
}

func TestClientValidateAndApply(t *testing.T) {
	cl := Client{ID: "c0ffee00-0000-4000-8000-000000000002", Name: " Margaret Lee ", Phone: "07700 900123",
		Email: "M.Lee@Example.co.uk", Address: "4 Mill Lane\nLeeds", Postcode: "LS1 4AB", BirthDate: "1948-06-30", Prefers: ByPost}
	cl.Normalize()
	if err := cl.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	if cl.Name != "Margaret Lee" || cl.Email != "m.lee@example.co.uk" {
		t.Errorf("Normalize() name, email = %q, %q", cl.Name, cl.Email)
	}
	c := validCase()
	c.Complainant.AccountID = "ACC-1"
	c.ApplyClient(cl)
	want := Complainant{Name: "Margaret Lee", Address: "4 Mill Lane\nLeeds", AccountID: "ACC-1", Phone: "07700 900123",
		Email: "m.lee@example.co.uk", Postcode: "LS1 4AB", BirthDate: "1948-06-30", Prefers: ByPost}
	if c.Complainant != want || c.ClientID != cl.ID {
		t.Errorf("ApplyClient() = %+v, %q; want %+v, %q", c.Complainant, c.ClientID, want, cl.ID)
	}
	bad := Client{Name: "", Email: "x", Prefers: "pigeon"}
	if got, want := fieldsOf(bad.Validate()), []string{"email:malformed-email", "name:required", "prefers:unknown-value"}; !slices.Equal(got, want) {
		t.Errorf("Validate(bad client) = %v, want %v", got, want)
	}
}
