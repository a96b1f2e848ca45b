// Address texts as PHP's socket transports understand them, and back.
#ifndef XPORT_ADDRESS_H
#define XPORT_ADDRESS_H

#include <string>
#include <string_view>
#include <sys/socket.h>

namespace xport {

// Longest host name we accept in strict mode (RFC 1035 limit for a full name).
constexpr size_t kMaxHostNameLength = 253;

// Longest address text accepted in any mode; beyond this nothing real can be meant.
constexpr size_t kMaxAddressTextLength = 4096;

enum class AddressError {
	kNone,
	kNullByte,   // "The hostname must not contain null bytes"
	kBadIpv6,    // "Failed to parse IPv6 address \"...\""
	kNoPort,     // "Failed to parse address \"...\""
	kTooLong,    // over kMaxAddressTextLength, in every mode
	kStrictPort, // strict mode: port not a number in 0..65535
	kStrictHost, // strict mode: empty host or host longer than kMaxHostNameLength
};

// A parsed "host:port" or "[v6]:port". `port` is what PHP's atoi() gave, before the
// truncation to 16 bits that happens when it is put into a socket address.
struct HostPort {
	std::string host;
	long port = 0;
	bool bracketed = false;
};

struct AddressParse {
	AddressError error = AddressError::kNone;
	HostPort value;
	std::string message; // PHP's error text when error != kNone
};

// Splits an address the way PHP 8.2's socket transports do (first colon, or brackets for
// IPv6, port read with atoi). With `strict`, also rejects what PHP would silently accept.
AddressParse parse_host_port(std::string_view text, bool strict);

// The 16-bit port PHP ends up using for a parsed port number.
inline unsigned short effective_port(long port)
{
	return static_cast<unsigned short>(port);
}

// "a.b.c.d:port" or "[v6]:port", as PHP prints socket names; empty for other families.
std::string format_socket_address(const sockaddr *address, socklen_t length);

// The address alone, without the port ("::1", "127.0.0.1").
std::string format_ip(const sockaddr *address);

} // namespace xport

#endif
