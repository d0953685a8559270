package io.kefu.knowledge.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import io.kefu.platform.SafeHtml;

/**
 * What changed between two versions of an article, line by line on the text a reader sees (title first), with the
 * changed characters marked inside changed lines: Chinese has no spaces, so a word diff would mark whole sentences.
 */
public final class ArticleDiff {

    /** The kind of a line in the diff. */
    public enum Change { EQUAL, INSERT, DELETE, CHANGE }

    /**
     * One line of the diff; {@code oldHtml} and {@code newHtml} are HTML-escaped text in which changed characters
     * are wrapped in {@code <del>} or {@code <ins>} (the generator escapes the text before marking it).
     */
    public record Line(Change change, String oldHtml, String newHtml) {
    }

    private ArticleDiff() {
    }

    public static List<Line> between(ArticleVersion from, ArticleVersion to) {
        DiffRowGenerator generator = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .inlineDiffByWord(false)
                .oldTag(open -> open ? "<del>" : "</del>")
                .newTag(open -> open ? "<ins>" : "</ins>")
                .build();
        List<Line> lines = new ArrayList<>();
        for (DiffRow row : generator.generateDiffRows(linesOf(from), linesOf(to))) {
            lines.add(new Line(Change.valueOf(row.getTag().name()), row.getOldLine(), row.getNewLine()));
        }
        return lines;
    }

    private static List<String> linesOf(ArticleVersion version) {
        List<String> lines = new ArrayList<>();
        lines.add(version.title());
        lines.add("");
        lines.addAll(List.of(SafeHtml.toText(version.body()).split("\n", -1)));
        return lines;
    }
}
