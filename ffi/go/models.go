package telnyxmessaging

import (
	"fmt"
	"io"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// WebhookAPIVersion is the webhook format of a messaging profile. Values other than the
// constants may appear and are kept as they are.
type WebhookAPIVersion string

// The known webhook formats.
const (
	WebhookAPIVersion1        WebhookAPIVersion = "1"
	WebhookAPIVersion2        WebhookAPIVersion = "2"
	WebhookAPIVersion20100401 WebhookAPIVersion = "2010-04-01"
)

// TimeFrame is the time frame of metrics (`time_frame`).
type TimeFrame string

// The known time frames; the server's default is 24h.
const (
	TimeFrame1h  TimeFrame = "1h"
	TimeFrame3h  TimeFrame = "3h"
	TimeFrame24h TimeFrame = "24h"
	TimeFrame3d  TimeFrame = "3d"
	TimeFrame7d  TimeFrame = "7d"
	TimeFrame30d TimeFrame = "30d"
)

// PhoneNumberType is the type of a phone number; the API uses two spellings of each.
type PhoneNumberType string

// The known phone-number types.
const (
	PhoneNumberTypeLongCode     PhoneNumberType = "long-code"
	PhoneNumberTypeTollFree     PhoneNumberType = "toll-free"
	PhoneNumberTypeShortCode    PhoneNumberType = "short-code"
	PhoneNumberTypeLongcodeAlt  PhoneNumberType = "longcode"
	PhoneNumberTypeTollfreeAlt  PhoneNumberType = "tollfree"
	PhoneNumberTypeShortcodeAlt PhoneNumberType = "shortcode"
)

// AutorespOp is the operation of an auto-response config.
type AutorespOp string

// The known auto-response operations.
const (
	AutorespOpStart AutorespOp = "start"
	AutorespOpStop  AutorespOp = "stop"
	AutorespOpInfo  AutorespOp = "info"
)

// Secret is a string that fmt never prints (it shows "[redacted]"); read it with Expose.
// It encodes to JSON as the plain string.
type Secret string

// Expose returns the secret.
func (s Secret) Expose() string { return string(s) }

// String hides the secret.
func (s Secret) String() string { return "[redacted]" }

// GoString hides the secret.
func (s Secret) GoString() string { return `"[redacted]"` }

// Format hides the secret under every verb: without it a verb fmt does not pass to String
// (%d, %t, ...) prints the raw string inside its "%!d(...)" complaint.
func (s Secret) Format(f fmt.State, verb rune) { redactedFormat(f, verb, s.String(), s.GoString()) }

// redactedFormat writes str, or goStr for %#v.
func redactedFormat(f fmt.State, verb rune, str, goStr string) {
	if verb == 'v' && f.Flag('#') {
		io.WriteString(f, goStr)
		return
	}
	io.WriteString(f, str)
}

// MessagingProfile is a messaging profile. Almost every field may be absent; the nullable ones
// tell absent and null apart.
type MessagingProfile struct {
	// ID identifies the profile (a UUID).
	ID string `json:"id,omitempty"`
	// RecordType is always "messaging_profile".
	RecordType string `json:"record_type,omitempty"`
	// Name is a user friendly name.
	Name string `json:"name,omitempty"`
	// Enabled says whether the profile is enabled.
	Enabled *bool `json:"enabled,omitzero"`
	// WebhookURL is where webhooks go; null when none.
	WebhookURL Nullable[string] `json:"webhook_url,omitzero"`
	// WebhookFailoverURL is where webhooks go when WebhookURL fails; null when none.
	WebhookFailoverURL Nullable[string] `json:"webhook_failover_url,omitzero"`
	// WebhookAPIVersion is the webhook format.
	WebhookAPIVersion WebhookAPIVersion `json:"webhook_api_version,omitempty"`
	// HealthWebhookURL is the deprecated health-check webhook URL.
	HealthWebhookURL Nullable[string] `json:"health_webhook_url,omitzero"`
	// WhitelistedDestinations are the ISO 3166-1 alpha-2 destinations the profile may send
	// to; ["*"] allows all.
	WhitelistedDestinations []string `json:"whitelisted_destinations,omitzero"`
	// NumberPoolSettings are the number pool settings; null when the feature is off.
	NumberPoolSettings Nullable[NumberPoolSettings] `json:"number_pool_settings,omitzero"`
	// URLShortenerSettings are the URL shortener settings; null when the feature is off.
	URLShortenerSettings Nullable[URLShortenerSettings] `json:"url_shortener_settings,omitzero"`
	// AlphaSender is the alphanumeric sender ID for destinations that require one.
	AlphaSender Nullable[string] `json:"alpha_sender,omitzero"`
	// DailySpendLimit is the daily spend limit in USD, a decimal string such as "100.00".
	DailySpendLimit string `json:"daily_spend_limit,omitempty"`
	// DailySpendLimitEnabled says whether DailySpendLimit is enforced.
	DailySpendLimitEnabled *bool `json:"daily_spend_limit_enabled,omitzero"`
	// MMSFallBackToSMS enables SMS fallback for MMS.
	MMSFallBackToSMS *bool `json:"mms_fall_back_to_sms,omitzero"`
	// MMSTranscoding enables automatic resizing of MMS media.
	MMSTranscoding *bool `json:"mms_transcoding,omitzero"`
	// MobileOnly sends only to mobile numbers.
	MobileOnly *bool `json:"mobile_only,omitzero"`
	// RedactionEnabled says whether message content redaction is on.
	RedactionEnabled *bool `json:"redaction_enabled,omitzero"`
	// RedactionLevel is how much is redacted.
	RedactionLevel *int `json:"redaction_level,omitzero"`
	// SmartEncoding enables the automatic GSM-7 / UCS-2 encoding choice.
	SmartEncoding *bool `json:"smart_encoding,omitzero"`
	// AIAssistantID is the AI assistant of the profile.
	AIAssistantID Nullable[string] `json:"ai_assistant_id,omitzero"`
	// ResourceGroupID is the resource group of the profile.
	ResourceGroupID Nullable[string] `json:"resource_group_id,omitzero"`
	// OrganizationID is the owning organization.
	OrganizationID string `json:"organization_id,omitempty"`
	// V1Secret authenticates with the v1 endpoints; fmt never prints it.
	V1Secret Secret `json:"v1_secret,omitempty"`
	// CreatedAt is the ISO 8601 creation time.
	CreatedAt string `json:"created_at,omitempty"`
	// UpdatedAt is the ISO 8601 update time.
	UpdatedAt string `json:"updated_at,omitempty"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// NumberPoolSettings: send from a pool of numbers, with a weight per number type.
type NumberPoolSettings struct {
	// LongCodeWeight is the weight of long code numbers (non-negative; 0 removes them).
	LongCodeWeight float64 `json:"long_code_weight"`
	// TollFreeWeight is the weight of toll-free numbers (non-negative; 0 removes them).
	TollFreeWeight float64 `json:"toll_free_weight"`
	// SkipUnhealthy excludes unhealthy numbers.
	SkipUnhealthy bool `json:"skip_unhealthy"`
	// Geomatch prefers a number with the destination's area code.
	Geomatch *bool `json:"geomatch,omitzero"`
	// StickySender uses the same number for every message to one recipient.
	StickySender *bool `json:"sticky_sender,omitzero"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// URLShortenerSettings: replace links of public URL shorteners with Telnyx ones.
type URLShortenerSettings struct {
	// Domain is one of the domains of the Telnyx URL shortener (required).
	Domain string `json:"domain"`
	// Prefix is a brand prefix after the domain.
	Prefix *string `json:"prefix,omitzero"`
	// ReplaceBlacklistOnly replaces only links Telnyx blacklists.
	ReplaceBlacklistOnly *bool `json:"replace_blacklist_only,omitzero"`
	// SendWebhooks sends webhooks when replaced links are clicked.
	SendWebhooks *bool `json:"send_webhooks,omitzero"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// PhoneNumberWithMessagingSettings is a phone number of a profile with its messaging settings.
type PhoneNumberWithMessagingSettings struct {
	// ID identifies the number (a numeric string).
	ID string `json:"id,omitempty"`
	// RecordType is "messaging_settings" or "messaging_phone_number".
	RecordType string `json:"record_type,omitempty"`
	// PhoneNumber is the +E.164 number.
	PhoneNumber string `json:"phone_number,omitempty"`
	// MessagingProfileID is the profile the number belongs to; null when none.
	MessagingProfileID Nullable[string] `json:"messaging_profile_id,omitzero"`
	// CountryCode is the ISO 3166-1 alpha-2 country.
	CountryCode string `json:"country_code,omitempty"`
	// Type is long code, toll-free or short code, in either spelling.
	Type PhoneNumberType `json:"type,omitempty"`
	// MessagingProduct is the messaging product the number uses.
	MessagingProduct string `json:"messaging_product,omitempty"`
	// EligibleMessagingProducts are the products the number could use.
	EligibleMessagingProducts []string `json:"eligible_messaging_products,omitzero"`
	// TrafficType is the traffic type currently configured.
	TrafficType string `json:"traffic_type,omitempty"`
	// Features are the SMS and MMS features.
	Features *MessagingFeatures `json:"features,omitzero"`
	// Health are the health metrics.
	Health *NumberHealthMetrics `json:"health,omitzero"`
	// Tags are the number's tags.
	Tags []string `json:"tags,omitzero"`
	// OrganizationID is the owning organization.
	OrganizationID string `json:"organization_id,omitempty"`
	// CreatedAt is the ISO 8601 creation time.
	CreatedAt string `json:"created_at,omitempty"`
	// UpdatedAt is the ISO 8601 update time.
	UpdatedAt string `json:"updated_at,omitempty"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// MessagingFeatures are the SMS and MMS feature sets of a number; each null when unavailable.
type MessagingFeatures struct {
	// SMS features.
	SMS Nullable[MessagingFeatureSet] `json:"sms,omitzero"`
	// MMS features.
	MMS Nullable[MessagingFeatureSet] `json:"mms,omitzero"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// MessagingFeatureSet is what a number can do for one product (SMS or MMS).
type MessagingFeatureSet struct {
	// DomesticTwoWay: send to and receive from numbers in the same country.
	DomesticTwoWay bool `json:"domestic_two_way"`
	// InternationalInbound: receive from other countries.
	InternationalInbound bool `json:"international_inbound"`
	// InternationalOutbound: send to other countries.
	InternationalOutbound bool `json:"international_outbound"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// NumberHealthMetrics are the health metrics of a number.
type NumberHealthMetrics struct {
	// MessageCount is the number of messages analysed.
	MessageCount int64 `json:"message_count"`
	// InboundOutboundRatio is received / sent.
	InboundOutboundRatio float64 `json:"inbound_outbound_ratio"`
	// SuccessRatio is delivered / attempted.
	SuccessRatio float64 `json:"success_ratio"`
	// SpamRatio is blocked as spam / attempted.
	SpamRatio float64 `json:"spam_ratio"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// ShortCode is a short code.
type ShortCode struct {
	// ID identifies the short code (a UUID, not the digits).
	ID string `json:"id,omitempty"`
	// RecordType is always "short_code".
	RecordType string `json:"record_type,omitempty"`
	// ShortCode is the digit sequence.
	ShortCode string `json:"short_code,omitempty"`
	// MessagingProfileID is the profile the short code is assigned to; nil when unassigned.
	MessagingProfileID *string `json:"messaging_profile_id"`
	// CountryCode is the ISO 3166-1 alpha-2 country.
	CountryCode string `json:"country_code,omitempty"`
	// Tags are the short code's tags.
	Tags []string `json:"tags,omitzero"`
	// CreatedAt is the ISO 8601 creation time.
	CreatedAt string `json:"created_at,omitempty"`
	// UpdatedAt is the ISO 8601 update time.
	UpdatedAt string `json:"updated_at,omitempty"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// AlphanumericSenderID is an alphanumeric sender ID of a profile.
type AlphanumericSenderID struct {
	// ID identifies the sender ID (a UUID).
	ID string `json:"id,omitempty"`
	// RecordType is always "alphanumeric_sender_id".
	RecordType string `json:"record_type,omitempty"`
	// AlphanumericSenderID is the sender ID text.
	AlphanumericSenderID string `json:"alphanumeric_sender_id,omitempty"`
	// MessagingProfileID is the profile it belongs to.
	MessagingProfileID string `json:"messaging_profile_id,omitempty"`
	// OrganizationID is the owning organization.
	OrganizationID string `json:"organization_id,omitempty"`
	// USLongCodeFallback is the US long code used as fallback for US destinations.
	USLongCodeFallback string `json:"us_long_code_fallback,omitempty"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// AutorespConfig is an auto-response config of a profile.
type AutorespConfig struct {
	// ID identifies the config.
	ID string `json:"id"`
	// Op is the operation: start, stop or info.
	Op AutorespOp `json:"op"`
	// Keywords trigger the response.
	Keywords []string `json:"keywords"`
	// CountryCode is the country it applies to ("*" for all).
	CountryCode string `json:"country_code"`
	// RespText is the response text.
	RespText *string `json:"resp_text,omitzero"`
	// CreatedAt is the creation time.
	CreatedAt string `json:"created_at"`
	// UpdatedAt is the update time.
	UpdatedAt string `json:"updated_at"`
	// Extra holds fields this version does not know.
	Extra Extra `json:",embed"`
}

// Metrics is a free-form metrics object (numbers decode as float64).
type Metrics = map[string]any

// The JSON methods. Each model decodes in one pass with the v2 JSON package, unknown members
// going to Extra (its `embed` option); UnmarshalJSON and MarshalJSON give encoding/json the
// same behaviour. The local type plain has the fields without the methods.

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *MessagingProfile) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain MessagingProfile
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *MessagingProfile) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m MessagingProfile) MarshalJSON() ([]byte, error) {
	type plain MessagingProfile
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *NumberPoolSettings) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain NumberPoolSettings
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *NumberPoolSettings) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m NumberPoolSettings) MarshalJSON() ([]byte, error) {
	type plain NumberPoolSettings
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *URLShortenerSettings) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain URLShortenerSettings
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *URLShortenerSettings) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m URLShortenerSettings) MarshalJSON() ([]byte, error) {
	type plain URLShortenerSettings
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *PhoneNumberWithMessagingSettings) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain PhoneNumberWithMessagingSettings
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *PhoneNumberWithMessagingSettings) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m PhoneNumberWithMessagingSettings) MarshalJSON() ([]byte, error) {
	type plain PhoneNumberWithMessagingSettings
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *MessagingFeatures) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain MessagingFeatures
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *MessagingFeatures) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m MessagingFeatures) MarshalJSON() ([]byte, error) {
	type plain MessagingFeatures
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *MessagingFeatureSet) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain MessagingFeatureSet
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *MessagingFeatureSet) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m MessagingFeatureSet) MarshalJSON() ([]byte, error) {
	type plain MessagingFeatureSet
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *NumberHealthMetrics) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain NumberHealthMetrics
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *NumberHealthMetrics) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m NumberHealthMetrics) MarshalJSON() ([]byte, error) {
	type plain NumberHealthMetrics
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *ShortCode) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain ShortCode
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *ShortCode) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m ShortCode) MarshalJSON() ([]byte, error) {
	type plain ShortCode
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *AlphanumericSenderID) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain AlphanumericSenderID
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *AlphanumericSenderID) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m AlphanumericSenderID) MarshalJSON() ([]byte, error) {
	type plain AlphanumericSenderID
	return encodeModel(plain(m))
}

// UnmarshalJSONFrom decodes the known fields and keeps the others in Extra.
func (m *AutorespConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	type plain AutorespConfig
	return json.UnmarshalDecode(d, (*plain)(m))
}

// UnmarshalJSON decodes the known fields and keeps the others in Extra.
func (m *AutorespConfig) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, m) }

// MarshalJSON writes Extra back beside the known fields.
func (m AutorespConfig) MarshalJSON() ([]byte, error) {
	type plain AutorespConfig
	return encodeModel(plain(m))
}
