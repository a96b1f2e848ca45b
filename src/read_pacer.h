// Decides, read by read, whether a blocking read tries recv() first or polls first.
//
// When data streams in, recv() first finds it waiting and the poll() PHP's built-in
// transport always makes is one system call too many. In a request/response exchange the
// reply is rarely there yet: recv() first then only says EAGAIN, and polling first is
// cheaper. The pacer watches which case the stream is in: a recv()-first read that found
// nothing switches it to polling first; a run of reads after a poll that each filled the
// whole buffer (so more may be waiting) switches it back. Each wrong guess of recv()-first
// doubles the run it takes before the next one, so a stream of exact-size replies settles
// on polling first, and one that found data waiting resets the run.
//
// All-zero memory is its initial state (recv() first), so it may live inside a stream's
// pecalloc()ed data.
#ifndef XPORT_READ_PACER_H
#define XPORT_READ_PACER_H

#include <cstddef>
#include <cstdint>

namespace xport {

class ReadPacer {
  public:
	// The longest run of full reads asked for is 1 << kMaxBackoff.
	static constexpr uint8_t kMaxBackoff = 6;

	bool poll_first() const { return poll_first_; }

	// A read that tried recv() first found data waiting.
	void data_was_waiting() { backoff_ = 0; }

	// A read that tried recv() first found nothing: the next reads poll first.
	void nothing_was_waiting()
	{
		poll_first_ = true;
		full_reads_ = 0;
		if (backoff_ < kMaxBackoff) {
			++backoff_;
		}
	}

	// A read that polled first returned `received` bytes of the `requested`.
	void read_after_poll(size_t received, size_t requested)
	{
		if (received < requested) {
			full_reads_ = 0;
			return;
		}
		if (++full_reads_ >= (1u << backoff_)) {
			poll_first_ = false;
			full_reads_ = 0;
		}
	}

  private:
	bool poll_first_;
	uint8_t full_reads_;
	uint8_t backoff_;
};

} // namespace xport

#endif
