#include "address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include "unit.h"

using namespace xport;

TEST_CASE("IPv4 host and port split at the first colon")
{
	AddressParse parsed = parse_host_port("127.0.0.1:80", false);
	CHECK(parsed.error == AddressError::kNone);
	CHECK_EQ(parsed.value.host, std::string("127.0.0.1"));
	CHECK_EQ(parsed.value.port, 80L);
	CHECK(!parsed.value.bracketed);
}

TEST_CASE("bracketed IPv6 with port")
{
	AddressParse parsed = parse_host_port("[fe80::1]:443", false);
	CHECK(parsed.error == AddressError::kNone);
	CHECK_EQ(parsed.value.host, std::string("fe80::1"));
	CHECK_EQ(parsed.value.port, 443L);
	CHECK(parsed.value.bracketed);
}

TEST_CASE("unbalanced bracket gives PHP's IPv6 message")
{
	AddressParse parsed = parse_host_port("[::1:80", false);
	CHECK(parsed.error == AddressError::kBadIpv6);
	CHECK_EQ(parsed.message, std::string("Failed to parse IPv6 address \"[::1:80\""));
	CHECK(parse_host_port("[::1]80", false).error == AddressError::kBadIpv6);
	CHECK(parse_host_port("[::1]", false).error == AddressError::kBadIpv6);
}

TEST_CASE("no colon gives PHP's address message")
{
	AddressParse parsed = parse_host_port("127.0.0.1", false);
	CHECK(parsed.error == AddressError::kNoPort);
	CHECK_EQ(parsed.message, std::string("Failed to parse address \"127.0.0.1\""));
	// The last byte is not searched: "host:" has no port separator for PHP.
	CHECK(parse_host_port("host:", false).error == AddressError::kNoPort);
	CHECK(parse_host_port("", false).error == AddressError::kNoPort);
}

TEST_CASE("null bytes are refused")
{
	AddressParse parsed = parse_host_port(std::string_view("a\0b:80", 6), false);
	CHECK(parsed.error == AddressError::kNullByte);
	CHECK_EQ(parsed.message, std::string("The hostname must not contain null bytes"));
}

TEST_CASE("ports are read like atoi and truncated like PHP")
{
	CHECK_EQ(parse_host_port("h:abc", false).value.port, 0L);
	CHECK_EQ(parse_host_port("h:12abc", false).value.port, 12L);
	CHECK_EQ(effective_port(parse_host_port("h:99999", false).value.port), 34463);
	CHECK_EQ(parse_host_port("::1:80", false).value.host, std::string(""));
}

TEST_CASE("strict mode rejects what PHP accepts silently")
{
	CHECK(parse_host_port("h:99999", true).error == AddressError::kStrictPort);
	CHECK(parse_host_port("h:abc", true).error == AddressError::kStrictPort);
	CHECK(parse_host_port("h:-1", true).error == AddressError::kStrictPort);
	CHECK(parse_host_port(":80", true).error == AddressError::kStrictHost);
	CHECK(parse_host_port(std::string(300, 'a') + ":80", true).error == AddressError::kStrictHost);
	CHECK(parse_host_port("h:65535", true).error == AddressError::kNone);
	CHECK(parse_host_port("[::1]:0", true).error == AddressError::kNone);
}

TEST_CASE("absurd lengths are refused in every mode")
{
	std::string huge(kMaxAddressTextLength + 1, 'a');
	CHECK(parse_host_port(huge + ":80", false).error == AddressError::kTooLong);
}

TEST_CASE("socket names print as PHP prints them")
{
	sockaddr_in in4{};
	in4.sin_family = AF_INET;
	in4.sin_port = htons(8080);
	inet_pton(AF_INET, "10.1.2.3", &in4.sin_addr);
	CHECK_EQ(format_socket_address(reinterpret_cast<sockaddr *>(&in4), sizeof in4),
			 std::string("10.1.2.3:8080"));

	sockaddr_in6 in6{};
	in6.sin6_family = AF_INET6;
	in6.sin6_port = htons(443);
	inet_pton(AF_INET6, "::ffff:1.2.3.4", &in6.sin6_addr);
	CHECK_EQ(format_socket_address(reinterpret_cast<sockaddr *>(&in6), sizeof in6),
			 std::string("[::ffff:1.2.3.4]:443"));
}
