package org.copconnector.connector.backup;

import java.io.IOException;

/** A backup or restore that cannot be made, with the reason a person can act on. */
public final class BackupRefused extends IOException {

  public BackupRefused(String message) {
    super(message);
  }
}
