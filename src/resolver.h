// Name resolution as PHP's network layer does it (getaddrinfo, AF_UNSPEC unless the
// machine has no IPv6), with failures worded as PHP words them.
#ifndef XPORT_RESOLVER_H
#define XPORT_RESOLVER_H

#include <sys/socket.h>
#include <string>
#include <vector>

namespace xport {

struct ResolvedAddress {
	sockaddr_storage address{};
	socklen_t length = 0;
	int family = AF_UNSPEC;
};

struct Resolution {
	std::vector<ResolvedAddress> addresses;
	// PHP's text, "php_network_getaddresses: getaddrinfo for H failed: ...", when empty.
	std::string error;
};

// Resolves `host` for sockets of `socktype`, every address with `port` filled in.
Resolution resolve(const std::string &host, unsigned short port, int socktype);

} // namespace xport

#endif
