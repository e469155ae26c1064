package letters_test

import (
	"fmt"
	"strings"
	"time"

	"redress/evidence"
	"redress/letters"
)

// A representative writes to the Financial Ombudsman Service for a client:
// the letter speaks of "my client", gives the representative's contact for
// the reply and is signed on the client's behalf.
func ExampleCompose_onBehalf() {
	london := time.FixedZone("GMT", 0)
	in := letters.Input{
		Case: evidence.Case{
			Provider: "PayWave", Problem: evidence.WithdrawalDelayed, Jurisdiction: evidence.UK,
			Amount: evidence.Money{Minor: 45000, Currency: "GBP"}, Incident: "2026-11-16",
			Complainant: evidence.Complainant{Name: "Margaret Lee", AccountID: "PW-55120"}, Represented: true,
		},
		To:   letters.Regulator,
		Lang: evidence.English,
		Date: time.Date(2026, 11, 22, 10, 0, 0, 0, london),
		Representative: &letters.Representative{Name: "Li Jing", Firm: "Mingli Legal Services",
			Email: "lijing@example.cn", Reference: "ML-2026-014"},
	}
	l := letters.Compose(in)
	fmt.Println(strings.Join(l.Sender, "\n"))
	fmt.Println(l.Subject)
	fmt.Println(l.Paragraphs[0])
	fmt.Println(strings.Join(l.Signature, "\n"))
	// Output:
	// Li Jing
	// Mingli Legal Services
	// Re: Complaint against PayWave on behalf of Margaret Lee — withdrawal delayed — account ID PW-55120 — 450.00 GBP
	// I am writing on behalf of my client, Margaret Lee, to complain about PayWave, a payment service provider of which my client is a customer, and to ask for your help. My client's account ID with PayWave is PW-55120. My client has authorised me to act for them in this complaint; I can provide their signed letter of authority on request. My client has not been able to resolve the matter with PayWave directly. Please send your reply, and any other correspondence about this complaint, to me by email to lijing@example.cn, quoting my reference ML-2026-014.
	// Li Jing
	// Mingli Legal Services
	// For and on behalf of Margaret Lee
	// Email: lijing@example.cn
	// Our reference: ML-2026-014
	// Client's account ID: PW-55120
}
