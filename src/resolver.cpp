#include "resolver.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <unistd.h>

namespace xport {

namespace {

// Like PHP, ask for IPv4 only when this machine cannot even create an IPv6 socket. The
// answer cannot change while the process runs, so it is probed once.
bool machine_has_ipv6()
{
	static std::atomic<int> known{-1};
	int value = known.load(std::memory_order_relaxed);

	if (value < 0) {
		int probe = socket(AF_INET6, SOCK_DGRAM, 0);
		value = probe >= 0;
		if (probe >= 0) {
			close(probe);
		}
		known.store(value, std::memory_order_relaxed);
	}
	return value == 1;
}

void set_port(ResolvedAddress &entry, unsigned short port)
{
	if (entry.family == AF_INET) {
		reinterpret_cast<sockaddr_in *>(&entry.address)->sin_port = htons(port);
	} else if (entry.family == AF_INET6) {
		reinterpret_cast<sockaddr_in6 *>(&entry.address)->sin6_port = htons(port);
	}
}

} // namespace

Resolution resolve(const std::string &host, unsigned short port, int socktype)
{
	Resolution result;
	addrinfo hints{}, *list = nullptr;

	hints.ai_family = machine_has_ipv6() ? AF_UNSPEC : AF_INET;
	hints.ai_socktype = socktype;

	int status = getaddrinfo(host.c_str(), nullptr, &hints, &list);
	if (status != 0) {
		result.error = "php_network_getaddresses: getaddrinfo for " + host +
					   " failed: " + gai_strerror(status);
		return result;
	}
	if (list == nullptr) {
		result.error = "php_network_getaddresses: getaddrinfo for " + host +
					   " failed (null result pointer) errno=" + std::to_string(errno);
		return result;
	}
	for (addrinfo *item = list; item != nullptr; item = item->ai_next) {
		if (item->ai_addrlen > sizeof(sockaddr_storage)) {
			continue;
		}
		ResolvedAddress entry;
		std::memcpy(&entry.address, item->ai_addr, item->ai_addrlen);
		entry.length = item->ai_addrlen;
		entry.family = item->ai_family;
		set_port(entry, port);
		result.addresses.push_back(entry);
	}
	freeaddrinfo(list);
	return result;
}

} // namespace xport
