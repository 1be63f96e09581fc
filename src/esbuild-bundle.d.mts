// Types of esbuild-bundle.mjs (plain JavaScript: loaded before any TypeScript loader).
import type { BuildOptions, Plugin } from "esbuild";
export declare const BUNDLE_DIR: string;
export declare const SRC: string;
export declare const ownImportMetaUrl: Plugin;
export declare const BUNDLED_PACKAGES: string[];
export declare function cachedBundle(args: { dir?: string; name: string; kind: RegExp; keepMs: number; options: BuildOptions; bundledPackages?: string[] }): Promise<string>;
export declare function pruneBundles(dir: string, keep: string, kind: RegExp, keepMs: number, now?: number): Promise<void>;
