package com.midicenter.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code midicenter rate}: rates files 1 to 5 stars, or clears their rating. */
@Command(name = "rate", mixinStandardHelpOptions = true,
        description = "Rates files (paths or content ids) 1 to 5 stars; 'none' clears the rating.")
final class RateCommand extends CurationCommand {

    @Parameters(arity = "2..*", paramLabel = "FILE... N|none", description = "the files, then the stars")
    List<String> arguments;

    @Override
    int run(Library l) {
        String last = arguments.get(arguments.size() - 1).strip();
        Integer stars;
        if (last.equalsIgnoreCase("none")) {
            stars = null;
        } else if (last.matches("[1-5]")) {
            stars = Integer.valueOf(last);
        } else {
            throw new IllegalArgumentException("the rating (last argument) is 1 to 5 or none, not '" + last + "'");
        }
        List<Long> ids = l.files(arguments.subList(0, arguments.size() - 1));
        for (long id : ids) {
            l.details().setRating(id, stars);
        }
        System.out.println(json ? json(g -> {
            if (stars == null) {
                g.writeNullField("rating");
            } else {
                g.writeNumberField("rating", stars);
            }
            writeIds(g, "files", ids);
        }) : (stars == null ? "cleared the rating of " : "rated " + stars + " stars: ") + ids.size() + " files");
        return 0;
    }
}
