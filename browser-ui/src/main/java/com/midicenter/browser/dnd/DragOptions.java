package com.midicenter.browser.dnd;

import com.midicenter.core.midi.MidiTransform;
import com.midicenter.core.music.MusicalKey;

/**
 * How dragged files should arrive in the user's song: in a target key and/or at a target tempo. {@code null} means
 * "as is" for that part. A file with a known key is transposed the shortest way into {@code targetKey} (a minor file
 * into a major target goes to its relative minor, see {@link MidiTransform#semitonesTo}); its first tempo becomes
 * {@code targetBpm} and later tempo changes keep their shape.
 *
 * @param targetKey the key to transpose to, or {@code null} to keep each file's key
 * @param targetBpm quarter notes per minute ({@link MidiTransform#MIN_BPM}..{@link MidiTransform#MAX_BPM}), or
 *                  {@code null} to keep each file's tempo
 */
public record DragOptions(MusicalKey targetKey, Double targetBpm) {

    /** Files dragged as they are. */
    public static final DragOptions AS_IS = new DragOptions(null, null);

    public DragOptions {
        if (targetBpm != null && !(targetBpm >= MidiTransform.MIN_BPM && targetBpm <= MidiTransform.MAX_BPM)) {
            throw new IllegalArgumentException("targetBpm=" + targetBpm + " is not " + MidiTransform.MIN_BPM + ".."
                    + MidiTransform.MAX_BPM);
        }
    }

    /** True when neither key nor tempo is asked for. */
    public boolean asIs() {
        return targetKey == null && targetBpm == null;
    }
}
