package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"redress/app"
	"redress/internal/testtool"
	"redress/lang"
)

// runAt runs one command line with the app's clock fixed at now.
func runAt(t *testing.T, dir string, now time.Time, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	r := &runner{ctx: context.Background(), out: &out, errw: &errb, l: lang.Detect(),
		opener: func(ctx context.Context, dir string, create bool) (*app.App, error) {
			opts := []app.Option{app.WithClock(func() time.Time { return now }), app.WithLocation(time.UTC)}
			if create {
				return app.Open(ctx, dir, opts...)
			}
			return app.OpenExisting(ctx, dir, opts...)
		}}
	code := r.run(append([]string{"--data", dir}, args...))
	return out.String(), errb.String(), code
}

func mustAt(t *testing.T, dir string, now time.Time, args ...string) string {
	t.Helper()
	out, errs, code := runAt(t, dir, now, args...)
	if code != 0 {
		t.Fatalf("redress %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
	}
	return out
}

// lawCaseCLI records a case through the CLI: a transaction on Monday
// 2 November 2026 at 03:00 UTC, the user's chat at 09:00 (the first
// notice to the provider) and, unless complaint is false, a formal
// complaint letter on Tuesday 3 November at 10:00.
func lawCaseCLI(t *testing.T, dir, j, problem, currency string, complaint bool) string {
	t.Helper()
	now := time.Date(2026, 11, 3, 12, 0, 0, 0, time.UTC)
	id := strings.TrimSpace(mustAt(t, dir, now, "case", "new", "--title", "OKPay "+j, "--provider", "OKPay", "--problem", problem,
		"--jurisdiction", j, "--amount", "1280.00", "--currency", currency, "--incident", "2026-11-02", "--name", "Lee"))
	mustAt(t, dir, now, "event", "add", id, "--kind", "transaction", "--txid", "X9", "--direction", "out", "--status", "Completed",
		"--at", "2026-11-02T03:00:00Z")
	mustAt(t, dir, now, "event", "add", id, "--kind", "contact", "--channel", "chat", "--summary", "told them", "--at", "2026-11-02T09:00:00Z")
	if complaint {
		mustAt(t, dir, now, "event", "add", id, "--kind", "letter", "--to", "provider", "--at", "2026-11-03T10:00:00Z")
	}
	return id
}

// pdfText is the text of a PDF read back with pdftotext -raw, its
// whitespace collapsed to single spaces.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	testtool.Need(t, "poppler-utils", "pdftotext")
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestNextUKFOSDate: for a UK payment-services complaint made on Tuesday
// 3 November 2026, `redress next` shows the Financial Ombudsman Service
// available from Tuesday 24 November — 15 business days, counted by hand
// (the old code showed 8 weeks, 29 December) — as a date from which the
// user may act, never as overdue.
func TestNextUKFOSDate(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := lawCaseCLI(t, dir, "UK", "payment-failed", "GBP", true)
	out := mustAt(t, dir, time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), "next", id)
	for _, want := range []string{"2026-11-24  Ombudsman can take the case", "Available from 2026-11-24 (in 4 days)",
		"Next step:        Regulator or ombudsman — from 2026-11-24",
		"The firm has until 2026-11-24 (15 business days, or 35 after a holding reply) to send its final response.",
		"Your rights:", "Payment Services Regulations 2017, regs. 91–94", "FCA Handbook DISP 2.8.1 R(1) and (2A)",
		"Where to complain:", "Financial Ombudsman Service [regulator] — letters go here",
		"Ask it to investigate the complaint and have the firm put things right: a refund, redress for your losses, and interest.",
		"Citizens Advice (advice only) [association]"} {
		if !strings.Contains(out, want) {
			t.Errorf("next lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "2026-12-29") || strings.Contains(out, "Complaint answered") {
		t.Errorf("next still shows the 8-week date or the provider's 24 hours as law:\n%s", out)
	}
	// Five days later it is available since 24 November, not "1 day overdue".
	out = mustAt(t, dir, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), "next", id)
	if !strings.Contains(out, "Available since 2026-11-24") || strings.Contains(out, "Ombudsman can take the case  1 day overdue") {
		t.Errorf("next on 25 November:\n%s", out)
	}
	var reps []struct {
		Deadlines []struct {
			Rule, Due, Status, Nature, Effect string
		} `json:"deadlines"`
		Rights []struct{ ID string } `json:"rights"`
		Bodies []struct {
			ID     string
			Chosen bool
		} `json:"bodies"`
	}
	if err := json.Unmarshal([]byte(mustAt(t, dir, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), "next", id, "--json")), &reps); err != nil || len(reps) != 1 {
		t.Fatalf("next --json: %v %v", reps, err)
	}
	found := false
	for _, d := range reps[0].Deadlines {
		if d.Rule == "uk.ombudsman-after" {
			found = true
			if d.Due != "2026-11-24" || d.Status != "available" || d.Effect != "available-from" || d.Nature != "law" {
				t.Errorf("uk.ombudsman-after = %+v, want 2026-11-24, available, available-from, law", d)
			}
		}
	}
	if !found || len(reps[0].Rights) == 0 || len(reps[0].Bodies) != 2 || !reps[0].Bodies[0].Chosen {
		t.Errorf("next --json = %+v", reps[0])
	}
}

