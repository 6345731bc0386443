package telnyxmessaging

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pagedMock serves total items in pages of size on any list path, honouring page[number] and
// page[size], and answering page 1 when none is asked for.
func pagedMock(t *testing.T, total, size int, item func(i int) string) *mock {
	return newMock(t, func(w http.ResponseWriter, r *recorded) {
		q, _ := url.ParseQuery(r.Query)
		n, _ := strconv.Atoi(q.Get("page[number]"))
		if n == 0 {
			n = 1
		}
		pages := (total + size - 1) / size
		var items []string
		for i := (n - 1) * size; i < n*size && i < total; i++ {
			items = append(items, item(i))
		}
		body := fmt.Sprintf(`{"data":[%s],"meta":{"page_number":%d,"page_size":%d,"total_pages":%d,"total_results":%d}}`,
			strings.Join(items, ","), n, size, pages, total)
		jsonReply(200, body)(w, r)
	})
}

func profileItem(i int) string {
	return fmt.Sprintf(`{"id":"p%d","name":"n%d","unknown_%d":true}`, i, i, i)
}

func checkNoLiveIters(t *testing.T) {
	t.Helper()
	if n := liveIters.Load(); n != 0 {
		t.Errorf("%d C page iterators not freed", n)
	}
}

func TestAllIteratesEveryPageLazily(t *testing.T) {
	m := pagedMock(t, 5, 2, profileItem)
	c := newTestClient(t, m)
	var ids []string
	for p, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{FilterName: "n", PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
		// Page k+1 is fetched only after the items of page k are used up.
		if want := (len(ids)-1)/2 + 1; m.count() != want {
			t.Errorf("after %d items: %d requests, want %d", len(ids), m.count(), want)
		}
		if string(p.Extra[fmt.Sprintf("unknown_%d", len(ids)-1)]) != "true" {
			t.Errorf("extra lost: %v", p.Extra)
		}
	}
	if strings.Join(ids, ",") != "p0,p1,p2,p3,p4" {
		t.Errorf("ids %v", ids)
	}
	reqs := m.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests", len(reqs))
	}
	for i, r := range reqs {
		q, _ := url.ParseQuery(r.Query)
		if r.Path != "/v2/messaging_profiles" || q.Get("page[number]") != strconv.Itoa(i+1) ||
			q.Get("page[size]") != "2" || q.Get("filter[name]") != "n" || strings.Contains(r.Query, "[") {
			t.Errorf("request %d: %s?%s", i, r.Path, r.Query)
		}
	}
	checkNoLiveIters(t)
}

func TestAllEarlyBreakFreesIterator(t *testing.T) {
	m := pagedMock(t, 10, 2, profileItem)
	c := newTestClient(t, m)
	n := 0
	for _, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 3 {
			break
		}
	}
	if m.count() != 2 {
		t.Errorf("%d requests after 3 of 10 items, want 2", m.count())
	}
	checkNoLiveIters(t)
	// The sequence can be ranged over again: a fresh iterator from the first page.
	seq := c.MessagingProfiles.All(bg, ListMessagingProfilesParams{PageSize: 2})
	for range seq {
		break
	}
	for p := range seq {
		if p.ID != "p0" {
			t.Errorf("restart got %s", p.ID)
		}
		break
	}
	checkNoLiveIters(t)
}

func TestAllStartsAtPageNumber(t *testing.T) {
	m := pagedMock(t, 6, 2, profileItem)
	c := newTestClient(t, m)
	var ids []string
	for p, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{PageNumber: 2, PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, ",") != "p2,p3,p4,p5" {
		t.Errorf("ids %v", ids)
	}
}

func TestPagesYieldMeta(t *testing.T) {
	m := pagedMock(t, 3, 2, func(i int) string { return fmt.Sprintf(`{"id":"sc%d","messaging_profile_id":null}`, i) })
	c := newTestClient(t, m)
	var metas []PageMeta
	for page, err := range c.ShortCodes.Pages(bg, ListShortCodesParams{PageSize: 2, FilterMessagingProfileID: "p"}) {
		if err != nil {
			t.Fatal(err)
		}
		metas = append(metas, *page.Meta)
	}
	if len(metas) != 2 || metas[1] != (PageMeta{PageNumber: 2, PageSize: 2, TotalPages: 2, TotalResults: 3}) {
		t.Errorf("metas %+v", metas)
	}
	checkNoLiveIters(t)
}

