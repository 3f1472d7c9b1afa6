package com.midicenter.browser.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.library.export.ExportResult;
import com.midicenter.persistence.export.ExportSource;
import com.midicenter.persistence.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The export dialog's model: the live example of the first names, zip targets, names that were taken. */
class ExportPreviewTest {

    /** keyCode = tonic × 2 + minor: 18 = A minor (tonic 9), 0 = C major. */
    static SearchHit hit(long id, String name, Double bpm, Integer keyCode) {
        return new SearchHit(id, "/music/Pack/" + name, name, "Vendor", "Pack", bpm, keyCode, "4/4", 4, 8.0,
                List.of(), false, false, null, "done", null, null, null, null);
    }

    final List<ExportSource> sources = List.of(
            ExportPreview.source(hit(1, "Deep Bass.mid", 120.4, 19)),
            ExportPreview.source(hit(2, "Keys.MIDI", 95.0, 0)),
            ExportPreview.source(hit(3, "Deep Bass.mid", 120.0, 19)),
            ExportPreview.source(hit(4, "Odd", null, null)));

    @Test
    void names_bpmKeyNameTemplate_rendersEachWithItsExtensionAndDropsMissingValues() {
        // when
        List<ExportPreview.Example> names = ExportPreview.names("{bpm} {key} {name}", sources, 4, false, Set.of());

        // then: the second "120 Am Deep Bass" is taken by the first; a file without values keeps its name
        assertThat(names).extracting(ExportPreview.Example::name).containsExactly("120 Am Deep Bass.mid",
                "95 C Keys.midi", "120 Am Deep Bass (2).mid", "Odd.mid");
        assertThat(names).extracting(ExportPreview.Example::renamed).containsExactly(false, false, true, false);
    }

    @Test
    void names_folderHoldsTheName_showsTheSuffixTheExportWillUse() {
        List<ExportPreview.Example> names = ExportPreview.names("{n} {name}", sources.subList(0, 2), 120, false,
                Set.of("001 Deep Bass.mid"));

        assertThat(names).containsExactly(new ExportPreview.Example("001 Deep Bass (2).mid", true),
                new ExportPreview.Example("002 Keys.midi", false));
    }

    @Test
    void names_zip_ignoresTheFolderAndComparesNamesIgnoringCase() {
        List<ExportSource> two = List.of(ExportPreview.source(hit(1, "a.mid", null, null)),
                ExportPreview.source(hit(2, "A.mid", null, null)));

        List<ExportPreview.Example> names = ExportPreview.names("{name}", two, 2, true, Set.of("a.mid"));

        assertThat(names).extracting(ExportPreview.Example::name).containsExactly("a.mid", "A (2).mid");
    }

    @Test
    void names_unknownPlaceholder_saysWhichAndTheKnownOnes() {
        assertThatThrownBy(() -> ExportPreview.names("{tempo} {name}", sources, 4, false, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{tempo}")
                .hasMessageContaining("{bpm}");
    }

    @Test
    void zipTarget_existingZips_nextFreeNumberedName() {
        Path zip = Path.of("/tmp/out/Export.zip");
        Set<Path> existing = Set.of(zip, Path.of("/tmp/out/Export (2).zip"));

        assertThat(ExportPreview.zipTarget(zip, existing::contains)).isEqualTo(Path.of("/tmp/out/Export (3).zip"));
        assertThat(ExportPreview.zipTarget(zip, p -> false)).isEqualTo(zip);
        assertThat(ExportPreview.isZip(Path.of("a/B.ZIP"))).isTrue();
        assertThat(ExportPreview.isZip(Path.of("a/zip"))).isFalse();
    }

    @Test
    void renamed_resultWithATakenName_listsOnlyThatFile() {
        // given: what the service wrote for the first two sources, the first under another name
        ExportResult result = new ExportResult(Path.of("/tmp/x"), List.of(
                new ExportResult.Exported(1, "/music/Pack/Deep Bass.mid", "Deep Bass (2).mid", 10),
                new ExportResult.Exported(2, "/music/Pack/Keys.MIDI", "Keys.midi", 10)), List.of(), false);

        // when / then
        assertThat(ExportPreview.renamed(result, sources.subList(0, 2), "{name}"))
                .containsExactly("Deep Bass.mid → Deep Bass (2).mid");
    }
}
