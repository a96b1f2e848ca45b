#include "tls_policy.h"

#include <arpa/inet.h>
#include <cstdio>
#include <openssl/ssl.h>
#include <strings.h>

namespace xport {

namespace {

// The versions this OpenSSL offers, as method bits: no SSLv3 (Debian builds without it).
constexpr int kLowestBit = kCryptoTls10;
constexpr int kHighestBit = kCryptoTls13;

int lowest_set(int flags)
{
	for (int bit = kLowestBit; bit <= kHighestBit; bit <<= 1) {
		if (flags & bit) {
			return bit;
		}
	}
	return kHighestBit;
}

int highest_set(int flags)
{
	for (int bit = kHighestBit; bit >= kLowestBit; bit >>= 1) {
		if (flags & bit) {
			return bit;
		}
	}
	return kCryptoTls13;
}

int openssl_version(int bit)
{
	switch (bit) {
		case kCryptoTls13:
			return TLS1_3_VERSION;
		case kCryptoTls12:
			return TLS1_2_VERSION;
		case kCryptoTls11:
			return TLS1_1_VERSION;
		case kCryptoTls10:
			return TLS1_VERSION;
		default:
			return TLS1_2_VERSION;
	}
}

} // namespace

VersionRange version_range(int method_flags, long min_proto, long max_proto)
{
	int min_bit = min_proto ? static_cast<int>(min_proto) : lowest_set(method_flags);
	int max_bit = max_proto ? static_cast<int>(max_proto) : highest_set(method_flags);
	int flags = 0;

	// Every version between the two ends counts, whether or not its bit was set.
	for (int bit = kLowestBit; bit <= kHighestBit; bit <<= 1) {
		if (bit >= min_bit && bit <= max_bit) {
			flags |= bit;
		}
	}
	return {openssl_version(lowest_set(flags)), openssl_version(highest_set(flags))};
}

std::optional<std::string> alpn_wire_format(const std::string &list)
{
	if (list.size() >= 65535) {
		return std::nullopt;
	}
	std::string wire;
	size_t start = 0;
	for (size_t i = 0; i <= list.size(); i++) {
		if (i == list.size() || list[i] == ',') {
			size_t length = i - start;
			if (length > 255) {
				return std::nullopt;
			}
			wire.push_back(static_cast<char>(length));
			wire.append(list, start, length);
			start = i + 1;
		}
	}
	return wire;
}

bool matches_wildcard_name(const std::string &subject, const std::string &pattern)
{
	if (strcasecmp(subject.c_str(), pattern.c_str()) == 0) {
		return true;
	}
	size_t star = pattern.find('*');
	if (star == std::string::npos || pattern.find('.') < star) {
		return false;
	}
	size_t prefix = star;
	size_t suffix = pattern.size() - star - 1;
	if (prefix + suffix > subject.size()) {
		return false; // PHP 8.2.34: an overlapping prefix and suffix never match
	}
	if (prefix && strncasecmp(subject.c_str(), pattern.c_str(), prefix) != 0) {
		return false;
	}
	if (strcasecmp(pattern.c_str() + star + 1, subject.c_str() + subject.size() - suffix) != 0) {
		return false;
	}
	// The wildcard stands for part of one label: no dot between prefix and suffix.
	return subject.substr(prefix, subject.size() - suffix - prefix).find('.') == std::string::npos;
}

std::optional<std::string> expand_ipv6(const std::string &text)
{
	unsigned char bytes[16];

	if (inet_pton(AF_INET6, text.c_str(), bytes) != 1) {
		return std::nullopt;
	}
	char expanded[40];
	std::snprintf(expanded, sizeof expanded,
				  "%02x%02x:%02x%02x:%02x%02x:%02x%02x:%02x%02x:%02x%02x:%02x%02x:%02x%02x",
				  bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
				  bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
				  bytes[15]);
	return std::string(expanded);
}

NameMatch match_peer_name(const SubjectAltNames &sans, const CommonName &cn,
						  const std::string &expected, std::string &message)
{
	for (const std::string &name : sans.dns) {
		if (matches_wildcard_name(expected, name)) {
			return NameMatch::kMatched;
		}
	}
	for (const std::string &address : sans.ipv4) {
		if (strcasecmp(address.c_str(), expected.c_str()) == 0) {
			return NameMatch::kMatched;
		}
	}
	if (std::optional<std::string> expanded = expand_ipv6(expected)) {
		for (const std::string &address : sans.ipv6) {
			if (address == *expanded) {
				return NameMatch::kMatched;
			}
		}
	}

	// RFC 6125: a certificate that names hosts in its SAN is not matched by its CN.
	if (sans.has_dns_uri_or_srv) {
		message = "Peer certificate subjectAltName did not match expected name `" + expected + "'";
		return NameMatch::kMismatch;
	}
	if (!cn.present) {
		message = "Unable to locate peer certificate CN";
	} else if (cn.malformed) {
		message = "Peer certificate CN=`" + cn.value + "' is malformed";
	} else if (matches_wildcard_name(expected, cn.value)) {
		return NameMatch::kMatched;
	} else {
		message =
			"Peer certificate CN=`" + cn.value + "' did not match expected CN=`" + expected + "'";
	}
	return NameMatch::kMismatch;
}

} // namespace xport
