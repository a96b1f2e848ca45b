#include "unit.h"

namespace unit {

namespace {
int failures_in_case = 0;
}

std::vector<Case> &registry()
{
	static std::vector<Case> cases;
	return cases;
}

void fail(const char *file, int line, const std::string &what)
{
	failures_in_case++;
	std::cerr << "  " << file << ":" << line << ": expected " << what << "\n";
}

} // namespace unit

int main()
{
	int passed = 0, failed = 0;

	for (const unit::Case &test : unit::registry()) {
		unit::failures_in_case = 0;
		test.body();
		if (unit::failures_in_case == 0) {
			passed++;
		} else {
			failed++;
			std::cerr << "FAIL " << test.name << "\n";
		}
	}
	std::cout << "unit: " << passed << " passed, " << failed << " failed\n";
	return failed == 0 ? 0 : 1;
}
