package com.midicenter.library.details;

import com.midicenter.library.details.FileDetails.AnalysisState;
import com.midicenter.library.details.FileDetails.Drums;
import com.midicenter.library.details.FileDetails.FileInfo;
import com.midicenter.library.details.FileDetails.Harmony;
import com.midicenter.library.details.FileDetails.Instruments;
import com.midicenter.library.details.FileDetails.Location;
import com.midicenter.library.details.FileDetails.NoteStats;
import com.midicenter.library.details.FileDetails.Tag;
import com.midicenter.library.details.FileDetails.TagSource;
import com.midicenter.library.details.FileDetails.Tempo;
import com.midicenter.library.details.FileDetails.TempoChange;
import com.midicenter.persistence.details.FileDetailsMapper;
import com.midicenter.persistence.details.FileDetailsRow;
import com.midicenter.persistence.details.LocationRow;
import com.midicenter.persistence.details.TagRow;
import com.midicenter.persistence.mapper.TagMapper;
import com.midicenter.persistence.split.PartMapper;
import com.midicenter.persistence.split.RelatedContent;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One file's details, and the user's edits on files: favourite, rating, user tags. Every edit and the rewrite of the
 * edited files' search rows ({@code search_doc}: favourite, rating, tag ids and tag words) commit together, so search
 * (SQL and, after its rebuild, the in-memory index) never sees one without the other. User tags are kept with the
 * content, so a re-analysis keeps them.
 *
 * <p>Arguments are checked before the database is touched; a bad one is an {@link IllegalArgumentException} whose
 * message says what is allowed. A file that is gone is a {@link FileDetailsException}; so is a database failure.
 *
 * <p>Thread-safe; each call takes a pooled connection for its duration.
 */
public final class FileDetailsService {

    /** Longest user tag, in characters (after trimming). */
    public static final int MAX_TAG_LENGTH = 64;
    /** Most files one {@link #addTag} call tags. */
    public static final int MAX_TAG_FILES = 100_000;

    private final SqlSessionFactory sessions;

    public FileDetailsService(SqlSessionFactory sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * [any thread] Everything stored about the file, or empty if there is no content with this id (deleted, or
     * another library).
     *
     * @throws FileDetailsException when the database fails
     */
    public Optional<FileDetails> details(long contentId) {
        return inTransaction("read the details of file #" + contentId, session -> {
            FileDetailsMapper mapper = session.getMapper(FileDetailsMapper.class);
            FileDetailsRow row = mapper.details(contentId);
            if (row == null) {
                return Optional.empty();
            }
            List<Location> locations = new ArrayList<>();
            for (LocationRow l : mapper.locations(contentId)) {
                locations.add(new Location(l.path(), l.fileName(), l.container(), l.vendor(), l.pack(), l.sizeBytes(),
                        l.mtimeMs(), l.missing()));
            }
            List<Tag> tags = new ArrayList<>();
            for (TagRow t : mapper.tags(contentId)) {
                tags.add(new Tag(t.category(), t.name(), TagSource.of(t.source())));
            }
            PartMapper parts = session.getMapper(PartMapper.class);
            RelatedContent p = parts.parentOf(contentId);
            FileDetails.Related parent = p == null ? null : related(p);
            List<FileDetails.Related> children = parts.childrenOf(contentId).stream()
                    .map(FileDetailsService::related).toList();
            return Optional.of(toDetails(row, locations, tags, parent, children));
        });
    }

    /**
     * [any thread] Marks or unmarks the file as a favourite.
     *
     * @throws FileDetailsException when the file is gone or the database fails
     */
    public void setFavorite(long contentId, boolean favorite) {
        inTransaction("mark file #" + contentId + (favorite ? " favourite" : " not favourite"), session -> {
            FileDetailsMapper mapper = session.getMapper(FileDetailsMapper.class);
            requireUpdated(mapper.setFavorite(contentId, favorite), contentId);
            mapper.refreshSearchDocs(new Long[] {contentId});
            return null;
        });
    }

    /**
     * [any thread] Rates the file ({@code 1..5} stars) or clears its rating ({@code null}).
     *
     * @throws IllegalArgumentException when {@code stars} is not null and not 1..5
     * @throws FileDetailsException     when the file is gone or the database fails
     */
    public void setRating(long contentId, Integer stars) {
        if (stars != null && (stars < 1 || stars > 5)) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars, or none to clear it: stars=" + stars);
        }
        inTransaction("rate file #" + contentId, session -> {
            FileDetailsMapper mapper = session.getMapper(FileDetailsMapper.class);
            requireUpdated(mapper.setRating(contentId, stars), contentId);
            mapper.refreshSearchDocs(new Long[] {contentId});
            return null;
        });
    }

