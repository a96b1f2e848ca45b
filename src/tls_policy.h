// The socket-free rules of PHP's TLS streams: crypto method bits to protocol versions, ALPN
// lists, and the peer name matching PHP applies after the handshake.
#ifndef XPORT_TLS_POLICY_H
#define XPORT_TLS_POLICY_H

#include <optional>
#include <string>
#include <vector>

namespace xport {

// PHP's STREAM_CRYPTO_METHOD_* bits: bit 0 is "client", bits 1..6 SSLv2 … TLS 1.3.
constexpr int kCryptoClient = 1;
constexpr int kCryptoSslv2 = 1 << 1;
constexpr int kCryptoSslv3 = 1 << 2;
constexpr int kCryptoTls10 = 1 << 3;
constexpr int kCryptoTls11 = 1 << 4;
constexpr int kCryptoTls12 = 1 << 5;
constexpr int kCryptoTls13 = 1 << 6;
constexpr int kCryptoTlsAny = kCryptoTls10 | kCryptoTls11 | kCryptoTls12 | kCryptoTls13;

// The version range OpenSSL gets for a method mask, after PHP's min/max_proto_version
// overrides (0 when absent). Gaps are filled; a mask with no usable bit means TLS 1.3, as in
// PHP on an OpenSSL without SSLv3.
struct VersionRange {
	int min_version; // TLS1_VERSION …
	int max_version;
};
VersionRange version_range(int method_flags, long min_proto, long max_proto);

// "h2,http/1.1" in ALPN wire format; nullopt when an entry is over 255 bytes or the list is
// 65535 bytes or longer (PHP's limits).
std::optional<std::string> alpn_wire_format(const std::string &list);

// PHP's wildcard rule: a "*" only in the left-most label, matching no dot.
bool matches_wildcard_name(const std::string &subject, const std::string &pattern);

// A certificate's subjectAltName entries as PHP compares them.
struct SubjectAltNames {
	std::vector<std::string> dns;  // UTF-8, one trailing dot removed, NUL-poisoned entries left out
	std::vector<std::string> ipv4; // dotted quads
	std::vector<std::string> ipv6; // fully expanded lower-case hex groups
	bool has_dns_uri_or_srv = false;
};

// The common name, when the certificate has one ("" with has_cn false otherwise).
struct CommonName {
	bool present = false;
	bool malformed = false; // embedded NUL
	std::string value;
};

// Expands an IPv6 literal to eight four-digit groups, as PHP does before comparing; nullopt
// when `text` is not an IPv6 literal.
std::optional<std::string> expand_ipv6(const std::string &text);

enum class NameMatch { kMatched, kMismatch };

// Matches `expected` against the SAN list, then (unless a DNS/URI/SRV SAN exists, as in PHP
// 8.2.34 and later) the CN. On a mismatch `message` holds PHP's warning text, or stays
// empty when PHP prints none.
NameMatch match_peer_name(const SubjectAltNames &sans, const CommonName &cn,
						  const std::string &expected, std::string &message);

} // namespace xport

#endif
