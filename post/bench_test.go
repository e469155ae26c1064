package post

import (
	"fmt"
	"testing"
	"time"

	"redress/evidence"
)

func BenchmarkCompose(b *testing.B) {
	c, events := okpay()
	big := append([]evidence.Event(nil), events...)
	for i := range 300 {
		big = append(big, evidence.Event{ID: fmt.Sprintf("z%03d", i), Kind: evidence.KindContact,
			At:      at("2026-11-27 09:00").Add(time.Duration(i) * time.Hour),
			Summary: fmt.Sprintf("第%d次催促，客服说在处理", i+1),
			Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound}})
	}
	for _, bc := range []struct {
		name   string
		events []evidence.Event
		n      Length
	}{{"short", events, Short}, {"long", events, Long}, {"long-300-contacts", big, Long}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Compose(c, bc.events, evidence.Chinese, bc.n, Options{Now: at("2026-12-30 12:00")}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
