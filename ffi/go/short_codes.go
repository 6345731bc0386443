package telnyxmessaging

/*
#include "telnyx_messaging.h"
*/
import "C"

import (
	"context"
	"iter"
)

// ShortCodesService has the operations on the account's short codes (client.ShortCodes).
type ShortCodesService struct {
	c *Client
}

// List returns one page of short codes (GET /short_codes).
func (s ShortCodesService) List(ctx context.Context, params ListShortCodesParams) (*Page[ShortCode], error) {
	var a cargs
	defer a.free()
	p := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[Page[ShortCode]](s.c, ctx, "short codes", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_short_codes_list(h, p, out)
	})
}

// Pages iterates the pages of short codes lazily, keeping the filter and page size.
func (s ShortCodesService) Pages(ctx context.Context, params ListShortCodesParams) iter.Seq2[*Page[ShortCode], error] {
	return pageSeq[ShortCode](s.c, ctx, "short codes", params, func(h *C.telnyx_client, p *C.char, out **C.telnyx_page_iter) *C.telnyx_error {
		return C.telnyx_short_codes_list_all(h, p, out)
	})
}

// All iterates every short code across pages, fetching each page only when the loop needs it.
func (s ShortCodesService) All(ctx context.Context, params ListShortCodesParams) iter.Seq2[ShortCode, error] {
	return items(s.Pages(ctx, params))
}

// Retrieve returns one short code by its UUID (GET /short_codes/{id}).
func (s ShortCodesService) Retrieve(ctx context.Context, id string) (*ShortCode, error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[ShortCode](s.c, ctx, "short code", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_short_codes_retrieve(h, cid, out)
	})
}

// Update assigns the short code to a profile, or unassigns it (PATCH /short_codes/{id}).
func (s ShortCodesService) Update(ctx context.Context, id string, params UpdateShortCodeParams) (*ShortCode, error) {
	var a cargs
	defer a.free()
	cid := a.str(id, "id")
	body := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[ShortCode](s.c, ctx, "short code", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_short_codes_update(h, cid, body, out)
	})
}

// MessagingProfileMetricsService lists the high-level metrics of every profile
// (client.MessagingProfileMetrics).
type MessagingProfileMetricsService struct {
	c *Client
}

// List returns the high-level metrics of every profile as one list
// (GET /messaging_profile_metrics).
func (s MessagingProfileMetricsService) List(ctx context.Context, params MetricsParams) (*Page[Metrics], error) {
	var a cargs
	defer a.free()
	p := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[Page[Metrics]](s.c, ctx, "metrics", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profile_metrics_list(h, p, out)
	})
}

// AutorespConfigsService has the operations on the auto-response configs of one profile
// (client.MessagingProfiles.AutorespConfigs(profileID)).
type AutorespConfigsService struct {
	c         *Client
	profileID string
}

// List returns the profile's auto-response configs as one list
// (GET /messaging_profiles/{profile_id}/autoresp_configs).
func (s AutorespConfigsService) List(ctx context.Context, params ListAutorespConfigsParams) (*Page[AutorespConfig], error) {
	var a cargs
	defer a.free()
	pid := a.str(s.profileID, "profile id")
	p := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[Page[AutorespConfig]](s.c, ctx, "autoresp configs", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_autoresp_configs_list(h, pid, p, out)
	})
}

// Create creates an auto-response config
// (POST /messaging_profiles/{profile_id}/autoresp_configs).
func (s AutorespConfigsService) Create(ctx context.Context, params AutorespConfigParams) (*AutorespConfig, error) {
	var a cargs
	defer a.free()
	pid := a.str(s.profileID, "profile id")
	body := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[AutorespConfig](s.c, ctx, "autoresp config", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_autoresp_configs_create(h, pid, body, out)
	})
}

// Retrieve returns one auto-response config
// (GET /messaging_profiles/{profile_id}/autoresp_configs/{id}).
func (s AutorespConfigsService) Retrieve(ctx context.Context, id string) (*AutorespConfig, error) {
	var a cargs
	defer a.free()
	pid := a.str(s.profileID, "profile id")
	cid := a.str(id, "id")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[AutorespConfig](s.c, ctx, "autoresp config", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_autoresp_configs_retrieve(h, pid, cid, out)
	})
}

// Update replaces an auto-response config
// (PUT /messaging_profiles/{profile_id}/autoresp_configs/{id}).
func (s AutorespConfigsService) Update(ctx context.Context, id string, params AutorespConfigParams) (*AutorespConfig, error) {
	var a cargs
	defer a.free()
	pid := a.str(s.profileID, "profile id")
	cid := a.str(id, "id")
	body := a.json(params, "params")
	if a.err != nil {
		return nil, a.err
	}
	return callInto[AutorespConfig](s.c, ctx, "autoresp config", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_autoresp_configs_update(h, pid, cid, body, out)
	})
}

// Delete deletes an auto-response config and returns the server's answer (usually "OK")
// (DELETE /messaging_profiles/{profile_id}/autoresp_configs/{id}).
func (s AutorespConfigsService) Delete(ctx context.Context, id string) (string, error) {
	var a cargs
	defer a.free()
	pid := a.str(s.profileID, "profile id")
	cid := a.str(id, "id")
	if a.err != nil {
		return "", a.err
	}
	res, err := callInto[string](s.c, ctx, "autoresp delete result", func(h *C.telnyx_client, out **C.char) *C.telnyx_error {
		return C.telnyx_messaging_profiles_autoresp_configs_delete(h, pid, cid, out)
	})
	if err != nil {
		return "", err
	}
	return *res, nil
}
