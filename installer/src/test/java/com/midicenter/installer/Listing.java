package com.midicenter.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every path under a folder (relative, sorted; folders end in '/', symlinks in '@'), to compare before/after. */
final class Listing {

    private Listing() {
    }

    static List<String> of(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p) + (Files.isSymbolicLink(p) ? "@"
                            : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("list " + root, e);
        }
    }
}
