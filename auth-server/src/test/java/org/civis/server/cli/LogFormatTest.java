package org.civis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The server's own logback.xml, read as the server reads it, under each CIVIS_LOG_FORMAT. */
class LogFormatTest {

    @Test
    void jsonFormatWritesOneObjectPerLineWithLevelLoggerAndMessage() throws Exception {
        List<String> lines = logWith("json");

        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonObject event = new JsonObject(line);
            assertThat(event.getString("level")).isIn("INFO", "WARN");
            assertThat(event.getString("loggerName")).isEqualTo("org.civis.server.SomeComponent");
            assertThat(event.getString("formattedMessage")).isNotBlank();
            assertThat(event.getLong("timestamp")).isPositive();
        }
        JsonObject quoted = new JsonObject(lines.get(1));
        assertThat(quoted.getString("formattedMessage")).isEqualTo("a \"quoted\"\nand broken line: 2 of 3");
        JsonObject failed = new JsonObject(lines.get(2));
        assertThat(failed.getString("level")).isEqualTo("WARN");
        assertThat(failed.getJsonObject("throwable").getString("className"))
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void textIsTheDefaultAndWhatAnUnknownFormatGets() throws Exception {
        for (String format : new String[] {null, "xml"}) {
            List<String> lines = logWith(format);
            assertThat(lines.get(0)).contains("INFO").contains("started").doesNotStartWith("{");
        }
    }

    /** Configures a fresh logging context from the main logback.xml and returns what it wrote to stderr. */
    private static List<String> logWith(String format) throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // SLF4J's binding sets one; a bare context has none
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            if (format != null) {
                context.putProperty(LogFormat.VARIABLE, format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            Logger log = context.getLogger("org.civis.server.SomeComponent");
            log.info("started");
            log.info("a \"quoted\"\nand broken line: {} of {}", 2, 3);
            log.warn("a component did not stop cleanly", new IllegalStateException("boom"));
        } finally {
            context.stop();
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
