package com.midicenter.core.analysis;

import com.midicenter.core.music.MusicalKey;
import com.midicenter.core.tags.FilenameHints;
import com.midicenter.core.tags.PathTags;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a file's path says about it, as evidence for the analysers.
 *
 * @param fileName  the file name (for messages), may be empty
 * @param bpm       the tempo written in the name, or {@code null}
 * @param bpmStrong the name's tempo is unmistakably a tempo ({@link FilenameHints#strongBpm}): it may overrule
 *                  a software-default tempo event
 * @param key       the key written in the name, or {@code null}
 * @param pathWords part/category words of the path, lower case ({@code bass}, {@code drums}, {@code fill}...)
 */
public record Hints(String fileName, Double bpm, boolean bpmStrong, MusicalKey key, List<String> pathWords) {

    public static final Hints NONE = new Hints("", null, false, null, List.of());

    public Hints {
        Objects.requireNonNull(fileName, "fileName");
        pathWords = List.copyOf(pathWords);
    }

    public static Hints of(String fileName, PathTags tags) {
        return new Hints(fileName, tags.bpm(), tags.bpm() != null && FilenameHints.strongBpm(fileName).isPresent(),
                tags.key(), tags.parts().stream().sorted().toList());
    }

    /** From stored path tags written {@code category:name} ({@code bpm:124}, {@code key:Am}, {@code part:bass}). */
    public static Hints ofTags(String fileName, List<String> tags) {
        Double bpm = null;
        MusicalKey key = null;
        List<String> words = new java.util.ArrayList<>();
        for (String tag : tags) {
            int colon = tag.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String category = tag.substring(0, colon);
            String name = tag.substring(colon + 1);
            switch (category) {
                case "bpm" -> {
                    try {
                        bpm = Double.parseDouble(name);
                    } catch (NumberFormatException e) {
                        // not a tempo: ignored
                    }
                }
                case "key" -> key = MusicalKey.parse(name).orElse(null);
                case "part" -> words.add(name.toLowerCase(Locale.ROOT));
                default -> { }
            }
        }
        words.sort(null);
        return new Hints(fileName, bpm, bpm != null && FilenameHints.strongBpm(fileName).isPresent(), key, words);
    }
}
