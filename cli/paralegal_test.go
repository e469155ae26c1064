package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"redress/internal/testtool"
)

// formOut is `forms --json`.
type formOut []struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Checked string `json:"checked"`
	Fields  []struct {
		Key     string `json:"key"`
		Value   string `json:"value"`
		Missing bool   `json:"missing"`
		Reason  string `json:"reason"`
		FillIn  string `json:"fill_in"`
	} `json:"fields"`
	Missing []string `json:"missing"`
}

func (f formOut) answer(form, key string) (value string, missing bool, fill string) {
	for _, x := range f {
		if x.ID != form {
			continue
		}
		for _, fl := range x.Fields {
			if fl.Key == key {
				return fl.Value, fl.Missing, fl.FillIn
			}
		}
	}
	return "", false, "absent"
}

func formsJSON(t *testing.T, dir, caseID string, args ...string) formOut {
	t.Helper()
	var out formOut
	if err := json.Unmarshal([]byte(mustRun(t, dir, append([]string{"forms", caseID, "--json"}, args...)...)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// Issue 14's "done when", on the command line: a profile, two clients
// with cases, the letter of authority, a regulator dossier written on the
// client's behalf with an entry left out, the form answers for FOS and
// 12315, and a records request sent with its clock.
func TestParalegalCommandLine(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	setLang(t, "en")
	dir := filepath.Join(t.TempDir(), "data")
	work := t.TempDir()
	mustRun(t, dir, "profile", "set", "--name", "Li Jing", "--firm", "Mingli Legal Services", "--role", "paralegal",
		"--address", "88 Century Avenue, Shanghai", "--email", "lijing@example.cn", "--phone", "021-5555 0101", "--reference", "ML-2026-014")
	if out := mustRun(t, dir, "profile", "show"); !strings.Contains(out, "Mingli Legal Services") || !strings.Contains(out, "ML-2026-014") {
		t.Errorf("profile show = %q", out)
	}
	mustRun(t, dir, "profile", "set", "--postcode", "200120")
	if out := mustRun(t, dir, "profile", "show", "--json"); !strings.Contains(out, `"postcode": "200120"`) || !strings.Contains(out, `"name": "Li Jing"`) {
		t.Errorf("profile set --postcode lost the rest: %s", out)
	}
	margaret := mustRun(t, dir, "client", "new", "--name", "Margaret Lee", "--address", "4 Mill Lane, Leeds", "--postcode", "LS1 4AB",
		"--email", "m.lee@example.co.uk", "--prefers", "post")
	wang := mustRun(t, dir, "client", "new", "--name", "王小明", "--phone", "13812345678", "--id-number", "310101195803021234",
		"--address", "上海市浦东新区世纪大道100号")
	if len(margaret) != 36 || len(wang) != 36 {
		t.Fatalf("client new printed %q, %q", margaret, wang)
	}
	uk := mustRun(t, dir, "case", "new", "--title", "Withdrawal stuck", "--provider", "QuickPay", "--problem", "withdrawal-delayed",
		"--jurisdiction", "UK", "--amount", "640.00", "--currency", "GBP", "--client", "Margaret Lee", "--represented", "--product", "e-wallet",
		"--incident", "2026-10-02")
	cn := mustRun(t, dir, "case", "new", "--title", "充值未到账", "--provider", "OKPay", "--problem", "topup-not-credited",
		"--jurisdiction", "CN", "--amount", "1280.00", "--currency", "CNY", "--client", wang[:8], "--represented")
	if out := mustRun(t, dir, "client", "list"); !strings.Contains(out, "Margaret Lee") || !strings.Contains(out, "王小明") {
		t.Errorf("client list = %q", out)
	}
	if out := mustRun(t, dir, "case", "list", "--client", "王小明"); !strings.Contains(out, "充值未到账") || strings.Contains(out, "Withdrawal stuck") {
		t.Errorf("case list --client 王小明 = %q", out)
	}

	// The form answers: FOS asks for the date of birth, which case edit
	// fills (and the client keeps); 12315 has the ID number.
	fos := formsJSON(t, dir, uk[:8], "--form", "uk-fos")
	if v, _, _ := fos.answer("uk-fos", "name"); v != "Margaret Lee" {
		t.Errorf("FOS name = %q", v)
	}
	if _, missing, fill := fos.answer("uk-fos", "birth"); !missing || fill != "--birth-date" {
		t.Errorf("FOS date of birth: missing %v, fill in %q; want missing, --birth-date", missing, fill)
	}
	if len(fos) != 1 || fos[0].Name != "Financial Ombudsman Service — complaint form" || fos[0].Checked != "2026-11-28" {
		t.Errorf("forms --form uk-fos = %+v", fos)
	}
	mustRun(t, dir, "case", "edit", uk[:8], "--birth-date", "1948-06-30", "--provider-address", "1 QuickPay Way\nLondon")
	if v, _, _ := formsJSON(t, dir, uk[:8], "--form", "uk-fos").answer("uk-fos", "birth"); v != "30/06/1948" {
		t.Errorf("FOS date of birth after case edit = %q", v)
	}
	if out := mustRun(t, dir, "client", "show", margaret[:8]); !strings.Contains(out, "1948-06-30") {
		t.Errorf("the client did not keep the date of birth:\n%s", out)
	}
	cnForms := formsJSON(t, dir, cn[:8])
	if v, _, _ := cnForms.answer("cn-12315", "complainant.id"); v != "310101195803021234" {
		t.Errorf("12315 ID number = %q", v)
	}
	if _, missing, fill := cnForms.answer("cn-12315", "provider.address"); !missing || fill != "--provider-address" {
		t.Errorf("12315 provider address: missing %v, fill %q", missing, fill)
	}
	if text := mustRun(t, dir, "forms", cn[:8], "--form", "cn-12315"); !strings.Contains(text, "Business's address") ||
		!strings.Contains(text, "redress case edit CASE --provider-address") {
		t.Errorf("forms (text) lacks the missing address and how to fill it:\n%s", text)
	}
	if _, errs, code := runCLI(t, dir, "forms", cn[:8], "--form", "uk-fos"); code != ExitUsage || !strings.Contains(errs, "cn-12315") {
		t.Errorf("forms --form uk-fos on a CN case: exit %d, %q", code, errs)
	}

	// The letter of authority, signed and added back.
	auth := filepath.Join(work, "authority.pdf")
	if out := mustRun(t, dir, "authority", cn[:8], "-o", auth, "--lang", "zh", "--id-numbers"); !strings.Contains(out, "authority.pdf") {
		t.Errorf("authority = %q", out)
	}
	if text := pdfText(t, auth); !strings.Contains(text, "授权委托书") || !strings.Contains(text, "310101195803021234") {
		t.Errorf("the authority PDF lacks its title or the ID number:\n%s", text)
	}
	if _, errs, code := runCLI(t, dir, "authority", cn[:8], "-o", auth); code != ExitFail || !strings.Contains(errs, "authority.pdf") {
		t.Errorf("authority over an existing file: exit %d, %q", code, errs)
	}
	scan := filepath.Join(work, "signed.png")
	writePNG(t, scan, 60, 80)
	mustRun(t, dir, "authority", uk[:8], "--signed", scan)

	// The regulator dossier: on the client's behalf, authority enclosed,
	// the FOS appendix, the note and the excluded contact left out.
	mustRun(t, dir, "event", "add", uk[:8], "--kind", "contact", "--channel", "chat", "--at", "2026-10-03 09:00", "--summary", "Agent said it is under review")
	drop := mustRun(t, dir, "event", "add", uk[:8], "--kind", "contact", "--channel", "phone", "--at", "2026-10-04 09:00", "--summary", "LEAVE-ME-OUT call")
	mustRun(t, dir, "event", "add", uk[:8], "--kind", "note", "--at", "2026-10-05 09:00", "--summary", "PRIVATE-NOTE unsure")
	reg := filepath.Join(work, "regulator.pdf")
	out := mustRun(t, dir, "dossier", uk[:8], "--to", "regulator", "--lang", "en", "-o", reg, "--exclude", drop[:8])
	if !strings.Contains(out, "left out: 2") {
		t.Errorf("dossier output = %q, want the entries left out", out)
	}
	text := pdfText(t, reg)
	for _, want := range []string{"on behalf of my client, Margaret Lee", "their signed letter of authority is enclosed",
		"Appendix — answers for Financial Ombudsman Service", "30/06/1948", "Agent said it is under review"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the regulator dossier lacks %q", want)
		}
	}
	if strings.Contains(text, "LEAVE-ME-OUT") || strings.Contains(text, "PRIVATE-NOTE") {
		t.Errorf("the regulator dossier has a left-out entry")
	}
	if out := mustRun(t, dir, "verify", reg); !strings.Contains(out, "left out: 2") {
		t.Errorf("verify = %q, want what was left out", out)
	}
	// The choice is remembered; --include-notes puts the note in.
	reg2 := filepath.Join(work, "regulator2.pdf")
	mustRun(t, dir, "dossier", uk[:8], "--to", "regulator", "--lang", "en", "-o", reg2, "--include-notes")
	if text := pdfText(t, reg2); !strings.Contains(text, "PRIVATE-NOTE") || strings.Contains(text, "LEAVE-ME-OUT") {
		t.Errorf("dossier --include-notes: the note in %v, the remembered exclusion kept %v",
			strings.Contains(text, "PRIVATE-NOTE"), !strings.Contains(text, "LEAVE-ME-OUT"))
	}
	if _, errs, code := runCLI(t, dir, "dossier", uk[:8], "--to", "regulator", "-o", filepath.Join(work, "x.pdf"), "--exclude", "zzzz"); code == 0 ||
		!strings.Contains(errs, "zzzz") {
		t.Errorf("dossier --exclude unknown: exit %d, %q", code, errs)
	}

	// The records request, sent: its clock is in `next`.
	rec := filepath.Join(work, "records.pdf")
	out = mustRun(t, dir, "records", uk[:8], "-o", rec, "--sent", "--via", "email", "--at", "2026-09-03T10:00:00+01:00")
	if !strings.Contains(out, "Reply due by 2026-10-05") {
		t.Errorf("records --sent = %q, want the reply date", out)
	}
	if text := pdfText(t, rec); !strings.Contains(text, "UK GDPR") || !strings.Contains(text, "on behalf of my client") {
		t.Errorf("the records request PDF:\n%s", text)
	}
	if out := mustRun(t, dir, "next", uk[:8], "--json"); !strings.Contains(out, `"rule": "uk.records-reply"`) {
		t.Errorf("next --json lacks the records clock:\n%s", out)
	}

	// All of one client's cases in one step.
	exp := filepath.Join(work, "margaret")
	mustRun(t, dir, "case", "new", "--title", "Frozen", "--provider", "QuickPay", "--problem", "account-frozen", "--jurisdiction", "UK",
		"--client", margaret)
	out = mustRun(t, dir, "client", "export", "Margaret Lee", "-o", exp)
	zips, _ := filepath.Glob(filepath.Join(exp, "*.zip"))
	if len(zips) != 2 || !strings.Contains(out, "2 case archives") {
		t.Errorf("client export wrote %v: %q", zips, out)
	}
	other := filepath.Join(t.TempDir(), "other")
	for _, z := range zips {
		mustRun(t, dir, "verify", z)
		mustRun(t, other, "import", z)
	}
	if out := mustRun(t, other, "client", "list"); !strings.Contains(out, "Margaret Lee") {
		t.Errorf("the other installation's clients = %q", out)
	}
	if out := mustRun(t, dir, "verify-log"); out == "" {
		t.Errorf("verify-log printed nothing")
	}
}

func TestParalegalBadInput(t *testing.T) {
	setLang(t, "zh")
	dir := filepath.Join(t.TempDir(), "data")
	mustRun(t, dir, "client", "new", "--name", "A")
	id := mustRun(t, dir, "case", "new", "--title", "t", "--provider", "p", "--problem", "other", "--jurisdiction", "UK")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"client", "new", "--email", "x@"}, ExitUsage, "姓名"},
		{[]string{"case", "edit", id[:8]}, ExitUsage, "至少给出一个"},
		{[]string{"case", "edit", id[:8], "--prefers", "fax"}, ExitUsage, "fax"},
		{[]string{"case", "edit", id[:8], "--client", "Nobody"}, ExitFail, "Nobody"},
		{[]string{"case", "new", "--title", "t", "--provider", "p", "--problem", "other", "--jurisdiction", "UK", "--birth-date", "30/06/1948"}, ExitUsage, "出生日期"},
		{[]string{"authority", id[:8], "-o", filepath.Join(t.TempDir(), "a.pdf")}, ExitFail, "代理人资料"},
		{[]string{"records", id[:8]}, ExitUsage, "-o"},
		{[]string{"profile", "set"}, ExitUsage, "profile set"},
		{[]string{"client", "export", "A", "-o", filepath.Join(t.TempDir(), "x")}, ExitFail, "没有可导出的案件"},
	}
	for _, tt := range tests {
		_, errs, code := runCLI(t, dir, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) || strings.Contains(errs, "panic") {
			t.Errorf("redress %s: exit %d, %q; want exit %d and %q", strings.Join(tt.args, " "), code, errs, tt.code, tt.want)
		}
	}
}
