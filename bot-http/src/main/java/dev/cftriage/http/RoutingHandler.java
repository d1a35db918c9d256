package dev.cftriage.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The server's one Jetty handler: finds the route by exact path and method, then for a POST refuses by declared
 * length, authenticates the headers, reads the body without blocking (capped, rate-bounded), authenticates it and
 * only then calls the handler. Thread-safe.
 */
final class RoutingHandler extends Handler.Abstract {
    private final Map<String, Route> routes;
    private final HttpLimits limits;
    private final AtomicLong buffered = new AtomicLong();

    RoutingHandler(Map<String, Route> routes, HttpLimits limits) {
        this.routes = Map.copyOf(routes);
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        IncomingRequest in = incoming(request);
        Exchange exchange = new Exchange(in, request.getLength(), response, callback);
        Route route = routes.get(in.path());
        if (route == null) {
            exchange.refuse(404, "no route", 0);
        } else if (route instanceof Route.Post post && in.method().equals("POST")) {
            post(request, exchange, post);
        } else if (route instanceof Route.Get get && (in.method().equals("GET") || in.method().equals("HEAD"))) {
            answer(exchange, () -> get.handler().handle(in), 0);
        } else {
            response.getHeaders().put(HttpHeader.ALLOW, route instanceof Route.Post ? "POST" : "GET, HEAD");
            exchange.refuse(405, "method not allowed", 0);
        }
        return true;
    }

    private void post(Request request, Exchange exchange, Route.Post route) {
        if (request.getLength() > route.maxBodyBytes()) {
            exchange.refuse(413, "declared length over " + route.maxBodyBytes(), 0);
            return;
        }
        if (route.authenticator().beforeBody(exchange.request()) instanceof Authentication.Refused refused) {
            exchange.refuse(401, refused.reason(), 0);
            return;
        }
        new BodyReader(request, route.maxBodyBytes(), limits, buffered, outcome -> {
            if (outcome instanceof BodyOutcome.Complete complete) {
                byte[] body = complete.body();
                if (route.authenticator().check(exchange.request(), body) instanceof Authentication.Refused refused) {
                    exchange.refuse(401, refused.reason(), body.length);
                } else {
                    answer(exchange, () -> route.handler().handle(exchange.request(), body), body.length);
                }
            } else if (outcome instanceof BodyOutcome.TooLarge tooLarge) {
                exchange.refuse(413, "body over " + route.maxBodyBytes(), tooLarge.read());
            } else if (outcome instanceof BodyOutcome.TooSlow tooSlow) {
                exchange.refuse(408, "body too slow", tooSlow.read());
            } else if (outcome instanceof BodyOutcome.Busy busy) {
                exchange.refuse(503, "body budget full", busy.read());
            } else if (outcome instanceof BodyOutcome.Failed failed) {
                exchange.refuse(400, "connection failed while reading the body", failed.read());
            }
        }).start(request.getComponents().getScheduler());
    }

    /** Runs the handler and sends its answer; what it throws becomes a 500 logged by class name. */
    private static void answer(Exchange exchange, HandlerCall call, long read) {
        HttpAnswer answer;
        try {
            answer = call.run();
        } catch (Exception | LinkageError e) {
            exchange.refuse(500, "handler threw " + e.getClass().getSimpleName(), read);
            return;
        }
        exchange.answer(answer, read);
    }

    private static IncomingRequest incoming(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>()).add(field.getValue());
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), field.getValues());
        }
        String path = request.getHttpURI().getPath();
        return new IncomingRequest(request.getMethod(), path == null ? "" : path, headers, query,
                Request.getRemoteAddr(request));
    }

    /** A handler call. */
    @FunctionalInterface
    private interface HandlerCall {
        HttpAnswer run() throws Exception;
    }
}
