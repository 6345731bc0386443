package telnyxmessaging

/*
#include <stdlib.h>
*/
import "C"

import "encoding/json"

// cargs collects the C strings of one call and frees them together; the first conversion
// error is kept in err.
type cargs struct {
	strs []cstring
	err  error
}

// str converts a string argument (an id).
func (a *cargs) str(s, what string) *C.char {
	if a.err != nil {
		return nil
	}
	cs, err := newCString(s, what)
	if err != nil {
		a.err = err
		return nil
	}
	a.strs = append(a.strs, cs)
	return cs.p
}

// json encodes a params or body value.
func (a *cargs) json(v any, what string) *C.char {
	if a.err != nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		a.err = invalidArgument("encoding %s: %v", what, err)
		return nil
	}
	cs := newCJSON(b)
	a.strs = append(a.strs, cs)
	return cs.p
}

func (a *cargs) free() {
	for _, s := range a.strs {
		s.free()
	}
}
