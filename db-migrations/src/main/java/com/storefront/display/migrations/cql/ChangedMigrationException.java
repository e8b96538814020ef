package com.storefront.display.migrations.cql;

/** An applied migration's script no longer matches the checksum recorded when it ran. */
public class ChangedMigrationException extends IllegalStateException {

    public ChangedMigrationException(CqlMigration script, String appliedChecksum) {
        super("CQL migration " + script.name() + " (version " + script.version() + ") was applied with checksum "
                + appliedChecksum + " but the file now has checksum " + script.checksum()
                + ": an applied migration must never change. Restore the file and add a new migration instead.");
    }
}
