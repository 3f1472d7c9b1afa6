package com.midicenter.browser.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiStateTest {

    @TempDir
    Path tmp;

    @Test
    void saveThenLoad_keepsEveryValueIncludingAwkwardText() throws Exception {
        UiState s = new UiState().put("search.text", "bass = 120 \\ ünïcode\nline").put("window.width", 1280)
                .put("theme.dark", true);
        Path file = tmp.resolve("sub/ui.properties");
        s.save(file);
        UiState back = UiState.load(file);
        assertThat(back.get("search.text", null)).isEqualTo("bass = 120 \\ ünïcode\nline");
        assertThat(back.getInt("window.width", 0, 100, 10_000)).isEqualTo(1280);
        assertThat(back.getBoolean("theme.dark", false)).isTrue();
        assertThat(UiState.fromText(s.toText()).get("search.text", null)).isEqualTo("bass = 120 \\ ünïcode\nline");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void load_missingOrDamagedOrOutOfRange_givesDefaults() throws Exception {
        assertThat(UiState.load(tmp.resolve("none")).isEmpty()).isTrue();
        Path bad = Files.write(tmp.resolve("bad"), new byte[] {'a', '=', '\\', 'u', '1', '2'});
        assertThat(UiState.load(bad).get("a", "default")).isEqualTo("default");
        Path odd = Files.writeString(tmp.resolve("odd"), "window.width=-5\nwindow.height=abc\n", StandardCharsets.UTF_8);
        UiState s = UiState.load(odd);
        assertThat(s.getInt("window.width", 900, 100, 10_000)).isEqualTo(900);
        assertThat(s.getInt("window.height", 700, 100, 10_000)).isEqualTo(700);
        assertThat(UiState.fromText("x=\\u12").isEmpty()).isTrue();
    }
}
