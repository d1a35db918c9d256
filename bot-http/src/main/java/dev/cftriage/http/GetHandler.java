package dev.cftriage.http;

/** Handles a GET on a worker thread (health, readiness, metrics). What it throws is answered 500. */
@FunctionalInterface
public interface GetHandler {
    HttpAnswer handle(IncomingRequest request) throws Exception;
}
