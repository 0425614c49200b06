package org.copconnector.plugin.store;

/** The database failed or could not be reached; never carries credentials. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
