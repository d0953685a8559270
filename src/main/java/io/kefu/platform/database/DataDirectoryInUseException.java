package io.kefu.platform.database;

import java.nio.file.Path;

/** Another Kefu process already runs on this data folder; starting a second one would corrupt it. */
public class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path directory) {
        super("Another Kefu is already running with its data in " + directory
                + ". Stop it first, or give this one its own folder with KEFU_DATA_DIR.");
    }
}
