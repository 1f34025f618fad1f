package dev.hoptrace.cli;

import java.util.ArrayList;
import java.util.List;

/** Joins groups of options into one table's list, in the order help shows them. */
final class Options {
  private Options() {}

  @SafeVarargs
  static <S> List<Option<S>> concat(List<Option<S>>... groups) {
    List<Option<S>> all = new ArrayList<>();
    for (List<Option<S>> group : groups) {
      all.addAll(group);
    }
    return all;
  }
}
