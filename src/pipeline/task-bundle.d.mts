// Types of task-bundle.mjs (plain JavaScript: the worker loads it before any TypeScript loader).
export const BUNDLE_DIR: string;
export function taskBundle(key: string, dir?: string): Promise<string>;
export function pruneBundles(dir: string, keep: string): Promise<void>;
