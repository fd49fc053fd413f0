package org.gridmend.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file outside the database where the audit chain's heads are published ({@code gridmend.audit.head-file}):
 * one JSON line per head ({@code HEAD}, seq and hash) and one per reseal under a new key ({@code RESEALED}), after
 * which the heads before it no longer count. Without a file, heads go to the log only.
 */
class AuditHeadFile {

    private static final Logger log = LoggerFactory.getLogger(AuditHeadFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** {@code path}: the configured file, or null/blank for none. */
    AuditHeadFile(String path) {
        this.file = path == null || path.isBlank() ? null : Path.of(path.trim());
    }

    /** Where the heads are published, or null for the log only. */
    String path() {
        return file == null ? null : file.toString();
    }

    /** A {@code HEAD} line: the chain's seq and hash as published. */
    void appendHead(AuditChain.PublishedHead head) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "HEAD");
        line.put("at", head.at().toString());
        line.put("seq", head.seq());
        line.put("hash", head.hash());
        append(line);
    }

    void append(Map<String, Object> line) {
        Path file = this.file;
        if (file == null) {
            return;
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(
                    file,
                    JSON.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            log.error("audit chain head not written to {}: {}", file, e.toString());
        }
    }

    /** The heads published to the head file since its last reseal, by seq. */
    Map<Long, String> published() {
        Path file = this.file;
        Map<Long, String> heads = new HashMap<>();
        if (file == null) {
            return heads;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return heads;
        } catch (IOException e) {
            throw new IllegalStateException("the audit head file " + file + " cannot be read: " + e, e);
        }
        for (String text : lines) {
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode line = JSON.readTree(text);
                if ("RESEALED".equals(line.path("type").asText())) {
                    heads.clear(); // heads before a reseal were hashes under the old key
                } else if ("HEAD".equals(line.path("type").asText())) {
                    heads.put(line.path("seq").asLong(), line.path("hash").asText());
                }
            } catch (IOException e) {
                log.warn("audit head file {}: a line that is not JSON was skipped", file);
            }
        }
        return heads;
    }
}
