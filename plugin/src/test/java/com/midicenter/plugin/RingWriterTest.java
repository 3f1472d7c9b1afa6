package com.midicenter.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring layout as native-bridge/src/mc_ring.h reads it (the C unit test covers the consumer). */
class RingWriterTest {

    private final List<String> logs = new ArrayList<>();
    private final List<byte[]> states = new ArrayList<>();

    private static ByteBuffer ring(int capacity) {
        ByteBuffer ring = ByteBuffer.allocateDirect(RingWriter.OFF_RECORDS + capacity * RingWriter.RECORD_BYTES)
                .order(ByteOrder.nativeOrder());
        ring.putInt(RingWriter.OFF_CAPACITY, capacity);
        ring.putInt(RingWriter.OFF_RECORD_SIZE, RingWriter.RECORD_BYTES);
        return ring;
    }

    private RingWriter writer(ByteBuffer ring) {
        return new RingWriter(ring, states::add, logs::add);
    }

    private static Pattern twoNotes() {
        return new Pattern(4.0, new double[] {0.0, 0.5}, new byte[] {(byte) 0x90, (byte) 0x80},
                new byte[] {60, 60}, new byte[] {100, 0}, 97.3);
    }

    private static int record(int index) {
        return RingWriter.OFF_RECORDS + index * RingWriter.RECORD_BYTES;
    }

    @Test
    void publish_pattern_writesBeginEventsEndAndAdvancesWriteIndex() {
        // given
        ByteBuffer ring = ring(8);
        // when
        writer(ring).publish(twoNotes());
        // then
        assertThat(ring.getInt(RingWriter.OFF_WRITE)).isEqualTo(4);
        assertThat(ring.get(record(0))).isEqualTo(RingWriter.BEGIN);
        assertThat(ring.getInt(record(0) + 4)).isEqualTo(2);
        assertThat(ring.getDouble(record(0) + 8)).isEqualTo(4.0);
        assertThat(ring.get(record(1))).isEqualTo(RingWriter.EVENT);
        assertThat(ring.get(record(1) + 1)).isEqualTo((byte) 0x90);
        assertThat(ring.get(record(1) + 2)).isEqualTo((byte) 60);
        assertThat(ring.get(record(1) + 3)).isEqualTo((byte) 100);
        assertThat(ring.getDouble(record(2) + 8)).isEqualTo(0.5);
        assertThat(ring.get(record(3))).isEqualTo(RingWriter.END);
        assertThat(ring.getDouble(record(3) + 8)).isEqualTo(97.3);
    }

    @Test
    void publish_ringWithoutRoom_dropsWholePatternAndLogs() {
        // given: 8 records, 4 used and not read
        ByteBuffer ring = ring(8);
        RingWriter writer = writer(ring);
        writer.publish(twoNotes());
        writer.publish(twoNotes());
        // when
        writer.publish(twoNotes());
        // then
        assertThat(ring.getInt(RingWriter.OFF_WRITE)).isEqualTo(8);
        assertThat(writer.dropped()).isEqualTo(1);
        assertThat(logs).singleElement().asString().contains("dropped");
    }

    @Test
    void publish_afterConsumerRead_wrapsAround() {
        // given
        ByteBuffer ring = ring(8);
        RingWriter writer = writer(ring);
        writer.publish(twoNotes());
        writer.publish(twoNotes());
        ring.putInt(RingWriter.OFF_READ, 8); // the audio thread took both
        // when
        writer.publish(twoNotes());
        writer.audition(true);
        // then
        assertThat(ring.getInt(RingWriter.OFF_WRITE)).isEqualTo(13);
        assertThat(ring.get(record(0))).isEqualTo(RingWriter.BEGIN);
        assertThat(ring.get(record(4))).isEqualTo(RingWriter.AUDITION_ON);
    }

    @Test
    void close_thenCalls_touchNothing() {
        // given
        ByteBuffer ring = ring(8);
        RingWriter writer = writer(ring);
        // when
        writer.close();
        writer.publish(twoNotes());
        writer.clear();
        writer.stateChanged(new byte[] {1});
        writer.log("x");
        // then
        assertThat(ring.getInt(RingWriter.OFF_WRITE)).isZero();
        assertThat(states).isEmpty();
        assertThat(logs).isEmpty();
    }

    @Test
    void stateChanged_givesACopy() {
        // given
        byte[] state = "plugin.selected.path=/a.mid".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // when
        writer(ring(8)).stateChanged(state);
        state[0] = 'X';
        // then
        assertThat(states).singleElement().satisfies(s -> assertThat(s[0]).isEqualTo((byte) 'p'));
    }

    @Test
    void new_ringWithoutCapacity_isRefused() {
        assertThatThrownBy(() -> writer(ByteBuffer.allocateDirect(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity=0");
    }
}
