package telnyxmessaging

import (
	"fmt"
	"testing"
)

// TestDecodeExtra: unknown members, a case-folded one too, go to Extra, at every level.
func TestDecodeExtra(t *testing.T) {
	var p MessagingProfile
	doc := `{"Name":"folded","x\u0079":{"a":[1, 2]},"number_pool_settings":{"extra":"e","geomatch":true},"id":"i"}`
	if err := decodeJSON([]byte(doc), &p); err != nil {
		t.Fatal(err)
	}
	if p.Name != "folded" || p.ID != "i" || string(p.Extra["Name"]) != `"folded"` || string(p.Extra["xy"]) != `{"a":[1, 2]}` || len(p.Extra) != 2 {
		t.Errorf("profile %+v, extra %s", p, p.Extra)
	}
	if nps, _ := p.NumberPoolSettings.Get(); string(nps.Extra["extra"]) != `"e"` || !*nps.Geomatch {
		t.Errorf("number pool settings %+v", nps)
	}
}

// TestDecodeKeepsNoReference: nothing decoded points into the input (Extra values are copies).
func TestDecodeKeepsNoReference(t *testing.T) {
	doc := benchPage(30)
	var page Page[MessagingProfile]
	if err := decodeJSON(doc, &page); err != nil {
		t.Fatal(err)
	}
	before := fmt.Sprintf("%#v", page)
	for i := range doc {
		doc[i] = 'x'
	}
	if after := fmt.Sprintf("%#v", page); after != before || len(page.Data) != 30 || page.Data[0].Extra == nil {
		t.Error("the decoded page changed with its input")
	}
}
