package com.midicenter.core.corpus;

/** Wraps a Standard MIDI File in a RIFF {@code RMID} container ({@code .rmi}), as Windows tools wrote them. */
final class Rmid {

    private Rmid() {
    }

    static byte[] wrap(byte[] smf) {
        int pad = smf.length & 1;
        byte[] out = new byte[20 + smf.length + pad];
        ascii(out, 0, "RIFF");
        le32(out, 4, 12 + smf.length + pad);
        ascii(out, 8, "RMID");
        ascii(out, 12, "data");
        le32(out, 16, smf.length);
        System.arraycopy(smf, 0, out, 20, smf.length);
        return out;
    }

    private static void ascii(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) s.charAt(i);
        }
    }

    private static void le32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
