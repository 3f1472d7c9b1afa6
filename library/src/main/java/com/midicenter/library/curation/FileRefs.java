package com.midicenter.library.curation;

import com.midicenter.persistence.details.FileDetailsMapper;
import com.midicenter.persistence.search.SearchMapper;
import org.apache.ibatis.session.SqlSessionFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns what the user typed (a path of an imported file, or a content id) into content ids. */
public final class FileRefs {

    private static final Pattern ID = Pattern.compile("#?\\d{1,18}");

    private FileRefs() {
    }

    /**
     * [any thread] The content ids of {@code refs} in their order, without repeats. A ref of digits (optionally
     * {@code #}-prefixed) is a content id; anything else a path (made absolute, as import stores it).
     *
     * @throws CurationException when a ref is not in the library (the message names it)
     */
    public static List<Long> resolve(SqlSessionFactory sessions, List<String> refs) {
        Objects.requireNonNull(refs, "refs");
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("name at least one file (a path or a content id)");
        }
        return Transactions.inTransaction(sessions, "find " + refs.size() + " files", session -> {
            SearchMapper search = session.getMapper(SearchMapper.class);
            Set<Long> ids = new LinkedHashSet<>();
            List<String> unknown = new ArrayList<>();
            List<Long> numeric = new ArrayList<>();
            for (String ref : refs) {
                if (ref == null || ref.isBlank()) {
                    throw new IllegalArgumentException("a file is blank: " + refs);
                }
                if (ID.matcher(ref.strip()).matches()) {
                    long id = Long.parseLong(ref.strip().replace("#", ""));
                    numeric.add(id);
                    ids.add(id);
                    continue;
                }
                List<Long> found = search.contentIdsByPath(absolute(ref));
                if (found.isEmpty()) {
                    found = search.contentIdsByPath(ref);
                }
                if (found.isEmpty()) {
                    unknown.add(ref);
                } else {
                    ids.add(found.get(0));
                }
            }
            if (!numeric.isEmpty()) {
                Long[] wanted = numeric.toArray(new Long[0]);
                Set<Long> missing = new LinkedHashSet<>(numeric);
                missing.removeAll(session.getMapper(FileDetailsMapper.class).existing(wanted));
                missing.forEach(id -> unknown.add("#" + id));
            }
            if (!unknown.isEmpty()) {
                throw new CurationException((unknown.size() == 1 ? "not in the library: " : unknown.size()
                        + " files are not in the library: ") + String.join(", ", unknown));
            }
            return List.copyOf(ids);
        });
    }

    private static String absolute(String ref) {
        try {
            return Path.of(ref).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return ref;
        }
    }
}
