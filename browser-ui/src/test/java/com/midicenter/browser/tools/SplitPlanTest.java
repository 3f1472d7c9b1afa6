package com.midicenter.browser.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.midi.Division;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.SmfBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The split dialog's model: the parts listed before writing, the default folder, writing without overwriting. */
class SplitPlanTest {

    @TempDir
    Path dir;

    /** A format-1 song: a conductor track, "Bass" (channel 2, 3 notes), an unnamed piano (channel 1, 2 notes). */
    static byte[] song() {
        SmfBuilder smf = new SmfBuilder(1, Division.ppq(480));
        smf.addTrack().tempoBpm(0, 96).timeSignature(0, 4, 4);
        SmfBuilder.Track bass = smf.addTrack().trackName("Bass");
        for (int i = 0; i < 3; i++) {
            bass.note(i * 480L, 1, 36 + i, 100, 240);
        }
        SmfBuilder.Track piano = smf.addTrack().programChange(0, 0, 0);
        piano.note(0, 0, 60, 90, 480).note(480, 0, 64, 90, 480);
        return smf.toBytes();
    }

    @Test
    void of_multiTrackSong_listsOnePartPerTrackWithNotesAndChannel() throws Exception {
        // given / when
        SplitPlan plan = SplitPlan.of(song(), "My Song.mid");

        // then: the conductor track gives no part; names from the track name, else the instrument
        assertThat(plan.songName()).isEqualTo("My Song");
        assertThat(plan.rows()).containsExactly(
                new SplitPlan.Row("My Song - 01 Bass.mid", 2, "2", 3),
                new SplitPlan.Row("My Song - 02 Piano.mid", 3, "1", 2));
        assertThat(plan.notes()).isEqualTo(5);
        assertThat(new MidiReader().read(plan.parts().get(0).bytes()).trackCount()).isEqualTo(2);
    }

    @Test
    void of_notMidi_throwsMidiFormatException() {
        assertThatThrownBy(() -> SplitPlan.of("hello".getBytes(), "x.mid")).isInstanceOf(MidiFormatException.class);
    }

    @Test
    void songName_pathsArchiveMembersAndNoExtension_lastNameWithoutExtension() {
        assertThat(SplitPlan.songName("Groove 01.mid")).isEqualTo("Groove 01");
        assertThat(SplitPlan.songName("/music/pack.zip!/Drums/Fill.MID")).isEqualTo("Fill");
        assertThat(SplitPlan.songName("README")).isEqualTo("README");
        assertThat(SplitPlan.songName(".mid")).isEqualTo(".mid");
        assertThat(SplitPlan.songName("")).isEqualTo("Song");
    }

    @Test
    void defaultFolder_unsafeSongName_isASafeFolderUnderSplits() {
        Path splits = Path.of("/home/u/.local/share/midicenter/splits");
        assertThat(SplitPlan.defaultFolder(splits, "Bass: Deep/Dark")).isEqualTo(splits.resolve("Bass Deep Dark"));
        assertThat(SplitPlan.defaultFolder(splits, "..")).isEqualTo(splits.resolve("Song"));
    }

    @Test
    void write_namesTaken_writesBesideWithSuffixAndKeepsTheOldFiles() throws Exception {
        // given: the first part's name is taken
        SplitPlan plan = SplitPlan.of(song(), "My Song.mid");
        Path folder = dir.resolve("splits/My Song");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("My Song - 01 Bass.mid"), "mine");

        // when
        List<Path> written = plan.write(folder);

        // then
        assertThat(written).containsExactly(folder.resolve("My Song - 01 Bass (2).mid"),
                folder.resolve("My Song - 02 Piano.mid"));
        assertThat(Files.readString(folder.resolve("My Song - 01 Bass.mid"))).isEqualTo("mine");
        assertThat(Files.readAllBytes(written.get(1))).isEqualTo(plan.parts().get(1).bytes());
    }
}
