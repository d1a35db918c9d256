package dev.cftriage.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The codes with a chat command of their own, with the catalog's titles. */
class CommandCodeTest {

    @Test
    void theCommandCodesAreThe52xCodesInOrderWithTheCatalogsTitles() {
        assertEquals(List.of(520, 521, 522, 523, 524, 525, 526, 527, 530),
                CommandCode.all().stream().map(CommandCode::code).toList());
        assertEquals(new CommandCode(522, "Connection timed out"), CommandCode.all().get(2));
    }
}