    /**
     * [any thread] Gives the user tag to every file of {@code contentIds}. The tag is trimmed; a user tag spelt the
     * same in another case is reused (so {@code Dark} and {@code dark} are one tag, spelt as first given). Files that
     * have it already stay as they are.
     *
     * @return how many files got the tag (did not have it before)
     * @throws IllegalArgumentException when the tag is blank or longer than {@value #MAX_TAG_LENGTH} characters, or
     *                                  no or more than {@value #MAX_TAG_FILES} files are given
     * @throws FileDetailsException     when one of the files is gone (then none is tagged) or the database fails
     */
    public int addTag(Collection<Long> contentIds, String tag) {
        String name = checkTag(tag);
        Objects.requireNonNull(contentIds, "contentIds");
        Set<Long> unique = new LinkedHashSet<>(contentIds);
        if (unique.isEmpty() || unique.size() > MAX_TAG_FILES) {
            throw new IllegalArgumentException("tag 1 to " + MAX_TAG_FILES + " files at a time: files=" + unique.size());
        }
        if (unique.contains(null)) {
            throw new IllegalArgumentException("a file id is null: " + contentIds);
        }
        Long[] ids = unique.toArray(new Long[0]);
        String operation = "tag " + ids.length + (ids.length == 1 ? " file" : " files") + " '" + name + "'";
        return inTransaction(operation, session -> {
            FileDetailsMapper mapper = session.getMapper(FileDetailsMapper.class);
            List<Long> existing = mapper.existing(ids);
            if (existing.size() != ids.length) {
                Set<Long> gone = new LinkedHashSet<>(unique);
                gone.removeAll(existing);
                throw new FileDetailsException(gone.size() == 1
                        ? "file #" + gone.iterator().next() + " is no longer in the library"
                        : gone.size() + " of the files are no longer in the library: " + gone);
            }
            Integer tagId = mapper.findUserTag(name);
            if (tagId == null) {
                tagId = session.getMapper(TagMapper.class).upsert(FileDetailsMapper.USER_CATEGORY, name);
            }
            int added = mapper.addUserTag(ids, tagId);
            if (added > 0) {
                mapper.refreshSearchDocs(ids);
            }
            return added;
        });
    }

    /**
     * [any thread] Takes the user tag spelt {@code tag} (any case, trimmed) from the file.
     *
     * @return true if the file had it, false if it had no tag of that name at all
     * @throws IllegalArgumentException when the tag is blank or too long, or the file's tag of that name came from
     *                                  its path or its analysis (only tags the user gave can be removed)
     * @throws FileDetailsException     when the file is gone or the database fails
     */
    public boolean removeTag(long contentId, String tag) {
        String name = checkTag(tag);
        return inTransaction("untag file #" + contentId + " '" + name + "'", session -> {
            FileDetailsMapper mapper = session.getMapper(FileDetailsMapper.class);
            if (mapper.removeUserTag(contentId, name) > 0) {
                mapper.refreshSearchDocs(new Long[] {contentId});
                return true;
            }
            if (mapper.details(contentId) == null) {
                throw gone(contentId);
            }
            for (TagRow t : mapper.tags(contentId)) {
                if (t.name().equalsIgnoreCase(name)) {
                    throw new IllegalArgumentException("the tag '" + t.name() + "' comes from the file's "
                            + t.source() + " (" + t.category()
                            + "); only tags you added can be removed");
                }
            }
            return false;
        });
    }

    /** The trimmed tag, checked (blank, too long, control characters: {@link IllegalArgumentException}). */
    public static String checkTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a tag needs at least one character that is not a space: tag='"
                    + tag + "'");
        }
        String name = tag.strip();
        if (name.length() > MAX_TAG_LENGTH) {
            throw new IllegalArgumentException("a tag has at most " + MAX_TAG_LENGTH + " characters: '" + name
                    + "' has " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("a tag cannot hold control characters: tag='"
                        + name.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        return name;
    }

    private static void requireUpdated(int rows, long contentId) {
        if (rows == 0) {
            throw gone(contentId);
        }
    }

    private static FileDetailsException gone(long contentId) {
        return new FileDetailsException("file #" + contentId + " is no longer in the library");
    }

    /** Runs {@code work} in one transaction; commits if it returns, rolls back if it throws. */
    private <T> T inTransaction(String operation, Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session);
            session.commit(true);
            return result;
        } catch (IllegalArgumentException | FileDetailsException e) {
            throw e;
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new FileDetailsException(operation + " failed: " + detail, e);
        }
    }

    private static FileDetails.Related related(RelatedContent r) {
        return new FileDetails.Related(r.contentId(), r.name() == null ? "#" + r.contentId() : r.name(), r.partNo());
    }

    private static FileDetails toDetails(FileDetailsRow r, List<Location> locations, List<Tag> tags,
                                         FileDetails.Related parent, List<FileDetails.Related> children) {
        List<TempoChange> tempoMap = new ArrayList<>();
        List<Double> seconds = r.tempoSeconds() == null ? List.of() : r.tempoSeconds();
        List<Double> bpms = r.tempoBpms() == null ? List.of() : r.tempoBpms();
        for (int i = 0; i < Math.min(seconds.size(), bpms.size()); i++) {
            if (seconds.get(i) != null && bpms.get(i) != null) {
                tempoMap.add(new TempoChange(seconds.get(i), bpms.get(i)));
            }
        }
        return new FileDetails(r.contentId(), r.sha256(), r.sizeBytes(), r.addedAt(),
                AnalysisState.of(r.analysisState()), r.analysisError(), r.analyzerVersion(), r.analyzedAt(),
                new FileInfo(r.format(), r.tracks(), r.ppq(), r.durationSec(), r.bars(), r.loop(), r.trackNames()),
                new Tempo(r.bpm(), r.bpmSource(), r.bpmConfidence(), r.tempoChanges(), tempoMap, r.meter(),
                        r.meterSource(), r.meters()),
                new Harmony(r.key(), r.keyConfidence(), r.keyRunnerUp(), r.keySource(), r.camelot(), r.chords(),
                        r.chordsPerBar()),
                new NoteStats(r.notes(), r.notesPerBar(), r.pitchMin(), r.pitchMax(), r.velocityMin(),
                        r.velocityMax(), r.velocityMean(), r.polyphonyMax(), r.quantized(), r.grooveOffsetMs()),
                new Drums(r.hasDrums(), r.drumPieces(), r.drumCounts(), r.drumHitsPerBar(), r.swing(),
                        r.ghostNotes(), r.fillBars(), r.drumRole()),
                new Instruments(r.channels(), r.programs(), r.families(), r.instruments()),
                r.warnings(), locations, tags, r.favorite(), r.rating(), parent, children);
    }
}
