package bundle

import (
	"strings"
	"testing"
	"time"

	"redress/evidence"
)

func TestRedactDataMasksTextNotIDs(t *testing.T) {
	d := sampleData()
	before := d.Events[0].Transaction.TxID
	r := redactData(d)
	if !r.Redacted {
		t.Error("redactData: Redacted = false")
	}
	if d.Events[0].Transaction.TxID != before {
		t.Errorf("redactData changed its input: TxID = %q", d.Events[0].Transaction.TxID)
	}
	if got := r.Case.Complainant.AccountID; got != "••••0123" {
		t.Errorf("account = %q, want ••••0123", got)
	}
	if got := r.Case.Complainant.Contact; got != "••••5678" {
		t.Errorf("contact = %q, want ••••5678", got)
	}
	if got := r.Drafts[0].Text; strings.Contains(got, "6222021234567890123") {
		t.Errorf("draft not redacted: %q", got)
	}
	if r.Case.ID != d.Case.ID || r.Events[0].Attachments[0].SHA256 != d.Events[0].Attachments[0].SHA256 {
		t.Error("redactData changed an identifier")
	}
}

// sampleData is a valid case with evidence.Chinese text, history, an archived event
// and three attachments, two of which share a hash.
func sampleData() Data {
	at := func(s string) time.Time { return mustTime(s) }
	caseID := "0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12"
	c := evidence.Case{ID: caseID, Title: "OKPay 充值未到账", Provider: "OKPay", Problem: evidence.TopupNotCredited,
		Jurisdiction: evidence.CN, Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Incident: "2026-11-20",
		Complainant: evidence.Complainant{Name: "王小明", Contact: "13812345678", Address: "上海市浦东新区 100 号",
			AccountID: "6222021234567890123"},
		Remedy: "退还 1280.00 元", Language: evidence.Chinese, Status: evidence.Escalated,
		Created: at("2026-11-21T09:00:00+08:00"), Updated: at("2026-11-23T10:00:00+08:00"), Version: 3}
	old := c
	old.Status, old.Version, old.Updated, old.Title = evidence.Open, 1, c.Created, "充值未到账"
	old2 := c
	old2.Version, old2.Updated = 2, at("2026-11-22T10:00:00Z")
	archived := at("2026-11-22T12:00:00+08:00")
	png := evidence.Attachment{ID: "a1a1a1a1-0000-4000-8000-000000000001", SHA256: shaOf(blobPNG), Size: int64(len(blobPNG)), Name: "截图.png",
		MediaType: "image/png", Width: 2, Height: 1, Caption: "充值记录", Imported: at("2026-11-21T09:05:00+08:00")}
	txt := evidence.Attachment{ID: "a2a2a2a2-0000-4000-8000-000000000002", SHA256: shaOf(blobTXT), Size: int64(len(blobTXT)), Name: "chat.txt",
		MediaType: "text/plain; charset=utf-8", Imported: at("2026-11-21T09:06:00+08:00")}
	dup := png
	dup.ID, dup.Name, dup.Caption = "a3a3a3a3-0000-4000-8000-000000000003", "same-screenshot-again.png", ""
	pdf := evidence.Attachment{ID: "a4a4a4a4-0000-4000-8000-000000000004", SHA256: shaOf(blobPDF), Size: int64(len(blobPDF)), Name: "账单.pdf",
		MediaType: "application/pdf", Imported: at("2026-11-21T09:07:00+08:00")}
	promise := at("2026-11-22T23:30:00+08:00")
	tx := evidence.Event{ID: "e1e1e1e1-0000-4000-8000-000000000001", CaseID: caseID, Kind: evidence.KindTransaction, At: at("2026-11-20T23:30:00+08:00"),
		Recorded: at("2026-11-21T09:01:00+08:00"), Summary: "充值 1280.00 元未到账", Tags: []string{"充值"},
		Transaction: &evidence.Transaction{TxID: "TX2026112012345678", Amount: evidence.Money{Minor: 128000, Currency: "CNY"},
			Direction: evidence.MoneyOut, Status: "处理中", Counterparty: "卡 6222021234567890123"},
		Attachments: []evidence.Attachment{png, txt}, Version: 2}
	txOld := tx
	txOld.Version, txOld.Summary, txOld.Attachments = 1, "充值未到账", []evidence.Attachment{pdf}
	call := evidence.Event{ID: "e2e2e2e2-0000-4000-8000-000000000002", CaseID: caseID, Kind: evidence.KindContact, At: at("2026-11-21T10:00:00+08:00"),
		Recorded: at("2026-11-21T10:30:00+08:00"), Summary: "致电客服 95017", Notes: "客服工号 8812，承诺 24 小时内处理",
		Tags: []string{}, Contact: &evidence.Contact{Channel: evidence.Phone, Direction: evidence.Outbound, Agent: "李女士",
			Duration: 12 * time.Minute, Promise: "24 小时内到账", PromiseBy: &promise},
		Attachments: []evidence.Attachment{dup}, Version: 1}
	note := evidence.Event{ID: "e3e3e3e3-0000-4000-8000-000000000003", CaseID: caseID, Kind: evidence.KindNote, At: at("2026-11-21T08:00:00Z"),
		Recorded: at("2026-11-21T08:00:00Z"), Summary: "自查：余额充足", Tags: []string{}, Attachments: []evidence.Attachment{},
		Version: 1, Archived: &archived}
	return Data{
		Case:         c,
		CaseHistory:  []evidence.Case{old, old2},
		Events:       []evidence.Event{tx, call, note},
		EventHistory: map[string][]evidence.Event{"e1e1e1e1-0000-4000-8000-000000000001": {txOld}},
		Checklist:    map[string]bool{"self-check": true, "contact-support": false},
		Overrides:    map[string]string{"cn.topup": "48h"},
		Drafts: []Draft{{Recipient: evidence.ToProvider, Language: evidence.Chinese,
			Text: "您好：我的账户 6222021234567890123 于 2026-11-20 充值 1280.00 元未到账。", Updated: at("2026-11-23T10:00:00+08:00")}},
		Dossiers: []DossierRecord{{ID: "d1d1d1d1-0000-4000-8000-000000000001", Recipient: evidence.ToRegulator, Language: "zh",
			SHA256: "3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550", Size: 31, Pages: 4,
			File: "dossier-2026-11-24.pdf", Created: at("2026-11-24T08:00:00Z")}},
		Selections: map[string]Selection{},
	}
}