// TestDossierUKFOSDate: the dossier for the same UK case shows the FOS
// date at 15 business days in the letter and on the cover, and warns
// before a letter to the ombudsman goes out while the firm's time runs.
func TestDossierUKFOSDate(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := lawCaseCLI(t, dir, "UK", "payment-failed", "GBP", true)
	early := filepath.Join(t.TempDir(), "early.pdf")
	_, errs, code := runAt(t, dir, time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC), "dossier", id, "--to", "regulator", "-o", early)
	if code != 0 || !strings.Contains(errs, "Before you send: The provider's legal time to answer runs until 2026-11-24.") {
		t.Errorf("dossier to the FOS seven days after the complaint: exit %d, stderr %q", code, errs)
	}
	text := pdfText(t, early)
	for _, want := range []string{"the Financial Ombudsman Service can consider my complaint from 24 November 2026",
		"2026-11-24 — Ombudsman can take the case",
		"I ask you to investigate my complaint against OKPay and to decide that it must put things right"} {
		if !strings.Contains(text, want) {
			t.Errorf("dossier lacks %q:\n%s", want, text)
		}
	}
	late := filepath.Join(t.TempDir(), "late.pdf")
	_, errs, code = runAt(t, dir, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), "dossier", id, "--to", "regulator", "-o", late)
	if code != 0 || strings.Contains(errs, "Before you send") {
		t.Errorf("dossier to the FOS after 15 business days: exit %d, stderr %q", code, errs)
	}
	if text := pdfText(t, late); !strings.Contains(text, "can consider my complaint since 24 November 2026") {
		t.Errorf("late dossier lacks the date since when the FOS can consider it:\n%s", text)
	}
}

// TestNextUSRegulationE: a US unauthorized-transfer case cites Regulation E
// with its dates: the chat of Monday 2 November is the notice of error, so
// the provider must investigate (or credit provisionally) by Monday
// 16 November (10 business days) and finish by 17 December (45 days).
func TestNextUSRegulationE(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := lawCaseCLI(t, dir, "US", "unauthorized-transaction", "USD", true)
	out := mustAt(t, dir, time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC), "next", id)
	for _, want := range []string{"2026-11-16  Investigation or provisional credit due (Regulation E)",
		"2026-12-17  End of the investigation (Regulation E)",
		"Regulation E: the provider must finish investigating your notice of error by 2026-11-16, or credit the amount provisionally by then and finish by 2026-12-17.",
		"12 CFR 1005.11(c) (Regulation E)", "12 CFR 1005.6(b) (Regulation E)", "12 CFR 1005.18(e) and 1005.2(b)(3) (Regulation E)",
		"Consumer Financial Protection Bureau (CFPB) [regulator] — letters go here", "Your state's money transmitter regulator [regulator]"} {
		if !strings.Contains(out, want) {
			t.Errorf("next lacks %q:\n%s", want, out)
		}
	}
	pdf := filepath.Join(t.TempDir(), "us.pdf")
	mustAt(t, dir, time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC), "dossier", id, "--to", "provider", "-o", pdf)
	text := pdfText(t, pdf)
	for _, want := range []string{"Regulation E, 12 CFR 1005.11(c)", "unauthorized", "November 16, 2026", "Sincerely,"} {
		if !strings.Contains(text, want) {
			t.Errorf("US dossier lacks %q:\n%s", want, text)
		}
	}
	// The missing evidence is not handed to the provider.
	if strings.Contains(text, "missing") || strings.Contains(text, "Evidence checklist") {
		t.Errorf("the provider's dossier lists the missing evidence:\n%s", text)
	}
}

