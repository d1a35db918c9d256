package dev.cftriage.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.cftriage.TriageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form {@code /cftriage} opens when typed without text: the error code, the host or URL, the origin and a paste.
 * Its submission becomes the same request the command would make, or the errors Slack shows beside the fields. The
 * channel the command was typed in travels in the view's private metadata. Stateless and thread-safe.
 */
final class TriageModal {
    /** The callback id of the view. */
    static final String CALLBACK = "cftriage_modal";
    static final String CODE = "code";
    static final String HOST = "host";
    static final String ORIGIN = "origin";
    static final String PASTE = "paste";
    /** The action id of every field's input (each field is its own block). */
    static final String VALUE = "value";
    /** The longest channel id kept in the metadata (Slack's ids are about 11 characters). */
    private static final int MAX_CHANNEL_CHARS = 64;

    private TriageModal() {
    }

    /** The form, remembering the channel the command was typed in. */
    static View view(String channel) {
        List<LayoutBlock> fields = List.of(
                field(CODE, "Error code", "521", false, 8),
                field(HOST, "Host or URL", "shop.example.com or https://shop.example.com/cart", false, 1000),
                field(ORIGIN, "Origin address (if you know it)", "203.0.113.7", false, 255),
                field(PASTE, "Or paste the error page, headers or Ray ID", "Error 521 … Ray ID: …", true, 3000));
        return View.builder().type("modal").callbackId(CALLBACK).privateMetadata(channel)
                .title(viewTitle(t -> t.type("plain_text").text("Triage a Cloudflare error")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Triage")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(fields).build();
    }

    /**
     * What a submission asks for.
     *
     * @param request the request, or null when {@code errors} is not empty
     * @param channel where the command was typed, or null when the view carries none
     * @param errors field id to the line Slack shows under it; empty when the form is usable
     */
    record Submission(TriageRequest request, String channel, Map<String, String> errors) {
    }

    /** Reads a submitted form; never throws for what a user typed. */
    static Submission read(View submitted) {
        ViewState state = submitted.getState();
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        String code = value(values, CODE);
        String host = value(values, HOST);
        String origin = value(values, ORIGIN);
        String paste = value(values, PASTE);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer number = null;
        if (!code.isEmpty()) {
            if (code.length() > 4 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                errors.put(CODE, "A code is a number, such as 521 or 1016.");
            } else {
                number = Integer.valueOf(code);
            }
        }
        if (host.isEmpty() && paste.isEmpty()) {
            errors.put(HOST, "Give a host or URL, or paste the error below.");
        }
        String metadata = submitted.getPrivateMetadata();
        String channel = metadata == null || metadata.isBlank() || metadata.length() > MAX_CHANNEL_CHARS ? null
                : metadata;
        if (!errors.isEmpty()) {
            return new Submission(null, channel, Map.copyOf(errors));
        }
        String text = host.isEmpty() ? paste : paste.isEmpty() ? host : host + "\n" + paste;
        return new Submission(new TriageRequest(text, number, origin.isEmpty() ? List.of() : List.of(origin)), channel,
                Map.of());
    }

    private static LayoutBlock field(String id, String label, String hint, boolean multiline, int maxLength) {
        return input(i -> i.blockId(id).optional(true).label(plainText(label)).element(plainTextInput(p -> p
                .actionId(VALUE).multiline(multiline).maxLength(maxLength).placeholder(plainText(hint)))));
    }

    private static String value(Map<String, Map<String, ViewState.Value>> values, String field) {
        ViewState.Value v = values.getOrDefault(field, Map.of()).get(VALUE);
        return v == null || v.getValue() == null ? "" : v.getValue().strip();
    }
}
