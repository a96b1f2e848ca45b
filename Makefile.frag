# Unit tests for the socket-free C++ pieces (address parsing, the attempt scheduler, the
# read pacer).
XPORT_UNIT_SOURCES = $(srcdir)/tests/unit/unit_main.cpp $(srcdir)/tests/unit/address_test.cpp \
	$(srcdir)/tests/unit/happy_eyeballs_test.cpp $(srcdir)/tests/unit/read_pacer_test.cpp \
	$(srcdir)/src/address.cpp \
	$(srcdir)/src/happy_eyeballs.cpp

$(builddir)/tests/unit/unit_tests: $(XPORT_UNIT_SOURCES) $(srcdir)/src/address.h $(srcdir)/src/happy_eyeballs.h \
	$(srcdir)/src/read_pacer.h
	$(CXX) -std=c++17 -Wall -Wextra -Werror -g -I$(srcdir)/src -o $@ $(XPORT_UNIT_SOURCES)

unit-test: $(builddir)/tests/unit/unit_tests
	$(builddir)/tests/unit/unit_tests
