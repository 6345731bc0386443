package telnyxmessaging

/*
#include "telnyx_messaging.h"
*/
import "C"

import (
	"context"
	"iter"
)

// MessagingProfilesService has the operations on messaging profiles (client.MessagingProfiles).
type MessagingProfilesService struct {
	c *Client
}

// List returns one page of profiles (GET /messaging_profiles).
func (s MessagingProfilesService) List(ctx context.Context, params ListMessagingProfilesParams) (*Page[MessagingProfile], error) {
	var a cargs
	defer a.free()
	p := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[Page[MessagingProfile]](s.c, ctx, "messaging profiles", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list(h, p, out)
	})
}

// Pages iterates the pages of profiles lazily, from params.PageNumber (default 1), keeping the
// filters and page size. The package documentation says how the context is used.
func (s MessagingProfilesService) Pages(ctx context.Context, params ListMessagingProfilesParams) iter.Seq2[*Page[MessagingProfile], error] {
	return pageSeq[MessagingProfile](s.c, ctx, "messaging profiles", params, func(h *C.telnyx_client, p *C.char, out **C.telnyx_page_iter) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list_all(h, p, out)
	})
}

// All iterates every profile across pages, fetching each page only when the loop needs it.
// After an error it yields (zero, err) and stops; breaking out of the loop frees the iterator.
func (s MessagingProfilesService) All(ctx context.Context, params ListMessagingProfilesParams) iter.Seq2[MessagingProfile, error] {
	return items(s.Pages(ctx, params))
}

// Create creates a profile (POST /messaging_profiles).
func (s MessagingProfilesService) Create(ctx context.Context, params CreateMessagingProfileParams) (*MessagingProfile, error) {
	var a cargs
	defer a.free()
	body := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[MessagingProfile](s.c, ctx, "messaging profile", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_create(h, body, out)
	})
}

// Retrieve returns one profile (GET /messaging_profiles/{id}).
func (s MessagingProfilesService) Retrieve(ctx context.Context, id string) (*MessagingProfile, error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[MessagingProfile](s.c, ctx, "messaging profile", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_retrieve(h, cid, out)
	})
}

// Update changes the fields set in params (PATCH /messaging_profiles/{id}).
func (s MessagingProfilesService) Update(ctx context.Context, id string, params UpdateMessagingProfileParams) (*MessagingProfile, error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	body := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[MessagingProfile](s.c, ctx, "messaging profile", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_update(h, cid, body, out)
	})
}

// Delete deletes a profile and returns it (DELETE /messaging_profiles/{id}).
func (s MessagingProfilesService) Delete(ctx context.Context, id string) (*MessagingProfile, error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[MessagingProfile](s.c, ctx, "messaging profile", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_delete(h, cid, out)
	})
}

// RegenerateSecret gives the profile a new v1_secret and returns the profile
// (POST /messaging_profiles/{id}/actions/regenerate_secret).
func (s MessagingProfilesService) RegenerateSecret(ctx context.Context, id string) (*MessagingProfile, error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[MessagingProfile](s.c, ctx, "messaging profile", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_regenerate_secret(h, cid, out)
	})
}

// ListPhoneNumbers returns one page of the profile's phone numbers
// (GET /messaging_profiles/{id}/phone_numbers).
func (s MessagingProfilesService) ListPhoneNumbers(ctx context.Context, id string, page PageParams) (*Page[PhoneNumberWithMessagingSettings], error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	p := a.json(page, "page")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[Page[PhoneNumberWithMessagingSettings]](s.c, ctx, "phone numbers", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list_phone_numbers(h, cid, p, out)
	})
}

// PhoneNumberPages iterates the pages of the profile's phone numbers lazily.
func (s MessagingProfilesService) PhoneNumberPages(ctx context.Context, id string, page PageParams) iter.Seq2[*Page[PhoneNumberWithMessagingSettings], error] {
	return pageSeqID[PhoneNumberWithMessagingSettings](s.c, ctx, "phone numbers", id, page, func(h *C.telnyx_client, cid, p *C.char, out **C.telnyx_page_iter) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list_all_phone_numbers(h, cid, p, out)
	})
}

// AllPhoneNumbers iterates every phone number of the profile across pages, lazily.
func (s MessagingProfilesService) AllPhoneNumbers(ctx context.Context, id string, page PageParams) iter.Seq2[PhoneNumberWithMessagingSettings, error] {
	return items(s.PhoneNumberPages(ctx, id, page))
}

