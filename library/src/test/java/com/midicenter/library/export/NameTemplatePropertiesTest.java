package com.midicenter.library.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.persistence.export.ExportSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Export names cannot leave the chosen folder or zip: for hostile templates (path separators, {@code ..}, drive
 * letters, UNC prefixes, NUL and control characters, look-alike slashes, every placeholder) and hostile vendor,
 * pack and file names, the rendered name is one plain file name: {@link ExportService#inside} accepts it in a
 * folder, and as a zip member it extracts (resolved against a folder, as an unzip tool does) directly into that
 * folder.
 */
class NameTemplatePropertiesTest {

    private static final String[] FRAGMENTS = {"../", "..", ".", "/", "\\", "C:", "C:\\", "\\\\server\\share\\", "~",
        "$HOME", "%2e%2e%2f", "\u0000", "\n", "\t", " ", "-", "_", "a", "Bass", "ü", "🥁", "\u202E", "\uFF0F", "\u2215",
        "{name}", "{vendor}", "{pack}", "{bpm}", "{key}", "{bars}", "{n}"};

    private static final Path FOLDER = Path.of("/export/target");

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(14).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> hostile = Arbitraries.of(FRAGMENTS).filter(f -> !f.startsWith("{")).list().ofMaxSize(10)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(hostile, Arbitraries.strings().all().ofMaxLength(300), Arbitraries.just(""));
    }

    @Provide
    Arbitrary<ExportSource> sources() {
        return Combinators.combine(values(), values(), values(), Arbitraries.longs().between(1, Long.MAX_VALUE))
                .as((name, vendor, pack, id) -> new ExportSource(id, "/lib/x.mid", name.isEmpty() ? null : name,
                        vendor.isEmpty() ? null : vendor, pack, 120.0, 19, 4));
    }

    @Property(tries = 3000, seed = "20261127")
    void render_hostileTemplateAndValues_staysInsideFolderAndZip(@ForAll("templates") String template,
                                                               @ForAll("sources") ExportSource source) throws IOException {
        // given
        NameTemplate names = NameTemplate.parse(template);

        // when
        String name = names.render(source, 1, 1) + ExportService.extension(source.name());

        // then: one plain name, accepted directly in the folder
        assertThat(name).doesNotContain("/", "\\", "\u0000").doesNotStartWith(".").isNotBlank();
        assertThat(name.chars()).noneMatch(Character::isISOControl);
        assertThat(name.length()).isLessThanOrEqualTo(NameTemplate.MAX_NAME + 6);
        assertThat(ExportService.inside(FOLDER, name).getParent()).isEqualTo(FOLDER);
        // and as a zip member: extracted beside the others, nowhere else
        String member = zipRoundTrip(name);
        assertThat(member).isEqualTo(name);
        assertThat(FOLDER.resolve(member).normalize().getParent()).isEqualTo(FOLDER);
    }

    private static String zipRoundTrip(String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(1);
            zip.closeEntry();
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.getNextEntry().getName();
        }
    }
}