// TestCNUnauthorisedLetter: a Chinese unauthorised-payment letter cites
// 《电子商务法》第五十七条, writes 人民币1,280.00元, names the 被投诉人 and
// goes to the consumer association of the user's city.
func TestCNUnauthorisedLetter(t *testing.T) {
	setLang(t, "zh")
	dir := t.TempDir()
	id := lawCaseCLI(t, dir, "CN", "unauthorized-transaction", "CNY", true)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	if out := mustAt(t, dir, now, "bodies", id, "--city", "上海", "--provider-address", "上海市浦东新区某路1号", "--provider-contact", "95000"); strings.TrimSpace(out) != "已保存。" {
		t.Errorf("bodies --city printed %q", out)
	}
	saved := mustAt(t, dir, now, "bodies", id, "--to", "regulator", "--body", "cn.12315")
	if !strings.Contains(saved, "全国12315平台") || strings.Contains(saved, "消费者协会") {
		t.Errorf("bodies --to regulator --body cn.12315 printed %q", saved)
	}
	for _, to := range []string{"provider", "association", "regulator"} {
		pdf := filepath.Join(t.TempDir(), to+".pdf")
		_, errs, code := runAt(t, dir, now, "dossier", id, "--to", to, "--lang", "zh", "-o", pdf)
		if code != 0 {
			t.Fatalf("dossier --to %s: exit %d, %q", to, code, errs)
		}
		text := pdfText(t, pdf)
		for _, want := range []string{"《电子商务法》第五十七条", "人民币1,280.00元", "投诉人（签字）："} {
			if !strings.Contains(text, want) {
				t.Errorf("%s letter lacks %q:\n%s", to, want, text)
			}
		}
		if strings.Contains(text, "缺少") {
			t.Errorf("the %s dossier lists the missing evidence:\n%s", to, text)
		}
		switch to {
		case "association":
			if !strings.Contains(text, "上海市消费者协会") || !strings.Contains(text, "被投诉人：OKPay") ||
				!strings.Contains(errs, "12315 将不再受理") {
				t.Errorf("association dossier: stderr %q\n%s", errs, text)
			}
		case "regulator":
			if !strings.Contains(text, "全国12315平台") || !strings.Contains(text, "作出受理或者不予受理的决定") ||
				!strings.Contains(text, "地址：上海市浦东新区某路1号") {
				t.Errorf("12315 dossier:\n%s", text)
			}
		}
	}
	// Bad input: a body of another jurisdiction, one clear sentence.
	_, errs, code := runAt(t, dir, now, "bodies", id, "--to", "regulator", "--body", "uk.fos")
	if code != 2 || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, "uk.fos") {
		t.Errorf("bodies --body uk.fos: exit %d, %q", code, errs)
	}
}

// TestDossierOwnCopy: --own-copy makes the user's own copy, with what the
// evidence lacks and the note on every page that it is not for sending,
// and no "Before you send" warnings; it cannot be recorded as sent.
func TestDossierOwnCopy(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := lawCaseCLI(t, dir, "UK", "payment-failed", "GBP", true)
	own := filepath.Join(t.TempDir(), "own.pdf")
	_, errs, code := runAt(t, dir, time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC), "dossier", id, "--to", "regulator", "--own-copy", "-o", own)
	if code != 0 || strings.Contains(errs, "Before you send") {
		t.Errorf("dossier --own-copy: exit %d, stderr %q", code, errs)
	}
	text := pdfText(t, own)
	for _, want := range []string{"Your own copy — do not send.", "Checklist Evidence: 2 of 5 items; missing:", "Own copy — do not send"} {
		if !strings.Contains(text, want) {
			t.Errorf("the own copy lacks %q:\n%s", want, text)
		}
	}
	sent := filepath.Join(t.TempDir(), "sent.pdf")
	if _, errs, code := runCLI(t, dir, "dossier", id, "--own-copy", "--sent", "-o", sent); code != 2 ||
		!strings.Contains(errs, "An own copy is not sent") {
		t.Errorf("dossier --own-copy --sent: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(sent); err == nil {
		t.Errorf("dossier --own-copy --sent wrote %s", sent)
	}
	if out := mustRun(t, dir, "help"); !strings.Contains(out, "--own-copy") {
		t.Errorf("help does not mention --own-copy")
	}
}

// TestHelpNamesEveryCommand: every command the CLI runs is in `help`, in
// both languages.
func TestHelpNamesEveryCommand(t *testing.T) {
	src, err := os.ReadFile("cli.go")
	if err != nil {
		t.Fatal(err)
	}
	body := string(src)[strings.Index(string(src), "func (r *runner) dispatch("):]
	body = body[:strings.Index(body, "\n}\n")]
	var cmds []string
	for _, line := range strings.Split(body, "\n") {
		// the top-level cases are indented by one tab; subcommands by more
		if rest, ok := strings.CutPrefix(line, "\tcase \""); ok {
			for _, c := range strings.Split(rest, ",") {
				cmds = append(cmds, strings.Trim(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c), ":")), `"`))
			}
		}
	}
	if len(cmds) < 20 {
		t.Fatalf("found only %d commands in dispatch: %v", len(cmds), cmds)
	}
	for _, l := range []string{"en", "zh"} {
		setLang(t, l)
		out := mustRun(t, t.TempDir(), "help")
		for _, c := range cmds {
			if c == "help" {
				continue
			}
			if !strings.Contains(out, "\n  "+c+" ") && !strings.Contains(out, "] "+c+" ") && !strings.Contains(out, " | "+c+" ") && !strings.Contains(out, "redress "+c+" ") {
				t.Errorf("help (%s) does not name the command %q", l, c)
			}
		}
	}
}
