package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.library.search.SearchResult;
import com.midicenter.persistence.curation.CollectionItemRow;
import com.midicenter.persistence.curation.CollectionRow;
import com.midicenter.persistence.curation.RecentSearchRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code midicenter collection}: manual collections, saved searches (smart collections) and recent searches. */
@Command(name = "collection", mixinStandardHelpOptions = true,
        description = {"Collections: manual ones hold files in your order; smart ones (save-search) are a search",
            "whose results stay live. Files are paths or content ids."},
        subcommands = {CollectionCommand.Create.class, CollectionCommand.Add.class, CollectionCommand.Remove.class,
            CollectionCommand.Move.class, CollectionCommand.ListAll.class, CollectionCommand.Show.class,
            CollectionCommand.Delete.class, CollectionCommand.SaveSearch.class, CollectionCommand.Recent.class})
final class CollectionCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static void writeCollection(JsonGenerator g, CollectionRow c) throws IOException {
        g.writeNumberField("id", c.id());
        g.writeStringField("name", c.name());
        g.writeStringField("kind", c.kind());
        if (c.query() != null) {
            g.writeStringField("search", c.query());
        }
        g.writeNumberField("items", c.items());
        g.writeStringField("created_at", c.createdAt().toString());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an empty manual collection.")
    static final class Create extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(Library l) {
            CollectionRow c = l.collections().create(name);
            System.out.println(json ? json(g -> writeCollection(g, c)) : "created '" + c.name() + "'");
            return 0;
        }
    }

    @Command(name = "save-search", mixinStandardHelpOptions = true,
            description = "Saves a search as a smart collection, e.g. save-search Dark --search \"dark --bpm 120-130\".")
    static final class SaveSearch extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--search", paramLabel = "ARGS", required = true, description = "the search's arguments")
        String search;

        @Override
        int run(Library l) {
            CollectionRow c = l.collections().saveSearch(name, l.search(search));
            System.out.println(json ? json(g -> writeCollection(g, c)) : "saved '" + c.name() + "'");
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Appends files to a manual collection.")
    static final class Add extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", paramLabel = "FILE")
        List<String> files = new ArrayList<>();

        @Option(names = "--search", paramLabel = "ARGS", description = "every file of this search")
        String search;

        @Override
        int run(Library l) {
            requireOneOf(files, search);
            int added = search == null ? l.collections().add(name, l.files(files))
                    : l.collections().addSearch(name, l.search(search));
            System.out.println(json ? json(g -> {
                g.writeStringField("collection", name.strip());
                g.writeNumberField("added", added);
            }) : "added " + added + " files to '" + name.strip() + "'");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Takes files out of a manual collection.")
    static final class Remove extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
        List<String> files;

        @Override
        int run(Library l) {
            int removed = l.collections().remove(name, l.files(files));
            System.out.println(json ? json(g -> {
                g.writeStringField("collection", name.strip());
                g.writeNumberField("removed", removed);
            }) : "removed " + removed + " files from '" + name.strip() + "'");
            return 0;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Moves a file of a manual collection to POSITION (1 is first).")
    static final class Move extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "FILE")
        String file;

        @Parameters(index = "2", paramLabel = "POSITION")
        int position;

        @Override
        int run(Library l) {
            long id = l.files(List.of(file)).get(0);
            l.collections().move(name, id, position);
            List<CollectionItemRow> items = l.collections().items(name);
            System.out.println(json ? json(g -> {
                g.writeStringField("collection", name.strip());
                writeIds(g, "order", items.stream().map(CollectionItemRow::contentId).toList());
            }) : "moved #" + id + " to " + position);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "All collections.")
    static final class ListAll extends CurationCommand {
        @Override
        int run(Library l) {
            List<CollectionRow> all = l.collections().list();
            if (json) {
                System.out.println(json(g -> {
                    g.writeArrayFieldStart("collections");
                    for (CollectionRow c : all) {
                        g.writeStartObject();
                        writeCollection(g, c);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }));
            } else {
                for (CollectionRow c : all) {
                    System.out.printf("%-6s %6s  %s%n", c.kind(), c.kind().equals("smart") ? "-" : c.items(), c.name());
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The files of a collection in order; of a smart one, its search's results now.")
    static final class Show extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--limit", description = "results of a smart collection (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Option(names = "--after", paramLabel = "CURSOR", description = "the next page of a smart collection")
        String after;

        @Override
        int run(Library l) throws IOException {
            CollectionRow c = l.collections().get(name);
            if (c.kind().equals("smart")) {
                SearchResult r = l.collections().results(c.name(), limit, after);
                if (json) {
                    String results = SearchCommand.json(r, null);
                    System.out.println(json(g -> {
                        writeCollection(g, c);
                        g.writeFieldName("result");
                        g.writeRawValue(results);
                    }));
                } else {
                    System.out.println(c.name() + " (saved search, " + r.total() + " files):");
                    r.hits().forEach(h -> System.out.println(h.contentId() + "\t" + h.path()));
                }
                return 0;
            }
            List<CollectionItemRow> items = l.collections().items(c.name());
            if (json) {
                System.out.println(json(g -> {
                    writeCollection(g, c);
                    g.writeArrayFieldStart("files");
                    for (CollectionItemRow i : items) {
                        g.writeStartObject();
                        g.writeNumberField("position", i.position());
                        g.writeNumberField("id", i.contentId());
                        g.writeStringField("path", i.path());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }));
            } else {
                items.forEach(i -> System.out.println(i.position() + "\t" + i.contentId() + "\t" + i.path()));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a collection (not its files).")
    static final class Delete extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(Library l) {
            l.collections().delete(name);
            System.out.println(json ? json(g -> g.writeStringField("deleted", name.strip()))
                    : "deleted '" + name.strip() + "'");
            return 0;
        }
    }

    @Command(name = "recent", mixinStandardHelpOptions = true,
            description = "The last searches run by 'search' (up to 50), newest first.")
    static final class Recent extends CurationCommand {
        @Override
        int run(Library l) {
            List<RecentSearchRow> recent = l.collections().recentSearches();
            if (json) {
                System.out.println(json(g -> {
                    g.writeArrayFieldStart("searches");
                    for (RecentSearchRow r : recent) {
                        g.writeStartObject();
                        g.writeStringField("search", r.query());
                        g.writeStringField("searched_at", r.searchedAt().toString());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }));
            } else {
                recent.forEach(r -> System.out.println(r.searchedAt() + "  "
                        + r.query().strip().replace("\n", "  ")));
            }
            return 0;
        }
    }
}
