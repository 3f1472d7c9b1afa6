package com.midicenter.plugin;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The producer end of an instance's single-producer/single-consumer ring in native memory; the consumer is the
 * plugin's audio thread ({@code mc_sched_drain} in {@code native-bridge/src/mc_sched.c}). The layout is a contract
 * with {@code native-bridge/src/mc_ring.h}:
 *
 * <pre>
 *   0    int   write index   (this side: setRelease; C: load-acquire)
 *   64   int   read index    (C: store-release; this side: getAcquire)
 *   128  int   capacity in records (power of two)
 *   132  int   record size (16)
 *   192  records, 16 bytes each: byte type, byte status, byte data1, byte data2, int count, double value
 *        BEGIN(count = events, value = loop length in beats), EVENT(status/data, value = beat),
 *        END(count = events, value = the pattern's bpm), CLEAR, AUDITION_ON, AUDITION_OFF
 * </pre>
 *
 * Indices count records and wrap at 2^32; the slot is {@code index & (capacity - 1)}. A pattern's records become
 * visible to the audio thread all at once, with the release store of the write index after them.
 *
 * <p>Never blocks: when the ring lacks room (the host has not processed for a while) a record is dropped with a log
 * line. The ring holds two largest patterns, so this means the host stopped calling the plugin.
 *
 * <p>[any thread] Calls are serialised on this object (one producer), and {@link #close()} waits for a running call:
 * after it returns nothing touches the ring or the natives again.
 */
public final class RingWriter implements NativeSide {

    static final int OFF_WRITE = 0;
    static final int OFF_READ = 64;
    static final int OFF_CAPACITY = 128;
    static final int OFF_RECORD_SIZE = 132;
    static final int OFF_RECORDS = 192;
    static final int RECORD_BYTES = 16;

    static final byte BEGIN = 1;
    static final byte EVENT = 2;
    static final byte END = 3;
    static final byte CLEAR = 4;
    static final byte AUDITION_ON = 5;
    static final byte AUDITION_OFF = 6;

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final ByteBuffer ring;
    private final int mask;
    private final Consumer<byte[]> stateSink;
    private final Consumer<String> logSink;
    private boolean closed;
    private long dropped;

    /**
     * @param ring      the native ring (a direct buffer over C memory), laid out as above with its capacity set
     * @param stateSink receives state copies ({@link #stateChanged})
     * @param logSink   receives log lines
     */
    RingWriter(ByteBuffer ring, Consumer<byte[]> stateSink, Consumer<String> logSink) {
        this.ring = Objects.requireNonNull(ring, "ring").duplicate().order(ByteOrder.nativeOrder());
        this.stateSink = Objects.requireNonNull(stateSink, "stateSink");
        this.logSink = Objects.requireNonNull(logSink, "logSink");
        int capacity = this.ring.getInt(OFF_CAPACITY);
        int recordSize = this.ring.getInt(OFF_RECORD_SIZE);
        if (capacity <= 0 || Integer.bitCount(capacity) != 1 || recordSize != RECORD_BYTES
                || this.ring.capacity() < OFF_RECORDS + (long) capacity * RECORD_BYTES) {
            throw new IllegalArgumentException("ring: capacity=" + capacity + " recordSize=" + recordSize
                    + " bytes=" + this.ring.capacity());
        }
        this.mask = capacity - 1;
    }

    @Override
    public synchronized void publish(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (closed) {
            return;
        }
        int n = pattern.size();
        int write = (int) INT.get(ring, OFF_WRITE);
        if (!hasRoom(write, n + 2)) {
            drop("pattern of " + n + " events");
            return;
        }
        put(write++, BEGIN, (byte) 0, (byte) 0, (byte) 0, n, pattern.lengthBeats());
        double[] beats = pattern.beats();
        byte[] status = pattern.status();
        byte[] data1 = pattern.data1();
        byte[] data2 = pattern.data2();
        for (int i = 0; i < n; i++) {
            put(write++, EVENT, status[i], data1[i], data2[i], 0, beats[i]);
        }
        put(write++, END, (byte) 0, (byte) 0, (byte) 0, n, pattern.bpm());
        INT.setRelease(ring, OFF_WRITE, write);
    }

    @Override
    public synchronized void clear() {
        single(CLEAR, "clear");
    }

    @Override
    public synchronized void audition(boolean on) {
        single(on ? AUDITION_ON : AUDITION_OFF, "audition " + on);
    }

    @Override
    public synchronized void stateChanged(byte[] state) {
        if (!closed) {
            stateSink.accept(state.clone());
        }
    }

    @Override
    public synchronized void log(String message) {
        if (!closed) {
            logSink.accept(message);
        }
    }

    /** No call reaches the ring or the natives after this returns (it waits for one in progress). */
    synchronized void close() {
        closed = true;
    }

    /** Records dropped because the ring was full, since the start. */
    synchronized long dropped() {
        return dropped;
    }

    private void single(byte type, String what) {
        if (closed) {
            return;
        }
        int write = (int) INT.get(ring, OFF_WRITE);
        if (!hasRoom(write, 1)) {
            drop(what);
            return;
        }
        put(write++, type, (byte) 0, (byte) 0, (byte) 0, 0, 0.0);
        INT.setRelease(ring, OFF_WRITE, write);
    }

    private boolean hasRoom(int write, int records) {
        int read = (int) INT.getAcquire(ring, OFF_READ);
        long free = (long) (mask + 1) - Integer.toUnsignedLong(write - read);
        return records <= free;
    }

    private void drop(String what) {
        dropped++;
        logSink.accept("preview: the host has not taken the previous patterns yet; dropped " + what);
    }

    private void put(int index, byte type, byte status, byte data1, byte data2, int count, double value) {
        int at = OFF_RECORDS + (index & mask) * RECORD_BYTES;
        ring.put(at, type);
        ring.put(at + 1, status);
        ring.put(at + 2, data1);
        ring.put(at + 3, data2);
        ring.putInt(at + 4, count);
        ring.putDouble(at + 8, value);
    }
}
