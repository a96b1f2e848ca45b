#include "address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace xport {

namespace {

// PHP reads ports with atoi(); glibc's atoi is strtol truncated to int, which is what we
// reproduce so that "99999" and "abc" end up where PHP puts them.
long php_atoi(std::string_view digits)
{
	std::string copy(digits);
	return static_cast<int>(std::strtol(copy.c_str(), nullptr, 10));
}

bool is_strict_port(std::string_view text)
{
	if (text.empty()) {
		return false;
	}
	// Leading zeros are fine ("080"); the value is what must fit in 16 bits.
	long value = 0;
	for (char c : text) {
		if (c < '0' || c > '9') {
			return false;
		}
		value = value * 10 + (c - '0');
		if (value > 65535) {
			return false;
		}
	}
	return true;
}

AddressParse failure(AddressError error, std::string message)
{
	AddressParse result;
	result.error = error;
	result.message = std::move(message);
	return result;
}

AddressParse apply_strict_rules(AddressParse parsed, std::string_view port_text)
{
	if (!is_strict_port(port_text)) {
		return failure(AddressError::kStrictPort,
					   "Invalid port \"" + std::string(port_text) +
						   "\": expected a number from 0 to 65535 after the last colon");
	}
	const std::string &host = parsed.value.host;
	if (host.empty()) {
		return failure(AddressError::kStrictHost, "Missing host name before the port");
	}
	if (host.size() > kMaxHostNameLength) {
		return failure(AddressError::kStrictHost, "Host name is longer than " +
													  std::to_string(kMaxHostNameLength) +
													  " characters");
	}
	return parsed;
}

} // namespace

AddressParse parse_host_port(std::string_view text, bool strict)
{
	if (text.find('\0') != std::string_view::npos) {
		return failure(AddressError::kNullByte, "The hostname must not contain null bytes");
	}
	if (text.size() > kMaxAddressTextLength) {
		return failure(AddressError::kTooLong, "Address is longer than " +
												   std::to_string(kMaxAddressTextLength) +
												   " bytes");
	}

	AddressParse result;
	std::string_view port_text;

	if (text.size() > 1 && text[0] == '[') {
		// PHP looks for "]" among all but the last byte, and wants ":" right after it.
		size_t close = text.substr(1, text.size() - 2).find(']');
		if (close == std::string_view::npos || text[close + 2] != ':') {
			return failure(AddressError::kBadIpv6,
						   "Failed to parse IPv6 address \"" + std::string(text) + "\"");
		}
		result.value.host = std::string(text.substr(1, close));
		result.value.bracketed = true;
		port_text = text.substr(close + 3);
	} else {
		size_t colon =
			text.empty() ? std::string_view::npos : text.substr(0, text.size() - 1).find(':');
		if (colon == std::string_view::npos) {
			return failure(AddressError::kNoPort,
						   "Failed to parse address \"" + std::string(text) + "\"");
		}
		result.value.host = std::string(text.substr(0, colon));
		port_text = text.substr(colon + 1);
	}
	result.value.port = php_atoi(port_text);

	return strict ? apply_strict_rules(std::move(result), port_text) : result;
}

std::string format_ip(const sockaddr *address)
{
	char buffer[INET6_ADDRSTRLEN] = {0};

	if (address->sa_family == AF_INET) {
		auto in4 = reinterpret_cast<const sockaddr_in *>(address);
		inet_ntop(AF_INET, &in4->sin_addr, buffer, sizeof buffer);
	} else if (address->sa_family == AF_INET6) {
		auto in6 = reinterpret_cast<const sockaddr_in6 *>(address);
		inet_ntop(AF_INET6, &in6->sin6_addr, buffer, sizeof buffer);
	}
	return buffer;
}

std::string format_socket_address(const sockaddr *address, socklen_t length)
{
	if (address->sa_family == AF_INET && length >= sizeof(sockaddr_in)) {
		auto in4 = reinterpret_cast<const sockaddr_in *>(address);
		return format_ip(address) + ":" + std::to_string(ntohs(in4->sin_port));
	}
	if (address->sa_family == AF_INET6 && length >= sizeof(sockaddr_in6)) {
		auto in6 = reinterpret_cast<const sockaddr_in6 *>(address);
		return "[" + format_ip(address) + "]:" + std::to_string(ntohs(in6->sin6_port));
	}
	return std::string();
}

} // namespace xport
