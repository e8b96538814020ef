package com.storefront.display.migrations.cql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned CQL script, {@code V<version>__<description>.cql}.
 *
 * @param version   the order in which scripts run; unique
 * @param name      the file name, for messages
 * @param script    the script text (line endings normalised)
 * @param checksum  SHA-256 of the script, recorded when applied and compared on every later run
 */
public record CqlMigration(int version, String name, String script, String checksum) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.cql");

    /** Parses a script; the name must follow {@code V<version>__<description>.cql}. */
    public static CqlMigration of(String fileName, String content) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("CQL migration '" + fileName
                    + "' is not named V<version>__<description>.cql");
        }
        String script = content.replace("\r\n", "\n");
        return new CqlMigration(Integer.parseInt(matcher.group(1)), fileName, script, sha256(script));
    }

    /**
     * The statements of the script: comment lines dropped, split at semicolons that end a line.
     * Scripts therefore keep a statement's closing semicolon at the end of its line.
     */
    public List<String> statements() {
        StringBuilder withoutComments = new StringBuilder();
        script.lines().map(String::strip)
                .filter(line -> !line.startsWith("--") && !line.startsWith("//"))
                .forEach(line -> withoutComments.append(line).append('\n'));
        return Arrays.stream(withoutComments.toString().split(";\\s*\\n"))
                .map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
