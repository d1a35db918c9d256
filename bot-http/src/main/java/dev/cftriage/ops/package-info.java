/**
 * What the people who run the bots need, shared by both: Prometheus metrics ({@link dev.cftriage.ops.BotMetrics}),
 * health and readiness ({@link dev.cftriage.ops.OpsRoutes}), a backend that counts refusals and one that drains on
 * shutdown, and the TERM handling ({@link dev.cftriage.ops.GracefulShutdown}). Not on the CLI's path.
 */
package dev.cftriage.ops;
