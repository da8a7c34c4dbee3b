/**
 * Bundle format upgrades, one step per format version (docs/bundle-format.md "Versions"): a bundle
 * written in version n is brought to n+1, then n+2, up to BUNDLE_FORMAT_VERSION, so each step stays
 * small and is tested on its own. Versions newer than the app are refused before this runs.
 */
import { BUNDLE_FORMAT_VERSION } from '../../shared/domain/bundles';

type Step = (manifest: Record<string, unknown>) => Record<string, unknown>;

/** UPGRADES[n] turns a version-n manifest into a version-(n+1) one. Version 1 is the first. */
const UPGRADES: Readonly<Record<number, Step>> = {
  // Version 2 added an optional entry (summary.pdf); a version-1 bundle is a version-2 bundle without it.
  1: (manifest) => manifest,
};

export function upgradeManifest(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !Number.isInteger((value as { formatVersion?: unknown }).formatVersion)) return value;
  let manifest = value as Record<string, unknown>;
  for (let v = manifest.formatVersion as number; v < BUNDLE_FORMAT_VERSION; v++) {
    const step = UPGRADES[v];
    if (!step) return manifest; // an unknown old version: the schema refuses it with a clear message
    manifest = { ...step(manifest), formatVersion: v + 1 };
  }
  return manifest;
}