func TestProfileSubListsIterate(t *testing.T) {
	m := pagedMock(t, 3, 1, func(i int) string { return fmt.Sprintf(`{"id":"x%d"}`, i) })
	c := newTestClient(t, m)
	count := func(seqLen int, err error) {
		t.Helper()
		if err != nil || seqLen != 3 {
			t.Errorf("%d items, err %v", seqLen, err)
		}
	}
	n, err := 0, error(nil)
	for _, e := range c.MessagingProfiles.AllPhoneNumbers(bg, "p 1", PageParams{PageSize: 1}) {
		n, err = n+1, e
	}
	count(n, err)
	n = 0
	for _, e := range c.MessagingProfiles.AllShortCodes(bg, "p 1", PageParams{PageSize: 1}) {
		n, err = n+1, e
	}
	count(n, err)
	n = 0
	for _, e := range c.MessagingProfiles.AllAlphanumericSenderIDs(bg, "p 1", PageParams{PageSize: 1}) {
		n, err = n+1, e
	}
	count(n, err)
	paths := map[string]int{}
	for _, r := range m.requests() {
		paths[r.Path]++
	}
	for _, p := range []string{"phone_numbers", "short_codes", "alphanumeric_sender_ids"} {
		if paths["/v2/messaging_profiles/p%201/"+p] != 3 {
			t.Errorf("paths %v", paths)
		}
	}
	checkNoLiveIters(t)
}

func TestAllStopsAfterError(t *testing.T) {
	calls := 0
	m := newMock(t, func(w http.ResponseWriter, r *recorded) {
		calls++
		if calls == 1 {
			jsonReply(200, `{"data":[{"id":"a"},{"id":"b"}],"meta":{"page_number":1,"page_size":2,"total_pages":5,"total_results":10}}`)(w, r)
			return
		}
		jsonReply(500, `{"errors":[{"code":"1","title":"boom"}]}`)(w, r)
	})
	c := newTestClient(t, m)
	var got []string
	var errs []error
	for p, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{}) {
		if err != nil {
			errs = append(errs, err)
			if p.ID != "" {
				t.Errorf("item with error: %+v", p)
			}
			continue // the sequence must end by itself
		}
		got = append(got, p.ID)
	}
	if strings.Join(got, ",") != "a,b" || len(errs) != 1 || !isKind(errs[0], ErrInternalServer) || m.count() != 2 {
		t.Errorf("got %v, errs %v, %d requests", got, errs, m.count())
	}
	checkNoLiveIters(t)
}

func TestAllRepeatedPageIsUnexpected(t *testing.T) {
	// A server that always answers page 1 must not make the iterator loop.
	m := newMock(t, jsonReply(200, `{"data":[{"id":"a"}],"meta":{"page_number":1,"page_size":1,"total_pages":3,"total_results":3}}`))
	c := newTestClient(t, m)
	var errs []error
	n := 0
	for _, err := range c.ShortCodes.All(bg, ListShortCodesParams{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if n != 1 || len(errs) != 1 || !isKind(errs[0], ErrUnexpectedPage) || m.count() != 2 {
		t.Errorf("%d items, errs %v, %d requests", n, errs, m.count())
	}
	checkNoLiveIters(t)
}

func TestAllOnClosedClient(t *testing.T) {
	m := pagedMock(t, 4, 2, profileItem)
	c := newTestClient(t, m)
	c.Close()
	for _, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{}) {
		if err != ErrClosed {
			t.Errorf("err %v", err)
		}
	}
}

func TestIteratorOutlivesClose(t *testing.T) {
	m := pagedMock(t, 4, 2, profileItem)
	c := newTestClient(t, m)
	n := 0
	for _, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		c.Close() // the C iterator stays valid after its client is freed
	}
	if n != 4 {
		t.Errorf("%d items", n)
	}
	checkNoLiveIters(t)
}

func TestAllReadAheadFetchesTheNextPageEarly(t *testing.T) {
	m := pagedMock(t, 5, 2, profileItem)
	c := newTestClient(t, m, func(o *Options) { o.ReadAhead = Ptr(true) })
	var ids []string
	for p, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
		if len(ids) == 1 {
			// Page 2 is on its way while page 1 is used, and nothing more.
			deadline := time.Now().Add(5 * time.Second)
			for m.count() < 2 && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			time.Sleep(100 * time.Millisecond)
			if m.count() != 2 {
				t.Errorf("after the first item: %d requests, want 2", m.count())
			}
		}
	}
	if strings.Join(ids, ",") != "p0,p1,p2,p3,p4" {
		t.Errorf("ids %v", ids)
	}
	if m.count() != 3 {
		t.Errorf("%d requests, want 3 (none after the last page)", m.count())
	}
	checkNoLiveIters(t)
}
