package telnyxmessaging

/*
#include "telnyx_messaging.h"
*/
import "C"

import (
	"context"
	"iter"
	"runtime"
)

// Page is one page of a list: its items and, when the server sent it, the pagination metadata.
type Page[T any] struct {
	// Data are the items of this page.
	Data []T `json:"data"`
	// Meta is the page number, size and totals; nil when the server sent none.
	Meta *PageMeta `json:"meta,omitempty"`
}

// PageMeta is the pagination metadata of a list response.
type PageMeta struct {
	// PageNumber is the number of this page, from 1.
	PageNumber int `json:"page_number"`
	// PageSize is the number of items per page.
	PageSize int `json:"page_size"`
	// TotalPages is how many pages there are.
	TotalPages int `json:"total_pages"`
	// TotalResults is how many items there are in all.
	TotalResults int `json:"total_results"`
}

// iterFunc is one C call that creates a page iterator.
type iterFunc func(ptr *C.telnyx_client, out **C.telnyx_page_iter) *C.telnyx_error

// pages iterates the pages of a list lazily through a C page iterator: each range loop creates
// its own iterator, fetches the next page only when the loop asks for it, and frees the iterator
// when the loop ends, early or not. The context is checked before each page, and its deadline
// (if any) as it stands when the loop starts bounds each page request. After an error the
// sequence ends.
func pages[T any](c *Client, ctx context.Context, what string, f iterFunc) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		if ctx == nil {
			ctx = context.Background()
		}
		var it *C.telnyx_page_iter
		err := c.withContext(ctx, func(ptr *C.telnyx_client) error {
			if e := f(ptr, &it); e != nil {
				return takeError(e)
			}
			liveIters.Add(1)
			return nil
		})
		if err != nil {
			yield(nil, err)
			return
		}
		// The iterator stays valid after the client (or the temporary handle) is freed.
		defer freeIter(it)
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			var out *C.char
			e := C.telnyx_page_iter_next(it, &out)
			runtime.KeepAlive(c)
			if e != nil {
				ae := takeError(e)
				if ae.Kind == KindTimeout && ctx.Err() != nil {
					ae.cause = ctx.Err()
				}
				yield(nil, ae)
				return
			}
			if out == nil {
				return
			}
			page := new(Page[T])
			if err := takeJSON(out, page); err != nil {
				yield(nil, decodeError(what, err))
				return
			}
			if !yield(page, nil) {
				return
			}
		}
	}
}

// items flattens pages into their items; an error is yielded with the zero T and ends the
// sequence.
func items[T any](seq iter.Seq2[*Page[T], error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range seq {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range page.Data {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}
