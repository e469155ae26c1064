package letters

import (
	"regexp"
	"strings"
	"testing"

	"redress/evidence"
)

func authority(lang evidence.Language) Authority {
	return Authority{
		Lang: lang, Jurisdiction: evidence.CN,
		Client:         Party{Name: "王小明", IDNumber: "110101199003071234", Address: "上海市浦东新区\n世纪大道100号"},
		Representative: Party{Name: "李静", IDNumber: "310101198501011111", Phone: "021-55550000"},
		Provider:       "OKPay", Scope: FullScope,
	}
}

func TestComposeAuthorityIDNumbers(t *testing.T) {
	for _, lang := range []evidence.Language{evidence.Chinese, evidence.English} {
		a := authority(lang)
		if text := ComposeAuthority(a).Text(); strings.Contains(text, "110101199003071234") || strings.Contains(text, "310101198501011111") {
			t.Errorf("%s: ID numbers printed without ShowIDNumbers:\n%s", lang, text)
		}
		a.ShowIDNumbers = true
		text := ComposeAuthority(a).Text()
		if !strings.Contains(text, "110101199003071234") || !strings.Contains(text, "310101198501011111") {
			t.Errorf("%s: ShowIDNumbers did not print both ID numbers:\n%s", lang, text)
		}
	}
}

func TestComposeAuthorityScope(t *testing.T) {
	tests := []struct {
		name       string
		lang       evidence.Language
		scope      Scope
		want, none []string
	}{
		{"zh full", evidence.Chinese, FullScope,
			[]string{"（一）代为向OKPay", "（二）代为接收", "（三）代为与OKPay进行沟通、协商；", "（四）未经委托人书面同意，受托人无权接受和解方案"},
			[]string{"代为接受和解方案"}},
		{"zh settle", evidence.Chinese, Scope{Complain: true, Settle: true},
			[]string{"（一）代为向OKPay", "（二）代为接受和解方案、签署调解协议。"},
			[]string{"无权接受", "代为接收"}},
		{"en full", evidence.English, FullScope,
			[]string{"1. make and pursue complaints", "2. receive letters", "3. discuss and negotiate with OKPay on my behalf.\n", "may not accept any offer of settlement"},
			[]string{"may also accept"}},
		{"en settle only", evidence.English, Scope{Settle: true},
			[]string{"may also accept an offer of settlement"},
			[]string{"My representative may:", "may not accept"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := authority(tt.lang)
			a.Scope = tt.scope
			text := ComposeAuthority(a).Text()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, n := range tt.none {
				if strings.Contains(text, n) {
					t.Errorf("has %q:\n%s", n, text)
				}
			}
		})
	}
}

func TestComposeAuthoritySparse(t *testing.T) {
	for _, lang := range []evidence.Language{evidence.Chinese, evidence.English} {
		d := ComposeAuthority(Authority{Lang: lang, Scope: FullScope})
		text := d.Text()
		for _, bad := range []string{"()", "（）", "  ", " ,", "of ("} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q in\n%s", lang, bad, text)
			}
		}
		// A label with nothing after it ("委托人：") is a placeholder.
		if m := regexp.MustCompile(`(?m)^.{1,8}[：:]$`).FindString(text); m != "" {
			t.Errorf("%s: empty label %q in\n%s", lang, m, text)
		}
		if len(d.Signature) != 2 || !strings.HasSuffix(strings.TrimSpace(text), d.Signature[1]) {
			t.Errorf("%s: the signature and date lines must end the document: %q", lang, d.Signature)
		}
	}
}

func TestZhJoin(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"上海市浦东新区", "世纪大道100号"}, "上海市浦东新区世纪大道100号"},
		{[]string{"4 Mill Lane", "Leeds LS1 4AB"}, "4 Mill Lane Leeds LS1 4AB"},
		{[]string{"北京市朝阳区", "Tower 3"}, "北京市朝阳区 Tower 3"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := zhJoin(tt.in); got != tt.want {
			t.Errorf("zhJoin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
