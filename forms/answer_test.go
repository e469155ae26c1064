package forms

import (
	"strings"
	"testing"

	"redress/evidence"
	"redress/lang"
)

// want is one expected answer: the field key and its value, or missing.
type want struct {
	key, value string
	missing    bool
}

func answersOf(t *testing.T, id string, facts Facts, l lang.Lang) []Answer {
	t.Helper()
	f, ok := Lookup(id)
	if !ok {
		t.Fatalf("Lookup(%q): no such form", id)
	}
	return f.Answer(facts, l)
}

func check(t *testing.T, id string, got []Answer, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		var keys []string
		for _, a := range got {
			keys = append(keys, a.Field.Key)
		}
		t.Fatalf("%s: %d answers %v, want %d", id, len(got), keys, len(wants))
	}
	for i, w := range wants {
		a := got[i]
		if a.Field.Key != w.key || a.Value != w.value || a.Missing != w.missing {
			t.Errorf("%s answer %d = {%s %q missing=%v}, want {%s %q missing=%v}",
				id, i, a.Field.Key, a.Value, a.Missing, w.key, w.value, w.missing)
		}
		if a.Reason == "" || a.Reason == a.Field.Why || a.Label == a.Field.Label {
			t.Errorf("%s %s: label %q / reason %q not translated", id, a.Field.Key, a.Label, a.Reason)
		}
	}
}

func ukFacts() Facts {
	return Facts{
		Name: "Alex Morgan", Phone: "07700 900123", Email: "alex@example.com",
		Address: "4 Mill Lane\nLeeds", Postcode: "LS1 4AB", BirthDate: "1988-03-07",
		Contact: ByEmail, AccountID: "PW-55120",
		Provider: "PayWave", ProviderLegal: "PayWave Payments Ltd", ProviderAddress: "1 Bank Street,\nLondon E14 5AB",
		Product: EWallet, Problem: evidence.WithdrawalDelayed,
		Amount: evidence.Money{Minor: 45000, Currency: "GBP"}, Incident: "2026-11-16",
		ComplainedOn: "2026-11-18", ProviderRef: "C-3391",
		Narrative: "On 16 November 2026 I withdrew £450.00. It never arrived.",
		Request:   "Complete the withdrawal and pay interest.",
	}
}

func cnFacts() Facts {
	return Facts{
		Name: "王小明", Phone: "13812345678", Address: "上海市浦东新区\n世纪大道100号", IDNumber: "110101199003071234",
		AccountID: "OK-8812345", Provider: "OKPay", ProviderLegal: "上海欧凯支付科技有限公司",
		ProviderRegNo: "91310000MA1FL0000X", ProviderAddress: "上海市黄浦区\n中山东一路1号",
		Product: EWallet, Problem: evidence.TopupNotCredited,
		Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Incident: "2026-11-20",
		Transactions: []Transaction{{ID: "TX2026112012345678"}, {ID: " TX2026112087654321 "}},
		ComplainedOn: "2026-11-21", ProviderRef: "T-8899",
		Narrative: "2026年11月20日我充值1280元，至今未到账。", Request: "退还1280元。",
	}
}

