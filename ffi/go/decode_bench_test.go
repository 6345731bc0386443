package telnyxmessaging

import (
	"encoding/json"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time of the process so far (user and system, GC included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchDecode decodes doc into a new T per iteration and reports the CPU time per
// decode too, a measure less sensitive to other work on the machine than wall time.
func benchDecode[T any](b *testing.B, doc []byte) {
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if err := decodeJSON(doc, new(T)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// benchPage is a page of n profiles shaped like the benchmark server's (every field, some
// nulls); every tenth profile has an unknown field.
func benchPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"data":[`)
	str := func(on bool, s string) string {
		if !on {
			return "null"
		}
		return fmt.Sprintf("%q", s)
	}
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		pool, short := "null", "null"
		if i%2 == 0 {
			pool = fmt.Sprintf(`{"long_code_weight":%d.5,"toll_free_weight":10,"skip_unhealthy":%t,"geomatch":%t,"sticky_sender":%t}`, i%10, i%4 == 0, i%6 == 0, i%3 != 0)
		}
		if i%4 == 1 {
			short = fmt.Sprintf(`{"domain":"acct.fyi","prefix":"c%04d","replace_blacklist_only":%t,"send_webhooks":%t}`, i, i%8 == 1, i%2 == 1)
		}
		extra := ""
		if i%10 == 0 {
			extra = `,"future_field":{"nested":[1,2.5,"x"]}`
		}
		fmt.Fprintf(&b, `{"id":"4f0c6a1e-7b2d-4c3e-9a10-%012x","record_type":"messaging_profile","name":"Profile %05d for outbound notifications","enabled":%t,"webhook_url":%s,"webhook_failover_url":%s,"webhook_api_version":"2","health_webhook_url":%s,"whitelisted_destinations":["US","CA"],"number_pool_settings":%s,"url_shortener_settings":%s,"alpha_sender":%s,"daily_spend_limit":"%d.%02d","daily_spend_limit_enabled":%t,"mms_fall_back_to_sms":%t,"mms_transcoding":%t,"mobile_only":%t,"redaction_enabled":%t,"redaction_level":%d,"smart_encoding":%t,"ai_assistant_id":%s,"resource_group_id":%s,"organization_id":"9d4f7a2c-1b3e-4f5a-8c6d-%012x","v1_secret":"rP1VamejkU2v0qIUxntq%08d","created_at":"2024-01-01T18:10:02.%03dZ","updated_at":"2025-01-01T23:37:45.%06d+00:00"%s}`,
			i, i, i%7 != 0,
			str(i%5 != 0, fmt.Sprintf("https://hooks.example.com/telnyx/%d/inbound", i)),
			str(i%3 == 0, fmt.Sprintf("https://backup.example.com/telnyx/%d", i)),
			str(i%11 == 0, fmt.Sprintf("https://health.example.com/%d", i)),
			pool, short,
			str(i%6 == 0, fmt.Sprintf("Acme%04d", i)),
			50+i%450, i%100, i%9 == 0, i%2 == 0, i%3 == 0, i%10 == 0, i%12 == 0, i%3+1, i%5 == 1,
			str(i%13 == 0, fmt.Sprintf("assistant-%08x", i)),
			str(i%17 == 0, fmt.Sprintf("rg-%06d", i)),
			i/100, i, i%1000, i*37%1000000, extra)
	}
	fmt.Fprintf(&b, `],"meta":{"page_number":1,"page_size":%d,"total_pages":40,"total_results":%d}}`, n, n*40)
	return []byte(b.String())
}

func BenchmarkDecodePage250(b *testing.B) {
	benchDecode[Page[MessagingProfile]](b, benchPage(250))
}

func BenchmarkDecodeProfile(b *testing.B) {
	var page Page[json.RawMessage]
	if err := json.Unmarshal(benchPage(1), &page); err != nil {
		b.Fatal(err)
	}
	benchDecode[MessagingProfile](b, page.Data[0])
}
