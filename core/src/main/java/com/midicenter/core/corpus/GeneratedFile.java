package com.midicenter.core.corpus;

import java.util.Arrays;
import java.util.Objects;

/**
 * One corpus file held in memory: where {@link CorpusGenerator#generate} puts it, its bytes, and its row of
 * the ground truth. The byte array is copied in and out.
 *
 * @param relativePath path relative to the corpus folder, {@code /}-separated (same as {@code truth.path()})
 * @param bytes        the file's content
 * @param truth        its ground-truth row
 */
public record GeneratedFile(String relativePath, byte[] bytes, GroundTruth truth) {

    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(truth, "truth");
        if (!relativePath.equals(truth.path())) {
            throw new IllegalArgumentException("relativePath=" + relativePath + " truth.path=" + truth.path());
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The file size in bytes, without copying. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedFile g && relativePath.equals(g.relativePath) && Arrays.equals(bytes, g.bytes)
                && truth.equals(g.truth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(relativePath, Arrays.hashCode(bytes), truth);
    }

    @Override
    public String toString() {
        return "GeneratedFile[" + relativePath + ", " + bytes.length + " bytes, " + truth.kind().csvName() + "]";
    }
}
