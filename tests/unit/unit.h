// A minimal test harness for the socket-free C++ pieces: no dependency beyond the compiler.
#ifndef XPORT_UNIT_H
#define XPORT_UNIT_H

#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace unit {

struct Case {
	const char *name;
	std::function<void()> body;
};

std::vector<Case> &registry();
void fail(const char *file, int line, const std::string &what);

struct Registrar {
	Registrar(const char *name, std::function<void()> body) { registry().push_back({name, body}); }
};

} // namespace unit

#define UNIT_CONCAT_(a, b) a##b
#define UNIT_CONCAT(a, b) UNIT_CONCAT_(a, b)
#define TEST_CASE(name)                                                                            \
	static void UNIT_CONCAT(test_, __LINE__)();                                                    \
	static unit::Registrar UNIT_CONCAT(registrar_, __LINE__)(name, UNIT_CONCAT(test_, __LINE__));  \
	static void UNIT_CONCAT(test_, __LINE__)()

#define CHECK(condition)                                                                           \
	do {                                                                                           \
		if (!(condition))                                                                          \
			unit::fail(__FILE__, __LINE__, #condition);                                            \
	} while (0)

#define CHECK_EQ(actual, expected)                                                                 \
	do {                                                                                           \
		auto actual_value = (actual);                                                              \
		auto expected_value = (expected);                                                          \
		if (!(actual_value == expected_value))                                                     \
			unit::fail(__FILE__, __LINE__, #actual " == " #expected);                              \
	} while (0)

#endif
