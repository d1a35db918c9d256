/**
 * Test fixtures shared by every module's tests and the benchmarks (bot-core's test jar): loopback servers, a test
 * DNS server, pastes, sample reports, probe helpers and the architecture rules
 * ({@link dev.cftriage.testing.PublicApi}).
 */
package dev.cftriage.testing;
