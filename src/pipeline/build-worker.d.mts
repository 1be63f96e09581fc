// Types of build-worker.mjs (plain JavaScript: the launcher loads it before the CLI's bundle).
import type { Worker } from "node:worker_threads";

export interface BuildWorkerOptions {
  /** Names the task bundle the worker loads (task-bundle.mjs taskBundleKey). */
  bundleKey: string;
  /** Heap cap of the worker (V8 old generation), in MB. */
  memoryMb: number;
}
/** The key of the task bundle for the sources as they are (the digest of src/). */
export function taskBundleKey(): string;
export const DEFAULT_MEMORY_MB: number;
export function buildWorker(options: BuildWorkerOptions): Worker;
export function startEarlyWorker(options: BuildWorkerOptions): Worker | undefined;
export function takeEarlyWorker(options: BuildWorkerOptions): { worker: Worker; ready: boolean } | undefined;
export function stopEarlyWorker(): void;
export function hasEarlyWorker(): boolean;
