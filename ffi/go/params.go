package telnyxmessaging

// ListMessagingProfilesParams are the filters and page of MessagingProfilesService.List and
// All. Zero fields are not sent.
type ListMessagingProfilesParams struct {
	// FilterName is filter[name]: profiles with this name.
	FilterName string `json:"filter_name,omitempty"`
	// FilterNameEq is filter[name][eq]: exact name match.
	FilterNameEq string `json:"filter_name_eq,omitempty"`
	// FilterNameContains is filter[name][contains]: names containing this text.
	FilterNameContains string `json:"filter_name_contains,omitempty"`
	// PageNumber is page[number], from 1; the first page All fetches.
	PageNumber int `json:"page_number,omitempty"`
	// PageSize is page[size], 1 to 250 (server default 20; the iterators ask for 250 when it is 0).
	PageSize int `json:"page_size,omitempty"`
}

// PageParams are the page of the lists of one profile's phone numbers, short codes and sender
// IDs. Zero fields are not sent.
type PageParams struct {
	// PageNumber is page[number], from 1; the first page an All method fetches.
	PageNumber int `json:"page_number,omitempty"`
	// PageSize is page[size], 1 to 250 (server default 20; the iterators ask for 250 when it is 0).
	PageSize int `json:"page_size,omitempty"`
}

// FilterUnassigned is the FilterMessagingProfileID value that finds short codes without a
// profile.
const FilterUnassigned = "null"

// ListShortCodesParams are the filter and page of ShortCodesService.List and All.
type ListShortCodesParams struct {
	// FilterMessagingProfileID is filter[messaging_profile_id]; [FilterUnassigned] finds the
	// short codes without a profile.
	FilterMessagingProfileID string `json:"filter_messaging_profile_id,omitempty"`
	// PageNumber is page[number], from 1; the first page All fetches.
	PageNumber int `json:"page_number,omitempty"`
	// PageSize is page[size], 1 to 250 (server default 20; the iterators ask for 250 when it is 0).
	PageSize int `json:"page_size,omitempty"`
}

// MetricsParams are the query of the metrics calls.
type MetricsParams struct {
	// TimeFrame is time_frame (server default 24h).
	TimeFrame TimeFrame `json:"time_frame,omitempty"`
}

// ListAutorespConfigsParams are the filters of AutorespConfigsService.List.
type ListAutorespConfigsParams struct {
	// CountryCode is country_code.
	CountryCode string `json:"country_code,omitempty"`
	// CreatedAtGte is created_at[gte].
	CreatedAtGte string `json:"created_at_gte,omitempty"`
	// CreatedAtLte is created_at[lte].
	CreatedAtLte string `json:"created_at_lte,omitempty"`
	// UpdatedAtGte is updated_at[gte].
	UpdatedAtGte string `json:"updated_at_gte,omitempty"`
	// UpdatedAtLte is updated_at[lte].
	UpdatedAtLte string `json:"updated_at_lte,omitempty"`
}

// CreateMessagingProfileParams is the body of MessagingProfilesService.Create. Name and
// WhitelistedDestinations are required; nil optional fields are not sent.
type CreateMessagingProfileParams struct {
	// Name is a user friendly name (required).
	Name string `json:"name"`
	// WhitelistedDestinations are ISO 3166-1 alpha-2 destinations, or ["*"] for all
	// (required).
	WhitelistedDestinations []string `json:"whitelisted_destinations"`
	// Enabled says whether the profile is enabled (server default true).
	Enabled *bool `json:"enabled,omitempty"`
	// WebhookURL is the webhook URL.
	WebhookURL *string `json:"webhook_url,omitempty"`
	// WebhookFailoverURL is the failover webhook URL.
	WebhookFailoverURL *string `json:"webhook_failover_url,omitempty"`
	// WebhookAPIVersion is the webhook format (server default "2").
	WebhookAPIVersion WebhookAPIVersion `json:"webhook_api_version,omitempty"`
	// HealthWebhookURL is the health-check webhook URL.
	HealthWebhookURL *string `json:"health_webhook_url,omitempty"`
	// NumberPoolSettings are the number pool settings.
	NumberPoolSettings *NumberPoolSettings `json:"number_pool_settings,omitempty"`
	// URLShortenerSettings are the URL shortener settings.
	URLShortenerSettings *URLShortenerSettings `json:"url_shortener_settings,omitempty"`
	// AlphaSender is the alphanumeric sender ID (^[A-Za-z0-9 ]{1,11}$).
	AlphaSender *string `json:"alpha_sender,omitempty"`
	// DailySpendLimit is the daily spend limit in USD as a decimal string, such as "100.00".
	DailySpendLimit *string `json:"daily_spend_limit,omitempty"`
	// DailySpendLimitEnabled says whether the daily spend limit is enforced.
	DailySpendLimitEnabled *bool `json:"daily_spend_limit_enabled,omitempty"`
	// MMSFallBackToSMS enables SMS fallback for MMS.
	MMSFallBackToSMS *bool `json:"mms_fall_back_to_sms,omitempty"`
	// MMSTranscoding enables automatic resizing of MMS media.
	MMSTranscoding *bool `json:"mms_transcoding,omitempty"`
	// MobileOnly sends only to mobile numbers.
	MobileOnly *bool `json:"mobile_only,omitempty"`
	// SmartEncoding enables the automatic GSM-7 / UCS-2 encoding choice.
	SmartEncoding *bool `json:"smart_encoding,omitempty"`
	// AIAssistantID is the AI assistant ID (at most 64 characters).
	AIAssistantID *string `json:"ai_assistant_id,omitempty"`
	// ResourceGroupID is the resource group ID (at most 64 characters).
	ResourceGroupID *string `json:"resource_group_id,omitempty"`
}

