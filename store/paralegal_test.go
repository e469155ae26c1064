package store

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"redress/evidence"
)

func newClient(t *testing.T, s *Store, name string) evidence.Client {
	t.Helper()
	c := evidence.Client{Name: name, Phone: "138 0000 0001", Address: "上海市浦东新区世纪大道100号", IDNumber: "310101195803021234"}
	if err := s.CreateClient(ctx, &c); err != nil {
		t.Fatalf("CreateClient(%s): %v", name, err)
	}
	return c
}

func caseFor(t *testing.T, s *Store, title string, cl evidence.Client) evidence.Case {
	t.Helper()
	c := evidence.Case{Title: title, Provider: "OKPay", Problem: evidence.TopupNotCredited, Jurisdiction: evidence.CN,
		Complainant: evidence.Complainant{AccountID: "OK-" + title}, Represented: true}
	c.ApplyClient(cl)
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatalf("CreateCase(%s): %v", title, err)
	}
	return c
}

func verifyClean(t *testing.T, s *Store) {
	t.Helper()
	rep, err := s.VerifyLog(ctx)
	if err != nil || !rep.OK() || !rep.Signed {
		t.Fatalf("VerifyLog = %+v, %v; want clean and signed", rep.Problems, err)
	}
}

// A client's details are entered once: an edit reaches every open case of
// the client (each keeping its previous version), not its archived ones,
// and the audit log proves it all.
func TestClientEditReachesItsOpenCases(t *testing.T) {
	s := openTest(t)
	wang := newClient(t, s, "王小明")
	li := newClient(t, s, "李静")
	a := caseFor(t, s, "a", wang)
	b := caseFor(t, s, "b", wang)
	other := caseFor(t, s, "c", li)
	if err := s.ArchiveCase(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	wang.Phone = "139 1111 2222"
	changed, err := s.UpdateClient(ctx, &wang)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(changed, []string{a.ID}) {
		t.Errorf("UpdateClient changed %v, want only the open case %s", changed, a.ID)
	}
	for _, tc := range []struct {
		id, phone string
		version   int
	}{{a.ID, "139 1111 2222", 2}, {b.ID, "138 0000 0001", 1}, {other.ID, "138 0000 0001", 1}} {
		c, err := s.Case(ctx, tc.id)
		if err != nil || c.Complainant.Phone != tc.phone || c.Version != tc.version || c.Complainant.AccountID == "" {
			t.Errorf("Case(%s) = phone %q version %d account %q, %v; want %q, %d", tc.id[:8], c.Complainant.Phone, c.Version,
				c.Complainant.AccountID, err, tc.phone, tc.version)
		}
	}
	if h, _ := s.CaseHistory(ctx, a.ID); len(h) != 1 || h[0].Complainant.Phone != "138 0000 0001" {
		t.Errorf("CaseHistory(a) = %+v, want the old phone kept", h)
	}
	if h, _ := s.ClientHistory(ctx, wang.ID); len(h) != 1 || h[0].Phone != "138 0000 0001" || h[0].Version != 1 {
		t.Errorf("ClientHistory = %+v", h)
	}
	if ids, _ := s.ClientCases(ctx, wang.ID); !slices.Equal(ids, []string{a.ID, b.ID}) {
		t.Errorf("ClientCases = %v, want %v", ids, []string{a.ID, b.ID})
	}
	if err := s.ArchiveClient(ctx, li.ID); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Clients(ctx, false); len(cs) != 1 || cs[0].ID != wang.ID {
		t.Errorf("Clients(active) = %+v", cs)
	}
	verifyClean(t, s)
}

func TestCaseWithUnknownClientIsRefused(t *testing.T) {
	s := openTest(t)
	c := evidence.Case{Title: "t", Provider: "p", Problem: evidence.OtherProblem, Jurisdiction: evidence.UK,
		ClientID: evidence.NewID()}
	err := s.CreateCase(ctx, &c)
	if errKey(err) != "client.not-found" {
		t.Errorf("CreateCase(unknown client) = %v, want client.not-found", err)
	}
}

func TestResolveClient(t *testing.T) {
	s := openTest(t)
	m := newClient(t, s, "Margaret Lee")
	newClient(t, s, "Tom Lee")
	tests := []struct{ ref, want, err string }{
		{m.ID, m.ID, ""},
		{m.ID[:8], m.ID, ""},
		{"margaret lee", m.ID, ""},
		{"Lee", "", "client.not-found"},
		{"", "", "client.ref-empty"},
	}
	for _, tt := range tests {
		got, err := s.ResolveClient(ctx, tt.ref)
		if got != tt.want || errKey(err) != tt.err {
			t.Errorf("ResolveClient(%q) = %q, %v; want %q, %s", tt.ref, got, err, tt.want, tt.err)
		}
	}
}

func TestProfileKeepsHistory(t *testing.T) {
	s := openTest(t)
	if _, ok, err := s.Profile(ctx); ok || err != nil {
		t.Fatalf("Profile() on a new database = %v, %v; want none", ok, err)
	}
	p := evidence.Profile{Name: "李静", Firm: "明理法律服务所", Phone: "021-5555 0101", Reference: "ML-2026-014"}
	if err := s.SaveProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.Phone = "021-5555 0202"
	if err := s.SaveProfile(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Profile(ctx)
	if err != nil || !ok || got.Phone != "021-5555 0202" || got.Version != 2 {
		t.Errorf("Profile() = %+v, %v, %v", got, ok, err)
	}
	if h, _ := s.ProfileHistory(ctx); len(h) != 1 || h[0].Phone != "021-5555 0101" {
		t.Errorf("ProfileHistory() = %+v", h)
	}
	if err := s.SaveProfile(ctx, &evidence.Profile{Firm: "no name"}); errKey(err) != "" && len(evidence.Fields(err)) == 0 {
		t.Errorf("SaveProfile(no name) = %v, want a field error", err)
	} else if fs := evidence.Fields(err); len(fs) != 1 || fs[0].Field != "rep-name" {
		t.Errorf("SaveProfile(no name) = %v, want rep-name required", err)
	}
	verifyClean(t, s)
}

// Rows changed, added or deleted behind Redress's back in the new tables
// are found by verify-log.
func TestVerifyLogCoversParalegalTables(t *testing.T) {
	tests := []struct {
		name, sql, want string
	}{
		{"client edited", `UPDATE clients SET data = replace(data, '王小明', '王大明')`, "audit.changed"},
		{"client deleted", `DELETE FROM clients WHERE name = '李静'`, "audit.deleted"},
		{"client added", `INSERT INTO clients (id, name, data, created_at, updated_at, version) VALUES ('0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12', 'x', '{"id":"0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12","name":"x"}', 0, 0, 1)`, "audit.unlogged"},
		{"client version deleted", `DELETE FROM client_versions`, "audit.missing-version"},
		{"client version forged", `UPDATE client_versions SET data = replace(data, '138', '137')`, "audit.forged-version"},
		{"profile edited", `UPDATE profile SET data = replace(data, 'ML-2026-014', 'ML-1')`, "audit.changed"},
		{"profile deleted", `DELETE FROM profile`, "audit.deleted"},
		{"profile version deleted", `DELETE FROM profile_versions`, "audit.missing-version"},
		{"selection edited", `UPDATE dossier_selections SET data = '{"exclude":[],"include":[]}'`, "audit.changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			wang := newClient(t, s, "王小明")
			newClient(t, s, "李静")
			c := caseFor(t, s, "a", wang)
			wang.Phone = "139"
			if _, err := s.UpdateClient(ctx, &wang); err != nil {
				t.Fatal(err)
			}
			p := evidence.Profile{Name: "李静", Reference: "ML-2026-014"}
			s.SaveProfile(ctx, &p)
			s.SaveProfile(ctx, &p)
			if err := s.SetSelection(ctx, c.ID, "regulator", Selection{Exclude: []string{"e1"}}); err != nil {
				t.Fatal(err)
			}
			verifyClean(t, s)
			if _, err := s.DB().Exec(tt.sql); err != nil {
				t.Fatal(err)
			}
			rep, err := s.VerifyLog(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, p := range rep.Problems {
				keys = append(keys, p.Key)
			}
			if !slices.Contains(keys, tt.want) {
				t.Errorf("VerifyLog after %q = %v, want %s", tt.sql, keys, tt.want)
			}
		})
	}
}

func TestSelectionRemembered(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "c")
	if sel, err := s.Selection(ctx, c.ID, "regulator"); err != nil || len(sel.Exclude)+len(sel.Include) != 0 {
		t.Errorf("Selection() before any = %+v, %v", sel, err)
	}
	want := Selection{Exclude: []string{"e1", "e2"}, Include: []string{"n1"}}
	if err := s.SetSelection(ctx, c.ID, "regulator", want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Selection(ctx, c.ID, "regulator"); !slices.Equal(got.Exclude, want.Exclude) || !slices.Equal(got.Include, want.Include) {
		t.Errorf("Selection() = %+v, want %+v", got, want)
	}
	if got, _ := s.Selection(ctx, c.ID, "provider"); len(got.Exclude) != 0 {
		t.Errorf("Selection(provider) = %+v, want its own (empty) choice", got)
	}
	verifyClean(t, s)
}

// The letter details kept under case_overrides before schema 4 move onto
// the case when the database is opened: the case keeps its previous
// version, the override goes, nothing is lost and the log stays complete.
func TestLetterDetailsMoveOntoTheCase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redress.db")
	s, err := Open(ctx, path, WithClock(clock()))
	if err != nil {
		t.Fatal(err)
	}
	c := newCase(t, s, "details")
	filled := newCase(t, s, "filled")
	filled.Business.Contact = "95188"
	if err := s.UpdateCase(ctx, &filled); err != nil {
		t.Fatal(err)
	}
	// What the previous version wrote (app.SetLetterDetails).
	for id, v := range map[string]string{
		c.ID:      `{"city":"上海","provider_address":"上海市浦东新区\n世纪大道100号","provider_contact":"kefu@okpay.example"}`,
		filled.ID: `{"provider_contact":"400-800-8888"}`,
	} {
		if err := s.SetOverride(ctx, id, LetterDetailsKey, v); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s, err = Open(ctx, path, WithClock(clock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.Case(ctx, c.ID)
	if got.Complainant.City != "上海" || got.Business.Address != "上海市浦东新区\n世纪大道100号" ||
		got.Business.Contact != "kefu@okpay.example" || got.Version != 2 {
		t.Errorf("case after opening = city %q address %q contact %q version %d", got.Complainant.City,
			got.Business.Address, got.Business.Contact, got.Version)
	}
	if got, _ := s.Case(ctx, filled.ID); got.Business.Contact != "95188; 400-800-8888" {
		t.Errorf("a field already set = %q, want both values kept", got.Business.Contact)
	}
	if h, _ := s.CaseHistory(ctx, c.ID); len(h) != 1 || h[0].Complainant.City != "" {
		t.Errorf("CaseHistory = %+v, want the version before the move", h)
	}
	if o, _ := s.Overrides(ctx, c.ID); len(o) != 0 {
		t.Errorf("Overrides after the move = %v, want none", o)
	}
	verifyClean(t, s)
}

// A version-3 database (before this schema) migrates without losing a
// row, and its letter details land on the case.
func TestMigrationFromVersion3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redress.db")
	db, _ := sql.Open("sqlite", path)
	ms, _ := migrations()
	for _, m := range ms[:3] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO cases (id, title, provider, problem, jurisdiction, language, status, created_at, updated_at, complainant_name)
		 VALUES ('0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12','旧案件','OKPay','other','CN','zh','open',0,0,'王小明')`,
		`INSERT INTO case_overrides (case_id, rule_id, span, updated_at) VALUES
		 ('0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12','letter:details','{"city":"杭州"}',0),
		 ('0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12','cn.complaint-reply','20d',0)`,
		"PRAGMA user_version = 3",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Case(ctx, "0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12")
	if err != nil || c.Title != "旧案件" || c.Complainant.Name != "王小明" || c.Complainant.City != "杭州" {
		t.Errorf("case after migration = %+v, %v", c, err)
	}
	if o, _ := s.Overrides(ctx, c.ID); len(o) != 1 || o["cn.complaint-reply"] != "20d" {
		t.Errorf("overrides after migration = %v, want the rule override kept", o)
	}
}
