#include "read_pacer.h"

#include <cstring>

#include "unit.h"

using namespace xport;

namespace {

// As a stream's data holds it: zeroed memory, not a constructor.
ReadPacer zeroed_pacer()
{
	ReadPacer pacer;
	std::memset(static_cast<void *>(&pacer), 0, sizeof pacer);
	return pacer;
}

} // namespace

TEST_CASE("a new stream tries recv first and keeps doing so while data is waiting")
{
	ReadPacer pacer = zeroed_pacer();
	CHECK(!pacer.poll_first());
	for (int i = 0; i < 100; i++) {
		pacer.data_was_waiting();
		CHECK(!pacer.poll_first());
	}
}

TEST_CASE("a recv that found nothing makes the next reads poll first")
{
	ReadPacer pacer = zeroed_pacer();
	pacer.nothing_was_waiting();
	CHECK(pacer.poll_first());
	// Short reads drain the socket: the stream keeps polling first.
	for (int i = 0; i < 100; i++) {
		pacer.read_after_poll(64, 8192);
		CHECK(pacer.poll_first());
	}
}

TEST_CASE("full reads after a poll switch back to recv first, after a run that doubles")
{
	ReadPacer pacer = zeroed_pacer();
	pacer.nothing_was_waiting(); // first wrong guess: a run of 2
	pacer.read_after_poll(8192, 8192);
	CHECK(pacer.poll_first());
	pacer.read_after_poll(8192, 8192);
	CHECK(!pacer.poll_first());

	pacer.nothing_was_waiting(); // second wrong guess: a run of 4
	for (int i = 0; i < 3; i++) {
		pacer.read_after_poll(64, 64);
		CHECK(pacer.poll_first());
	}
	pacer.read_after_poll(64, 64);
	CHECK(!pacer.poll_first());
}

TEST_CASE("a short read restarts the run")
{
	ReadPacer pacer = zeroed_pacer();
	pacer.nothing_was_waiting();
	pacer.read_after_poll(8192, 8192);
	pacer.read_after_poll(10, 8192);
	pacer.read_after_poll(8192, 8192);
	CHECK(pacer.poll_first());
	pacer.read_after_poll(8192, 8192);
	CHECK(!pacer.poll_first());
}

TEST_CASE("exact-size replies settle on polling first, with a rare recv-first guess")
{
	ReadPacer pacer = zeroed_pacer();
	int recv_first_reads = 0;
	for (int i = 0; i < 10000; i++) {
		if (pacer.poll_first()) {
			pacer.read_after_poll(64, 64);
		} else {
			recv_first_reads++;
			pacer.nothing_was_waiting(); // the reply is never there yet
		}
	}
	// Runs of 2, 4, ..., 64 reads, then one guess per 65 reads.
	CHECK(recv_first_reads < 10000 / 64 + 8);
	CHECK(recv_first_reads > 10000 / 65 - 1);
}

TEST_CASE("data found waiting resets the run to its shortest")
{
	ReadPacer pacer = zeroed_pacer();
	for (int i = 0; i < 10; i++) {
		pacer.nothing_was_waiting();
	}
	pacer.data_was_waiting();
	pacer.nothing_was_waiting();
	pacer.read_after_poll(100, 100);
	CHECK(pacer.poll_first());
	pacer.read_after_poll(100, 100);
	CHECK(!pacer.poll_first());
}
