package org.nanosynapse.cli;

import picocli.CommandLine;

/** Version from the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = NanoSynapse.class.getPackage().getImplementationVersion();
    return new String[] {"nanosynapse " + (v == null ? "dev" : v)};
  }
}