// UpdateMessagingProfileParams is the body of MessagingProfilesService.Update. Every field is
// optional and zero fields are not sent (the server leaves them unchanged). The six nullable
// fields can be cleared with [Null]:
//
//	UpdateMessagingProfileParams{
//		Name:       Ptr("renamed"),
//		WebhookURL: Null[string](),              // "webhook_url": null clears it
//		AlphaSender: Value("ACME"),              // "alpha_sender": "ACME"
//	}
//
// Read-only fields (id, record_type, created_at, updated_at) and v1_secret (see
// RegenerateSecret) cannot be sent.
type UpdateMessagingProfileParams struct {
	// Name is a user friendly name.
	Name *string `json:"name,omitempty"`
	// Enabled says whether the profile is enabled.
	Enabled *bool `json:"enabled,omitempty"`
	// WebhookURL is the webhook URL; Null clears it.
	WebhookURL Nullable[string] `json:"webhook_url,omitzero"`
	// WebhookFailoverURL is the failover webhook URL; Null clears it.
	WebhookFailoverURL Nullable[string] `json:"webhook_failover_url,omitzero"`
	// WebhookAPIVersion is the webhook format.
	WebhookAPIVersion WebhookAPIVersion `json:"webhook_api_version,omitempty"`
	// WhitelistedDestinations are the destinations, or ["*"] for all; nil is not sent.
	WhitelistedDestinations []string `json:"whitelisted_destinations,omitzero"`
	// NumberPoolSettings are the number pool settings; Null turns the feature off.
	NumberPoolSettings Nullable[NumberPoolSettings] `json:"number_pool_settings,omitzero"`
	// URLShortenerSettings are the URL shortener settings; Null turns the feature off.
	URLShortenerSettings Nullable[URLShortenerSettings] `json:"url_shortener_settings,omitzero"`
	// AlphaSender is the alphanumeric sender ID; Null clears it.
	AlphaSender Nullable[string] `json:"alpha_sender,omitzero"`
	// DailySpendLimit is the daily spend limit in USD as a decimal string.
	DailySpendLimit *string `json:"daily_spend_limit,omitempty"`
	// DailySpendLimitEnabled says whether the daily spend limit is enforced.
	DailySpendLimitEnabled *bool `json:"daily_spend_limit_enabled,omitempty"`
	// MMSFallBackToSMS enables SMS fallback for MMS.
	MMSFallBackToSMS *bool `json:"mms_fall_back_to_sms,omitempty"`
	// MMSTranscoding enables automatic resizing of MMS media.
	MMSTranscoding *bool `json:"mms_transcoding,omitempty"`
	// MobileOnly sends only to mobile numbers.
	MobileOnly *bool `json:"mobile_only,omitempty"`
	// SmartEncoding enables the automatic GSM-7 / UCS-2 encoding choice.
	SmartEncoding *bool `json:"smart_encoding,omitempty"`
	// AIAssistantID is the AI assistant ID; Null clears it.
	AIAssistantID Nullable[string] `json:"ai_assistant_id,omitzero"`
}

// UpdateShortCodeParams is the body of ShortCodesService.Update. MessagingProfileID is
// required: Value(id) assigns the short code, Null[string]() or Value("") unassigns it (the
// API accepts both). Leaving it absent is an [ErrInvalidArgument] error.
type UpdateShortCodeParams struct {
	// MessagingProfileID is the profile to assign the short code to (required).
	MessagingProfileID Nullable[string] `json:"messaging_profile_id,omitzero"`
	// Tags replace the short code's tags; nil is not sent.
	Tags []string `json:"tags,omitzero"`
}

// AutorespConfigParams is the body of AutorespConfigsService.Create and Update (a full
// replacement). Op, Keywords and CountryCode are required.
type AutorespConfigParams struct {
	// Op is the operation: start, stop or info.
	Op AutorespOp `json:"op"`
	// Keywords trigger the response.
	Keywords []string `json:"keywords"`
	// CountryCode is the country it applies to.
	CountryCode string `json:"country_code"`
	// RespText is the response text.
	RespText *string `json:"resp_text,omitempty"`
}