// ListShortCodes returns one page of the profile's short codes
// (GET /messaging_profiles/{id}/short_codes).
func (s MessagingProfilesService) ListShortCodes(ctx context.Context, id string, page PageParams) (*Page[ShortCode], error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	p := a.json(page, "page")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[Page[ShortCode]](s.c, ctx, "short codes", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list_short_codes(h, cid, p, out)
	})
}

// ShortCodePages iterates the pages of the profile's short codes lazily.
func (s MessagingProfilesService) ShortCodePages(ctx context.Context, id string, page PageParams) iter.Seq2[*Page[ShortCode], error] {
	return pageSeqID[ShortCode](s.c, ctx, "short codes", id, page, func(h *C.telnyx_client, cid, p *C.char, out **C.telnyx_page_iter) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list_all_short_codes(h, cid, p, out)
	})
}

// AllShortCodes iterates every short code of the profile across pages, lazily.
func (s MessagingProfilesService) AllShortCodes(ctx context.Context, id string, page PageParams) iter.Seq2[ShortCode, error] {
	return items(s.ShortCodePages(ctx, id, page))
}

// ListAlphanumericSenderIDs returns one page of the profile's alphanumeric sender IDs
// (GET /messaging_profiles/{id}/alphanumeric_sender_ids).
func (s MessagingProfilesService) ListAlphanumericSenderIDs(ctx context.Context, id string, page PageParams) (*Page[AlphanumericSenderID], error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	p := a.json(page, "page")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[Page[AlphanumericSenderID]](s.c, ctx, "alphanumeric sender ids", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list_alphanumeric_sender_ids(h, cid, p, out)
	})
}

// AlphanumericSenderIDPages iterates the pages of the profile's alphanumeric sender IDs lazily.
func (s MessagingProfilesService) AlphanumericSenderIDPages(ctx context.Context, id string, page PageParams) iter.Seq2[*Page[AlphanumericSenderID], error] {
	return pageSeqID[AlphanumericSenderID](s.c, ctx, "alphanumeric sender ids", id, page, func(h *C.telnyx_client, cid, p *C.char, out **C.telnyx_page_iter) *C.telnyx_error {
		return C.telnyx_messaging_profiles_list_all_alphanumeric_sender_ids(h, cid, p, out)
	})
}

// AllAlphanumericSenderIDs iterates every alphanumeric sender ID of the profile across pages,
// lazily.
func (s MessagingProfilesService) AllAlphanumericSenderIDs(ctx context.Context, id string, page PageParams) iter.Seq2[AlphanumericSenderID, error] {
	return items(s.AlphanumericSenderIDPages(ctx, id, page))
}

// RetrieveMetrics returns the detailed metrics of one profile, a free-form object
// (GET /messaging_profiles/{id}/metrics).
func (s MessagingProfilesService) RetrieveMetrics(ctx context.Context, id string, params MetricsParams) (Metrics, error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	p := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	m, err := callInto[Metrics](s.c, ctx, "metrics", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_retrieve_metrics(h, cid, p, out)
	})
	if err != nil {
		return nil, err
	}
	return *m, nil
}

// AutorespConfigs returns the auto-response configs of profile profileID.
func (s MessagingProfilesService) AutorespConfigs(profileID string) AutorespConfigsService {
	return AutorespConfigsService{c: s.c, profileID: profileID}
}

// pageSeq is [pages] for a list whose C iterator takes only params.
func pageSeq[T any](c *Client, ctx context.Context, what string, params any, f func(*C.telnyx_client, *C.char, **C.telnyx_page_iter) *C.telnyx_error) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		var a cargs
		defer a.free()
		p := a.json(params, "params")
		if a.err != nil {
			yield(nil, a.err)
			return
		}
		pages[T](c, ctx, what, func(h *C.telnyx_client, out **C.telnyx_page_iter) *C.telnyx_error {
			return f(h, p, out)
		})(yield)
	}
}

// pageSeqID is [pages] for a list of one profile's items.
func pageSeqID[T any](c *Client, ctx context.Context, what, id string, page PageParams, f func(*C.telnyx_client, *C.char, *C.char, **C.telnyx_page_iter) *C.telnyx_error) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		var a cargs
		defer a.free()
		cid := a.str(id, "id")
		p := a.json(page, "page")
		if a.err != nil {
			yield(nil, a.err)
			return
		}
		pages[T](c, ctx, what, func(h *C.telnyx_client, out **C.telnyx_page_iter) *C.telnyx_error {
			return f(h, cid, p, out)
		})(yield)
	}
}
