package costscope.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --at POINT} option, a scale point id: part of {@link StateOptions}, and on its own for a command that
 * takes a point but no other state (screenshot). A command may word its description differently through its resource
 * bundle (key {@code at}).
 */
public final class AtOption {
    @Option(names = "--at", paramLabel = "POINT", descriptionKey = "at", description = "a scale point id (see `table`)")
    String at;

    /** The scale point id given, or null. */
    public String at() {
        return at;
    }
}
