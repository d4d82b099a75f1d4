package gcsim.cli;

import java.io.PrintStream;

/** What every command needs: the project and the two output streams (stdout for results, stderr for the rest). */
record Context(Project project, PrintStream out, PrintStream err) {}
