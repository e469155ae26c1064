package post

import (
	"redress/evidence"
	"redress/lang"
)

// Tips are the guidance shown beside every draft, as translation keys, in
// the order they are shown.
var Tips = []string{
	"post.tip.facts",
	"post.tip.no-threats",
	"post.tip.no-ids",
	"post.tip.screenshot",
	"post.tip.record",
	"post.tip.not-instead",
}

// Venue is a public place to post about a case. Its name and a one-line
// note on how it works are translated ("post.platform.<id>",
// "post.platform.<id>.note").
type Venue struct {
	ID string `json:"id"`
	// Address is the venue's web address; "" for the provider's own
	// accounts, which the user names.
	Address string `json:"address,omitempty"`
	// Source is where what the note says was checked.
	Source string `json:"source,omitempty"`
}

// Name is the venue's name in l.
func (v Venue) Name(l lang.Lang) string { return l.T("post.platform." + v.ID) }

// Note says in l how the venue works and what to mind there.
func (v Venue) Note(l lang.Lang) string { return l.T("post.platform." + v.ID + ".note") }

// The venues Redress knows, each checked against the source named.
var (
	// Official is the provider's verified social-media accounts: the step
	// the source articles name ("很多公司对社交媒体的反馈非常敏感").
	Official = Venue{ID: "official"}
	// Heimao is 黑猫投诉, Sina's public complaint platform: a complaint
	// (company, title, text, request, amount) is published, passed to the
	// company and tracked by number; the company's reply is shown with it.
	// No published limits on the title or text length were found.
	Heimao = Venue{ID: "heimao", Address: "https://tousu.sina.com.cn/",
		Source: "https://m.17golang.com/article/525750.html (2026-03-10); https://apify.com/zhorex/weibo-scraper/examples/black-cat-complaints-monitor (fields)"}
	// PeopleLiuyan is People's Daily Online's 领导留言板: public messages to
	// party and government leaders, answered by government departments
	// (State Council white paper 《中国的民主》, Dec 2021, as quoted).
	PeopleLiuyan = Venue{ID: "people-liuyan", Address: "https://liuyan.people.com.cn/",
		Source: "https://hapec.com.cn/hapec/95411.html"}
	// Trustpilot publishes reviews of genuine experiences of the last 12
	// months, without personal information; businesses can reply.
	Trustpilot = Venue{ID: "trustpilot", Address: "https://www.trustpilot.com/",
		Source: "https://support.trustpilot.com/hc/en-us/articles/201748526; https://uk.legal.trustpilot.com/for-reviewers/guidelines-for-reviewers"}
	// BBB forwards complaints to the business, asks for a reply within 30
	// days and may publish the complaint text.
	BBB = Venue{ID: "bbb", Address: "https://www.bbb.org/",
		Source: "http://www.newyork.bbb.org/complaint-process/; http://www.bbb.org/boston/get-consumer-help/consumer-help/the-complaint-process/"}
)

// Venues lists the public venues for a jurisdiction, most useful first:
// always the provider's official accounts; in China 黑猫投诉 and, for a
// regulator's handling, 人民网领导留言板; Trustpilot elsewhere; and in the
// US the Better Business Bureau.
func Venues(j evidence.Jurisdiction) []Venue {
	switch j {
	case evidence.CN:
		return []Venue{Official, Heimao, PeopleLiuyan}
	case evidence.US:
		return []Venue{Official, Trustpilot, BBB}
	default:
		return []Venue{Official, Trustpilot}
	}
}
