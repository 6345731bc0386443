package telnyxmessaging

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// decodeSample has a field of each kind the models use, and some they do not.
type decodeSample struct {
	S   string               `json:"s"`
	B   *bool                `json:"b"`
	I   int8                 `json:"i"`
	U   uint                 `json:"u"`
	F   float64              `json:"f"`
	L   []string             `json:"l"`
	N   Nullable[string]     `json:"n"`
	P   *PageMeta            `json:"p"`
	M   map[string]any       `json:"m"`
	A   any                  `json:"a"`
	Raw json.RawMessage      `json:"raw"`
	Bs  []byte               `json:"bs"`
	Arr [2]int               `json:"arr"`
	Nps []NumberPoolSettings `json:"nps"`
	Tag Secret               `json:"tag,omitempty"`
	Def string
	un  string
}

// TestDecodeLikeEncodingJSON: decodeJSON gives the value encoding/json gives, and fails when it
// fails, except where TestDecodeStricterThanEncodingJSON says.
func TestDecodeLikeEncodingJSON(t *testing.T) {
	docs := []string{
		`{}`, ` { "s" : "x" , "b" : true } `, `{"s":"\u00e9\n\"q\"","i":-12,"u":7,"f":-1.5e3}`,
		`{"s":"caf\u00e9 ünïcode","l":["a","b"],"n":null,"p":{"page_number":2}}`,
		`{"l":[],"n":"v","p":null,"m":{"k":[1,{"x":null}]},"a":[true,2,"3"],"raw":{"z" : 1}}`,
		`{"bs":"aGk=","arr":[1,2],"nps":[{"long_code_weight":1,"x":2},{}],"tag":"t","Def":"d"}`,
		`{"un":"no","unknown":[1,2]}`, `{"s":null,"b":null,"i":null,"l":null}`, `{"f":1e400}`, `{"i":300}`, `{"i":1.5}`,
		`{"u":-1}`, `{"s":5}`, `{"b":"true"}`, `{"l":"x"}`, `{"p":[]}`, `{"n":5}`, `{"\u0073":"escaped key"}`,
		``, `{`, `{"s":}`, `{"s":"x",}`, `{"s" "x"}`, `[1]`, `{"s":"x"} x`, `{"f":01}`, `{"f":1.}`,
		`{"f":-}`, `{"s":"a` + "\x01" + `"}`, `{"s":"\x"}`, `{"s":"\u12"}`, `{"l":[1,]}`, `{"b":tru}`,
		`{"a":nul}`, `{"s":"x"}}`, `null`, `"str"`,
	}
	for _, doc := range docs {
		var want, got decodeSample
		werr := json.Unmarshal([]byte(doc), &want)
		gerr := decodeJSON([]byte(doc), &got)
		if (werr == nil) != (gerr == nil) {
			t.Errorf("%q: encoding/json %v, decodeJSON %v", doc, werr, gerr)
			continue
		}
		if werr == nil && !reflect.DeepEqual(want, got) {
			t.Errorf("%q:\n got %+v\nwant %+v", doc, got, want)
		}
	}
}

// TestDecodeStricterThanEncodingJSON: names match exactly (as in the Rust core), a name given
// twice and invalid UTF-8 are errors; encoding/json folds case, keeps the last value and
// replaces bad bytes.
func TestDecodeStricterThanEncodingJSON(t *testing.T) {
	var got decodeSample
	if err := decodeJSON([]byte(`{"S":"folded","DEF":"d2","s":"exact"}`), &got); err != nil || got.S != "exact" || got.Def != "" {
		t.Errorf("case: %+v, %v", got, err)
	}
	for doc, want := range map[string]string{
		`{"s":"a","s":"b"}`:               `duplicate object member name "s"`,
		`{"s":"bad utf8 ` + "\xff" + `"}`: `invalid UTF-8 within "/s"`,
	} {
		if err := decodeJSON([]byte(doc), &got); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want an error with %q", doc, err, want)
		}
	}
}

// TestDecodeExtra: unknown members, one spelt in another case too, go to Extra, at every level.
func TestDecodeExtra(t *testing.T) {
	var p MessagingProfile
	doc := `{"Name":"other case","x\u0079":{"a":[1, 2]},"number_pool_settings":{"extra":"e","geomatch":true},"id":"i"}`
	if err := decodeJSON([]byte(doc), &p); err != nil {
		t.Fatal(err)
	}
	if p.Name != "" || p.ID != "i" || string(p.Extra["Name"]) != `"other case"` || string(p.Extra["xy"]) != `{"a":[1, 2]}` || len(p.Extra) != 2 {
		t.Errorf("profile %+v, extra %s", p, p.Extra)
	}
	if nps, _ := p.NumberPoolSettings.Get(); string(nps.Extra["extra"]) != `"e"` || !*nps.Geomatch {
		t.Errorf("number pool settings %+v", nps)
	}
}

// TestDecodeKeepsNoReference: nothing decoded points into the input.
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