func TestAnswerFOS(t *testing.T) {
	base := []want{
		{"name", "Alex Morgan", false},
		{"birth", "07/03/1988", false},
		{"address", "4 Mill Lane, Leeds", false},
		{"postcode", "LS1 4AB", false},
		{"phone", "07700 900123", false},
		{"email", "alex@example.com", false},
		{"contact", "email", false},
		{"business", "PayWave Payments Ltd", false},
		{"business.address", "1 Bank Street, London E14 5AB", false},
		{"product", "E-money account (digital wallet)", false},
		{"account", "PW-55120", false},
		{"complaint", "On 16 November 2026 I withdrew £450.00. It never arrived.", false},
		{"complained", "18/11/2026", false},
		{"final", "No", false},
		{"remedy", "Complete the withdrawal and pay interest.", false},
	}
	t.Run("no final response", func(t *testing.T) {
		check(t, "uk-fos", answersOf(t, "uk-fos", ukFacts(), lang.EN), base)
	})
	t.Run("final response and a solicitor", func(t *testing.T) {
		f := ukFacts()
		f.FinalResponse = "2026-12-01"
		f.OnBehalf = true
		f.Representative = Representative{Name: "Jo Smith", Firm: "Smith & Co Solicitors", Relationship: "solicitor",
			Address: "9 Park Row\nLeeds", Email: "jo@smith.example", Reference: "SM/77"}
		wants := append([]want(nil), base...)
		wants[13] = want{"final", "Yes, dated 01/12/2026", false}
		wants = append(wants,
			want{"rep.name", "Jo Smith (Smith & Co Solicitors)", false},
			want{"rep.relationship", "solicitor", false},
			want{"rep.address", "9 Park Row, Leeds", false},
			want{"rep.postcode", "", true},
			want{"rep.phone", "", true},
			want{"rep.email", "jo@smith.example", false},
			want{"rep.reference", "SM/77", false},
		)
		check(t, "uk-fos", answersOf(t, "uk-fos", f, lang.EN), wants)
	})
	t.Run("legal name unknown: the known name", func(t *testing.T) {
		f := ukFacts()
		f.ProviderLegal = ""
		got := answersOf(t, "uk-fos", f, lang.EN)
		if got[7].Field.Key != "business" || got[7].Value != "PayWave" {
			t.Errorf("business = %q, want %q", got[7].Value, "PayWave")
		}
	})
}

func TestAnswer12315(t *testing.T) {
	got := answersOf(t, "cn-12315", cnFacts(), lang.ZH)
	check(t, "cn-12315", got, []want{
		{"complainant.name", "王小明", false},
		{"complainant.id", "110101199003071234", false},
		{"complainant.phone", "13812345678", false},
		{"complainant.address", "上海市浦东新区 世纪大道100号", false},
		{"provider.name", "上海欧凯支付科技有限公司", false},
		{"provider.regno", "91310000MA1FL0000X", false},
		{"provider.address", "上海市黄浦区 中山东一路1号", false},
		{"product.name", "OKPay 电子钱包（支付账户）服务", false},
		{"product.category", "支付服务", false},
		{"sales.channel", "网购", false},
		{"order.no", "TX2026112012345678、TX2026112087654321", false},
		{"complaint.type", "充值未到账", false},
		{"office", "上海市黄浦区 中山东一路1号", false},
		{"complaint.content", "2026年11月20日我充值1280元，至今未到账。", false},
		{"complaint.request", "退还1280元。", false},
	})
	if !got[1].Sensitive || got[0].Sensitive {
		t.Errorf("Sensitive: id %v, name %v; want only the ID number sensitive", got[1].Sensitive, got[0].Sensitive)
	}
}

func TestAnswer12315Missing(t *testing.T) {
	f := cnFacts()
	f.ProviderLegal, f.ProviderAddress, f.IDNumber = "", "", ""
	f.OnBehalf = true
	f.Representative = Representative{Name: "李律师", Firm: "某某律师事务所"}
	got := answersOf(t, "cn-12315", f, lang.ZH)
	miss := Missing(got)
	var keys []string
	for _, a := range miss {
		keys = append(keys, a.Field.Key)
	}
	wantKeys := "complainant.id provider.name provider.address office rep.phone"
	if strings.Join(keys, " ") != wantKeys {
		t.Fatalf("Missing() = %v, want %s", keys, wantKeys)
	}
	for _, a := range miss {
		if !a.Field.Required {
			t.Errorf("%s: optional field listed as missing among required ones", a.Field.Key)
		}
	}
	// The reasons name the rule: the provider's address is required by
	// SAMR Order No. 121 (and art. 9/15 of the measures it replaced).
	if r := miss[2].Reason; !strings.Contains(r, "第121号令") || !strings.Contains(r, "第十五条") {
		t.Errorf("provider.address reason = %q, want it to cite 第121号令 and 第十五条", r)
	}
	if r := miss[0].Reason; !strings.Contains(r, "真实身份信息") {
		t.Errorf("complainant.id reason = %q, want it to name 真实身份信息", r)
	}
	if got[len(got)-2].Value != "李律师（某某律师事务所）" {
		t.Errorf("rep.name = %q, want %q", got[len(got)-2].Value, "李律师（某某律师事务所）")
	}
	// Missing fields carry the reason in English too.
	en := answersOf(t, "cn-12315", f, lang.EN)
	if r := Missing(en)[1].Reason; !strings.Contains(r, "enterprise register") {
		t.Errorf("provider.name English reason = %q", r)
	}
}

