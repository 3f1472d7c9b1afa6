package com.midicenter.persistence.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every SQL statement is parameterised: the only text substitutions ({@code ${...}}) left in the mapper XMLs are the
 * sort expression and its type, and both come from a switch over the {@link SearchCriteria.Sort} enum — fixed
 * strings, never user text. A new {@code ${...}} anywhere makes this test fail until it is looked at.
 */
class MapperPlaceholdersTest {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> ALLOWED = Set.of("q.sortExpression()", "q.sortType()");

    @Test
    void mapperXml_textSubstitutions_onlyTheEnumDerivedSortExpressions() throws IOException, URISyntaxException {
        // given: every mapper XML on the class path of this module
        Path root = Path.of(SearchCriteria.class.getResource("SearchMapper.xml").toURI()).getParent().getParent();
        List<Path> xmls;
        try (Stream<Path> files = Files.walk(root)) {
            xmls = files.filter(p -> p.toString().endsWith(".xml")).toList();
        }

        // when
        Set<String> found = new TreeSet<>();
        List<String> where = new ArrayList<>();
        for (Path xml : xmls) {
            Matcher m = SUBSTITUTION.matcher(Files.readString(xml));
            while (m.find()) {
                found.add(m.group(1).strip());
                where.add(root.relativize(xml) + ": ${" + m.group(1) + "}");
            }
        }

        // then
        assertThat(xmls).hasSizeGreaterThanOrEqualTo(8);
        assertThat(found).as("${} substitutions: %s", where).isSubsetOf(ALLOWED);
    }

    @Test
    void sortExpressionAndType_everySort_fixedSqlWithoutParameters() {
        for (SearchCriteria.Sort sort : SearchCriteria.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                // given
                SearchCriteria c = new SearchCriteria("x:*", null, List.of(), List.of(), null, null, null, null, null,
                        null, null, null, null, null, false, null, null, sort, descending, 10, null, null,
                        sort == SearchCriteria.Sort.POSITION ? 7L : null, false); // a position sort needs a collection

                // when / then: column expressions and type names only, from the enum, whatever the search
                assertThat(c.sortExpression()).as("%s", sort).matches("[a-z_.(), 0-9]+");
                assertThat(c.sortType()).as("%s", sort).isIn("text", "timestamptz", "integer", "real");
            }
        }
    }
}
