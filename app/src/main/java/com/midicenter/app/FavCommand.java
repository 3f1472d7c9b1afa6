package com.midicenter.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code midicenter fav}: marks files as favourites, or unmarks them. */
@Command(name = "fav", mixinStandardHelpOptions = true,
        description = "Marks files (paths or content ids) as favourites; --off unmarks them.")
final class FavCommand extends CurationCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "paths or content ids")
    List<String> files;

    @Option(names = "--off", description = "unmark instead")
    boolean off;

    @Override
    int run(Library l) {
        List<Long> ids = l.files(files);
        for (long id : ids) {
            l.details().setFavorite(id, !off);
        }
        System.out.println(json ? json(g -> {
            g.writeBooleanField("favorite", !off);
            writeIds(g, "files", ids);
        }) : (off ? "unmarked " : "marked ") + ids.size() + " files");
        return 0;
    }
}
