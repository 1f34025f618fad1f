/**
 * Multipath tracing: the MDA and MDA-Lite as pure algorithms over a {@link
 * dev.hoptrace.core.mda.FlowProber}, which sends a batch of flows at one TTL. {@link
 * dev.hoptrace.core.mda.Mda} runs a trace and returns a {@link
 * dev.hoptrace.core.mda.MultipathResult}: per TTL the interfaces, the edges into them with their
 * flows, per-packet balancing, probe counts. {@link dev.hoptrace.core.mda.StoppingRule} holds n_k.
 *
 * <p>Inside, TraceState keeps every answer and is the only sender (it enforces the budget);
 * NodeControl is the classic per-vertex step, MdaLite the whole-hop step with its meshing test,
 * PerPacketCheck the recheck where a hop is meshed. docs/mda.md describes the algorithms and their measured failure
 * rates.
 */
package dev.hoptrace.core.mda;
