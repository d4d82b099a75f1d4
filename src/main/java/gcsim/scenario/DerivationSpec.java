package gcsim.scenario;

import java.util.List;

/**
 * A derivation processes may write ({@code writeDerivation}) and build. Its references are its
 * input derivations and input sources; its outputs are not references (§2.1).
 *
 * @param name short name ending in {@code .drv}
 * @param inputDrvs short names of input derivations
 * @param inputSrcs short names of input sources
 * @param outputs short names of its output paths (each also a {@link PathSpec} of kind OUTPUT)
 * @param size bytes of the .drv file
 */
public record DerivationSpec(String name, List<String> inputDrvs, List<String> inputSrcs, List<String> outputs, long size, Pos pos) {}
