package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.library.curation.CollectionService;
import com.midicenter.library.curation.CurationException;
import com.midicenter.library.curation.FileRefs;
import com.midicenter.library.curation.TagService;
import com.midicenter.library.details.FileDetailsException;
import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.search.SearchException;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.curation.TagCount;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What the curation commands ({@code tag}, {@code fav}, {@code rate}, {@code collection}) share: the database
 * options, {@code --json}, the services on one opened library, files by path or id, searches given as one quoted
 * argument line, and one clear error line (exit 2 for a refused or bad request, 1 for a file or collection that is
 * gone or a database failure).
 */
abstract class CurationCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "print the outcome as one JSON line")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The services of one opened library. */
    record Library(Database db, SearchService search, TagService tags, CollectionService collections,
                   FileDetailsService details) {

        List<Long> files(List<String> refs) {
            return FileRefs.resolve(db.sqlSessionFactory(), refs);
        }

        /** A search given as its arguments in one string, like a line of {@code search --batch}. */
        SearchRequest search(String arguments) {
            SearchCommand.Query q = new SearchCommand.Query();
            new CommandLine(q).parseArgs(ShellWords.split(arguments).toArray(new String[0]));
            return q.request(collections::manualId);
        }
    }

    /** Writes one JSON object. */
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    abstract int run(Library library) throws IOException;

    @Override
    public final Integer call() throws IOException {
        try (Database db = database.open()) {
            db.migrate();
            SearchService search = new SearchService(db.sqlSessionFactory());
            return run(new Library(db, search, new TagService(db.sqlSessionFactory(), search),
                    new CollectionService(db.sqlSessionFactory(), search), new FileDetailsService(db.sqlSessionFactory())));
        } catch (IllegalArgumentException | SearchException | CommandLine.ParameterException e) {
            System.err.println(prefix() + e.getMessage());
            return 2;
        } catch (CurationException | FileDetailsException e) {
            System.err.println(prefix() + e.getMessage());
            return 1;
        }
    }

    private String prefix() {
        return "midicenter " + spec.qualifiedName(" ").replaceFirst("^midicenter ", "") + ": ";
    }

    static String json(JsonBody body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static void writeIds(JsonGenerator g, String field, List<Long> ids) throws IOException {
        g.writeArrayFieldStart(field);
        for (long id : ids) {
            g.writeNumber(id);
        }
        g.writeEndArray();
    }

    static void writeTags(JsonGenerator g, List<TagCount> tags) throws IOException {
        g.writeArrayFieldStart("tags");
        for (TagCount t : tags) {
            g.writeStartObject();
            g.writeStringField("category", t.category());
            g.writeStringField("name", t.name());
            g.writeNumberField("files", t.files());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Prints tags with their counts: one JSON object with {@code --json}, else a line each. */
    void showTags(List<TagCount> tags) {
        if (json) {
            System.out.println(json(g -> writeTags(g, tags)));
            return;
        }
        for (TagCount t : tags) {
            System.out.printf("%6d  %s%n", t.files(), t.category().equals("user") ? t.name() : t.category() + ":" + t.name());
        }
    }

    /** Either files or {@code --search}, not both, not neither. */
    static void requireOneOf(List<String> files, String search) {
        if ((files == null || files.isEmpty()) == (search == null)) {
            throw new IllegalArgumentException("name files (paths or content ids) or --search \"ARGS\", one of them");
        }
    }
}