func TestAnswer12363(t *testing.T) {
	check(t, "cn-12363", answersOf(t, "cn-12363", cnFacts(), lang.ZH), []want{
		{"complainant.name", "王小明", false},
		{"complainant.id", "110101199003071234", false},
		{"complainant.phone", "13812345678", false},
		{"complainant.address", "上海市浦东新区 世纪大道100号", false},
		{"provider.name", "上海欧凯支付科技有限公司", false},
		{"provider.address", "上海市黄浦区 中山东一路1号", false},
		{"product", "OKPay 支付账户（电子钱包）服务", false},
		{"date", "2026年11月20日", false},
		{"amount", "人民币1,280.00元", false},
		{"complained", "已于2026年11月21日向上海欧凯支付科技有限公司投诉（投诉编号：T-8899），尚未获得最终答复。", false},
		{"facts", "2026年11月20日我充值1280元，至今未到账。", false},
		{"request", "退还1280元。", false},
	})
	f := cnFacts()
	f.FinalResponse = "2026-11-27"
	f.Amount = evidence.Money{Minor: 9900, Currency: "USD"}
	got := answersOf(t, "cn-12363", f, lang.ZH)
	if got[8].Value != "99.00 USD" {
		t.Errorf("amount in USD = %q, want %q", got[8].Value, "99.00 USD")
	}
	if want := "已于2026年11月21日向上海欧凯支付科技有限公司投诉（投诉编号：T-8899），上海欧凯支付科技有限公司于2026年11月27日作出最终答复。"; got[9].Value != want {
		t.Errorf("complained = %q, want %q", got[9].Value, want)
	}
}

func TestAnswerCFPB(t *testing.T) {
	f := Facts{Name: "Dana Lee", Address: "12 Elm St\nSpringfield, IL 62701", Email: "dana@example.com",
		Provider: "ZipCash", Product: EWallet, Problem: evidence.UnauthorizedTransaction,
		Narrative: "Two transfers I did not make left my wallet on 11/20/2026."}
	check(t, "us-cfpb", answersOf(t, "us-cfpb", f, lang.EN), []want{
		{"product", "Money transfer, virtual currency, or money service", false},
		{"sub-product", "Mobile or digital wallet", false},
		{"issue", "Unauthorized transactions or other transaction problem", false},
		{"tried", "", true},
		{"what-happened", "Two transfers I did not make left my wallet on 11/20/2026.", false},
		{"resolution", "", true},
		{"company", "ZipCash", false},
		{"account", "", true},
		{"for-whom", "Myself", false},
		{"name", "Dana Lee", false},
		{"address", "12 Elm St, Springfield, IL 62701", false},
		{"email", "dana@example.com", false},
		{"phone", "", true},
	})
	f.Product = ""
	f.ComplainedOn = "2026-11-21"
	got := answersOf(t, "us-cfpb", f, lang.EN)
	if !got[0].Missing || got[3].Value != "Yes" {
		t.Errorf("product %q missing=%v, tried %q; want product missing and tried Yes", got[0].Value, got[0].Missing, got[3].Value)
	}
}

func TestAnswerFSPO(t *testing.T) {
	f := ukFacts()
	f.Amount = evidence.Money{Minor: 45000, Currency: "EUR"}
	f.FinalResponse = "2026-12-01"
	got := answersOf(t, "eu-fspo", f, lang.EN)
	check(t, "eu-fspo", got, []want{
		{"name", "Alex Morgan", false},
		{"address", "4 Mill Lane, Leeds", false},
		{"postcode", "LS1 4AB", false},
		{"phone", "07700 900123", false},
		{"email", "alex@example.com", false},
		{"provider", "PayWave Payments Ltd", false},
		{"account", "PW-55120", false},
		{"complained", "18/11/2026", false},
		{"final", "Yes, dated 01/12/2026", false},
		{"complaint", "On 16 November 2026 I withdrew £450.00. It never arrived.", false},
		{"remedy", "Complete the withdrawal and pay interest.", false},
	})
}

