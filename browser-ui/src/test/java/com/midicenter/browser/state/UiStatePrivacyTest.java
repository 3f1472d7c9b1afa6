package com.midicenter.browser.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved state holds the user's last search and filters: the file is the user's alone (0600), whatever was there. */
class UiStatePrivacyTest {

    @TempDir
    Path tmp;

    @Test
    void save_newFile_isOwnerOnly() throws Exception {
        // given
        Path file = tmp.resolve("ui-state.properties");

        // when
        new UiState().put("search.text", "my secret search").save(file);

        // then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void save_overAWorldReadableFile_leavesItOwnerOnly() throws Exception {
        // given
        Path file = Files.writeString(tmp.resolve("ui-state.properties"), "search.text=old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        // when
        new UiState().put("search.text", "new").save(file);

        // then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(UiState.load(file).get("search.text", null)).isEqualTo("new");
    }
}
