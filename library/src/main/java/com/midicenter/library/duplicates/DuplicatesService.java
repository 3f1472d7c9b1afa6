package com.midicenter.library.duplicates;

import com.midicenter.core.analysis.NoteFingerprint;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.library.analysis.LocationReader;
import com.midicenter.persistence.duplicates.DuplicateTotals;
import com.midicenter.persistence.duplicates.DuplicatesMapper;
import com.midicenter.persistence.duplicates.MusicalCandidate;
import com.midicenter.persistence.duplicates.PathDuplicate;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Duplicates in the library.
 *
 * <ul>
 *   <li>By path: one content (same bytes, same SHA-256) seen at several present paths; what the extra copies
 *   waste. Answered by SQL alone.</li>
 *   <li>Musical: different contents that play the same notes ({@link NoteFingerprint}). Contents are first grouped
 *   by what the import already stored (note count, lowest and highest pitch); only groups of two or more are read and
 *   hashed, at query time. Files whose notes differ by a tick after rescaling to 480 PPQ are not duplicates.</li>
 * </ul>
 *
 * <p>Thread-safe: each call takes its own session and reader.
 */
public final class DuplicatesService {

    private final SqlSessionFactory sessions;

    public DuplicatesService(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * One page of contents found at several paths, most wasted bytes first.
     *
     * @param limit  rows per page, 1 to 10,000
     * @param offset rows skipped, at least 0
     */
    public List<PathDuplicate> byPath(int limit, long offset) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit=" + limit + ", expected 1 to 10000");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset=" + offset);
        }
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(DuplicatesMapper.class).byPath(limit, offset);
        }
    }

    /** How many contents are at several paths, and the extra copies and bytes over all of them. */
    public DuplicateTotals byPathTotals() {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(DuplicatesMapper.class).byPathTotals();
        }
    }

    /** How far a musical scan is: {@code read} of {@code candidates} files compared. Called on the scanning thread. */
    @FunctionalInterface
    public interface ScanProgress {
        ScanProgress NONE = (read, candidates) -> { };

        void update(int read, int candidates);
    }

    /** {@link #musical(AtomicBoolean, ScanProgress)} without progress. */
    public MusicalScan musical(AtomicBoolean cancel) {
        return musical(cancel, ScanProgress.NONE);
    }

    /**
     * Groups of musically identical contents, largest groups first (then most notes first, as the candidates come).
     * Reads every candidate once; checks {@code cancel} between files; tells {@code progress} at the start, every 256
     * files and at the end.
     */
    public MusicalScan musical(AtomicBoolean cancel, ScanProgress progress) {
        List<MusicalCandidate> candidates;
        try (SqlSession session = sessions.openSession(true)) {
            candidates = session.getMapper(DuplicatesMapper.class).musicalCandidates();
        }
        List<MusicalDuplicate> groups = new ArrayList<>();
        int unreadable = 0;
        boolean cancelled = false;
        int read = 0;
        int told = 0;
        progress.update(0, candidates.size());
        MidiReader midi = new MidiReader();
        try (LocationReader reader = new LocationReader()) {
            int i = 0;
            while (i < candidates.size() && !cancelled) {
                int end = i;
                while (end < candidates.size() && candidates.get(end).groupKey().equals(candidates.get(i).groupKey())) {
                    end++;
                }
                Map<String, List<MusicalDuplicate.Member>> byPrint = new LinkedHashMap<>();
                for (MusicalCandidate c : candidates.subList(i, end)) {
                    if (cancel.get()) {
                        cancelled = true;
                        break;
                    }
                    read++;
                    if (read - told >= 256) {
                        progress.update(read, candidates.size());
                        told = read;
                    }
                    try {
                        String print = NoteFingerprint.of(midi.read(reader.read(c.path())));
                        byPrint.computeIfAbsent(print, p -> new ArrayList<>())
                                .add(new MusicalDuplicate.Member(c.contentId(), c.path(), c.sizeBytes()));
                    } catch (IOException | MidiFormatException | RuntimeException e) {
                        unreadable++; // moved or damaged since the import: not comparable
                    }
                }
                byPrint.forEach((print, members) -> {
                    if (members.size() > 1) {
                        groups.add(new MusicalDuplicate(print, members));
                    }
                });
                i = end;
            }
        }
        progress.update(read, candidates.size());
        groups.sort(Comparator.comparingInt((MusicalDuplicate g) -> g.members().size()).reversed());
        return new MusicalScan(groups, candidates.size(), unreadable, cancelled);
    }

    /**
     * [any thread] Scans ({@link #musical}) and, unless cancelled, stores the groups so that searches can hide the
     * duplicates ({@link #storeMusical}). A cancelled scan leaves the stored result of the last complete one.
     */
    public MusicalScan scanAndStoreMusical(AtomicBoolean cancel) {
        return scanAndStoreMusical(cancel, ScanProgress.NONE);
    }

    /** {@link #scanAndStoreMusical(AtomicBoolean)}, telling {@code progress} as {@link #musical} does. */
    public MusicalScan scanAndStoreMusical(AtomicBoolean cancel, ScanProgress progress) {
        MusicalScan scan = musical(cancel, progress);
        if (!scan.cancelled()) {
            storeMusical(scan);
        }
        return scan;
    }

    /**
     * [any thread] Replaces the stored musical duplicates with the groups of {@code scan}, in one transaction: in
     * each group the content imported first (lowest id) is the keeper, the others are hidden by
     * {@code SearchRequest.hideDuplicates}.
     *
     * @return how many contents are hidden now
     * @throws IllegalArgumentException for a cancelled scan (its groups are not all the library's)
     */
    public int storeMusical(MusicalScan scan) {
        if (scan.cancelled()) {
            throw new IllegalArgumentException("a cancelled scan is not stored: it did not compare every candidate");
        }
        List<Long> contents = new ArrayList<>();
        List<Long> keepers = new ArrayList<>();
        List<String> prints = new ArrayList<>();
        int hidden = 0;
        for (MusicalDuplicate g : scan.groups()) {
            long keeper = g.members().stream().mapToLong(MusicalDuplicate.Member::contentId).min().orElseThrow();
            for (MusicalDuplicate.Member m : g.members()) {
                contents.add(m.contentId());
                keepers.add(keeper);
                prints.add(g.fingerprint());
                hidden += m.contentId() == keeper ? 0 : 1;
            }
        }
        try (SqlSession session = sessions.openSession(false)) {
            DuplicatesMapper mapper = session.getMapper(DuplicatesMapper.class);
            mapper.clearMusical();
            if (!contents.isEmpty()) {
                mapper.insertMusical(contents.toArray(new Long[0]), keepers.toArray(new Long[0]),
                        prints.toArray(new String[0]));
            }
            session.commit();
        }
        return hidden;
    }

    /** [any thread] How many contents the last stored scan hides (duplicates of an older content). */
    public long hiddenCount() {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(DuplicatesMapper.class).hiddenCount();
        }
    }

    /** [any thread] The content whose notes {@code contentId} repeats (its group's keeper), if the last scan says so. */
    public java.util.Optional<Long> keeperOf(long contentId) {
        try (SqlSession session = sessions.openSession(true)) {
            return java.util.Optional.ofNullable(session.getMapper(DuplicatesMapper.class).keeperOf(contentId));
        }
    }
}
