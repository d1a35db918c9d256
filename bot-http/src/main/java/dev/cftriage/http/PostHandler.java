package dev.cftriage.http;

/**
 * Handles an authenticated POST on a worker thread. What it throws is answered 500 with a short plain body and logged
 * by class name only; a handler that can tell bad input from its own failure answers 400 itself.
 */
@FunctionalInterface
public interface PostHandler {
    HttpAnswer handle(IncomingRequest request, byte[] body) throws Exception;
}
