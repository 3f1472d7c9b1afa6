package com.midicenter.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code midicenter tag}: user tags on files, and the tag lists. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"User tags: add to and remove from files (paths or content ids) or every file of a search,",
            "rename, merge, list with counts, complete a prefix, the tag cloud of a search.",
            "Automatic tags (from paths and analysis) are never renamed, merged or removed."},
        subcommands = {TagCommand.Add.class, TagCommand.Remove.class, TagCommand.Rename.class, TagCommand.Merge.class,
            TagCommand.ListTags.class, TagCommand.Complete.class, TagCommand.Cloud.class})
final class TagCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** add and remove: a tag, then files or --search. */
    abstract static class OnFiles extends CurationCommand {
        @Parameters(index = "0", paramLabel = "TAG", description = "the tag")
        String tag;

        @Parameters(index = "1..*", paramLabel = "FILE", description = "paths or content ids")
        List<String> files = new ArrayList<>();

        @Option(names = "--search", paramLabel = "ARGS",
                description = "every file of this search, e.g. \"bass --bpm 120-126\" (the options of search)")
        String search;

        abstract int apply(Library l, List<Long> ids);

        abstract int applySearch(Library l);

        @Override
        int run(Library l) {
            requireOneOf(files, search);
            List<Long> ids = search == null ? l.files(files) : List.of();
            int changed = search == null ? apply(l, ids) : applySearch(l);
            if (json) {
                System.out.println(json(g -> {
                    g.writeStringField("tag", tag.strip());
                    g.writeNumberField("changed", changed);
                    if (search == null) {
                        writeIds(g, "files", ids);
                    } else {
                        g.writeStringField("search", search);
                    }
                }));
            } else {
                System.out.println(spec.name() + " '" + tag.strip() + "': " + changed + " files changed");
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Gives a user tag to files.")
    static final class Add extends OnFiles {
        @Override
        int apply(Library l, List<Long> ids) {
            return l.tags().add(ids, tag);
        }

        @Override
        int applySearch(Library l) {
            return l.tags().addToSearch(l.search(search), tag);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Takes a user tag from files.")
    static final class Remove extends OnFiles {
        @Override
        int apply(Library l, List<Long> ids) {
            return l.tags().remove(ids, tag);
        }

        @Override
        int applySearch(Library l) {
            return l.tags().removeFromSearch(l.search(search), tag);
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Renames a user tag on every file.")
    static final class Rename extends CurationCommand {
        @Parameters(index = "0", paramLabel = "OLD")
        String from;

        @Parameters(index = "1", paramLabel = "NEW")
        String to;

        @Override
        int run(Library l) {
            int files = l.tags().rename(from, to);
            System.out.println(json ? json(g -> {
                g.writeStringField("from", from.strip());
                g.writeStringField("to", to.strip());
                g.writeNumberField("files", files);
            }) : "renamed '" + from.strip() + "' to '" + to.strip() + "' on " + files + " files");
            return 0;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merges user tag FROM into INTO: the files of FROM get INTO, FROM is deleted.")
    static final class Merge extends CurationCommand {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "INTO")
        String into;

        @Override
        int run(Library l) {
            int added = l.tags().merge(from, into);
            System.out.println(json ? json(g -> {
                g.writeStringField("from", from.strip());
                g.writeStringField("into", into.strip());
                g.writeNumberField("added", added);
            }) : "merged '" + from.strip() + "' into '" + into.strip() + "': " + added + " files got it");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "User tags with their file counts.")
    static final class ListTags extends CurationCommand {
        @Option(names = "--prefix", description = "only tags starting with this (any case)")
        String prefix;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 1000;

        @Override
        int run(Library l) {
            var tags = l.tags().userTags(prefix, limit);
            showTags(tags);
            return 0;
        }
    }

    @Command(name = "complete", mixinStandardHelpOptions = true,
            description = "Tags of any kind starting with PREFIX, most used first.")
    static final class Complete extends CurationCommand {
        @Parameters(index = "0", paramLabel = "PREFIX")
        String prefix;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 10;

        @Override
        int run(Library l) {
            var tags = l.tags().autocomplete(prefix, limit);
            showTags(tags);
            return 0;
        }
    }

    @Command(name = "cloud", mixinStandardHelpOptions = true,
            description = "The tags most carried by the files of a search, with counts.")
    static final class Cloud extends CurationCommand {
        @Option(names = "--search", paramLabel = "ARGS", defaultValue = "",
                description = "the search's arguments (default: every analysed file)")
        String search;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 30;

        @Override
        int run(Library l) {
            var tags = l.tags().cloud(l.search(search), limit);
            showTags(tags);
            return 0;
        }
    }
}