func TestAnswerBadInput(t *testing.T) {
	f := ukFacts()
	f.BirthDate = "1988-02-31"
	f.ComplainedOn = "18/11/2026"
	got := answersOf(t, "uk-fos", f, lang.EN)
	tests := []struct {
		i    int
		want string
	}{
		{1, "Date of birth (dd/mm/yyyy): \"1988-02-31\" is not a date. Enter it again as YYYY-MM-DD, for example 2026-11-20."},
		{12, "When did you complain to the business? (dd/mm/yyyy): \"18/11/2026\" is not a date. Enter it again as YYYY-MM-DD, for example 2026-11-20."},
	}
	for _, tt := range tests {
		a := got[tt.i]
		if !a.Missing || a.Value != "" || a.Problem != tt.want {
			t.Errorf("%s = {%q missing=%v problem=%q}, want missing with problem %q", a.Field.Key, a.Value, a.Missing, a.Problem, tt.want)
		}
	}
	zh := answersOf(t, "uk-fos", f, lang.ZH)
	if want := "出生日期（日/月/年）：“1988-02-31”不是有效日期。请按“年-月-日”重新填写，例如 2026-11-20。"; zh[1].Problem != want {
		t.Errorf("Chinese problem = %q, want %q", zh[1].Problem, want)
	}
	c := cnFacts()
	c.Amount = evidence.Money{Minor: -5, Currency: "CNY"}
	if a := answersOf(t, "cn-12363", c, lang.EN)[8]; !a.Missing || !strings.Contains(a.Problem, "not a valid amount") {
		t.Errorf("negative amount = {%q missing=%v problem=%q}, want missing with a problem", a.Value, a.Missing, a.Problem)
	}
}

func TestAnswerCutsToLimit(t *testing.T) {
	f := cnFacts()
	f.Provider = strings.Repeat("支", 40)
	a := answersOf(t, "cn-12315", f, lang.ZH)[7]
	if a.Field.Key != "product.name" {
		t.Fatalf("answer 7 is %s, want product.name", a.Field.Key)
	}
	want := strings.Repeat("支", 40) + "…"
	if a.Value != want || !a.Cut || a.Length != 41 || a.Full != 53 {
		t.Errorf("product.name = %q cut=%v length=%d full=%d, want %q cut=true length=41 full=53",
			a.Value, a.Cut, a.Length, a.Full, want)
	}
}

func TestSensitive(t *testing.T) {
	f := cnFacts()
	f.Narrative = "我的身份证号110101199003071234，手机13812345678，账户OK-8812345。"
	as := answersOf(t, "cn-12315", f, lang.ZH)

	prov := ForProvider(as)
	if len(prov) != len(as)-1 {
		t.Fatalf("ForProvider kept %d of %d answers, want all but the ID number", len(prov), len(as))
	}
	for _, a := range prov {
		if a.Sensitive || strings.Contains(a.Value, "110101199003071234") {
			t.Errorf("ForProvider: %s = %q still shows the ID number", a.Field.Key, a.Value)
		}
	}
	if want := "我的身份证号••••1234，手机13812345678，账户OK-8812345。"; prov[12].Value != want {
		t.Errorf("ForProvider narrative = %q, want %q", prov[12].Value, want)
	}

	red := Redacted(as, f)
	tests := []struct {
		i    int
		want string
	}{
		{1, "••••1234"},
		{2, "••••5678"},
		{13, "我的身份证号••••1234，手机••••5678，账户••••2345。"},
		{10, "TX2026112012345678、TX2026112087654321"}, // identifiers glued to letters stay
	}
	for _, tt := range tests {
		if red[tt.i].Value != tt.want {
			t.Errorf("Redacted %s = %q, want %q", red[tt.i].Field.Key, red[tt.i].Value, tt.want)
		}
	}
	if as[1].Value != "110101199003071234" {
		t.Errorf("Redacted changed its input: %q", as[1].Value)
	}
}
