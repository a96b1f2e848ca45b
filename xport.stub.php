<?php

/** @generate-class-entries */

/**
 * What xport knows about one of its streams: transport, role, addresses, and each
 * connect attempt with its result and duration. False for streams xport did not make.
 *
 * @param resource $stream
 */
function xport_stream_info($stream): array|false {}

/** The reason of the last failed xport operation in this request, or null. */
function xport_last_error(): ?array {}
