package io.kefu.customer.internal;

/**
 * Counts the records of a CSV file byte by byte as {@code CSVFormat.DEFAULT} with empty lines ignored reads
 * them: a quote opens a quoted cell only at the start of a cell, two quotes in one stand for a quote, and a line
 * break ({@code \n}, {@code \r} or both) ends a record only outside quotes and only after something.
 */
final class CsvRecordCounter {

    private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private State state = State.CELL_START;
    private boolean lineHasContent;
    private int records;

    void accept(int b) {
        boolean lineBreak = b == '\n' || b == '\r';
        switch (state) {
            case QUOTED -> {
                if (b == '"') {
                    state = State.QUOTE_IN_QUOTED;
                }
                return;
            }
            case QUOTE_IN_QUOTED -> {
                if (b == '"') {
                    state = State.QUOTED;
                    return;
                }
            }
            case CELL_START -> {
                if (b == '"') {
                    state = State.QUOTED;
                    lineHasContent = true;
                    return;
                }
            }
            case UNQUOTED -> {
            }
        }
        if (lineBreak) {
            endLine();
        } else {
            lineHasContent = true;
            state = b == ',' ? State.CELL_START : State.UNQUOTED;
        }
    }

    /** Records seen, a last one without a line break included. */
    int records() {
        return records + (lineHasContent ? 1 : 0);
    }

    private void endLine() {
        if (lineHasContent) {
            records++;
        }
        lineHasContent = false;
        state = State.CELL_START;
    }
}
